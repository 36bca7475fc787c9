package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The refresh tokens the front hands out: the provider's refresh token is never given to the client
 * as it is, but encrypted (AES-256-GCM under a key derived from the front's key) into a token of
 * this front that also names a family (one per authorization), a generation, the client and the
 * resource. Each generation is redeemed once: redeeming it records {@code family:generation} in the
 * front's ledger ({@link ConsumedTokens}, shared between instances when that ledger is) and hands
 * out the next generation. A generation presented a second time is a reuse (a stolen copy, or the
 * client's own old copy): it gets nothing, and the family's live generation is consumed as well, so
 * the family is revoked for whoever holds it (OAuth 2.1 section 4.3.1, refresh token rotation for
 * public clients). Providers that rotate their own refresh tokens keep doing so underneath; those
 * that do not still get rotation, enforced here.
 */
final class RefreshTokens {
  static final String PREFIX = "jmr_";
  private static final byte[] AAD = "jamf-mcp front refresh token".getBytes(StandardCharsets.UTF_8);
  private static final int MAX_CHARS = 8192;
  private static final int MAX_GENERATIONS_REVOKED = 100_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  /** What a front refresh token carries; {@code client} is a digest of the client id. */
  record Grant(
      String family,
      long generation,
      String client,
      String resource,
      String upstream,
      Instant expires) {}

  /** The outcome of presenting a generation. */
  enum Redemption {
    /** First use of this generation: the next one may be issued. */
    FIRST,
    /** Used before: nothing is issued and the family is now revoked. */
    REUSED
  }

  private final SecretKeySpec key;
  private final ConsumedTokens ledger;
  private final Duration ttl;
  private final Clock clock;

  RefreshTokens(byte[] key, ConsumedTokens ledger, Duration ttl, Clock clock) {
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.ledger = ledger;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A new family's first generation. */
  String issue(String client, String resource, String upstream) {
    byte[] family = new byte[16];
    RANDOM.nextBytes(family);
    return wrap(new Grant(ENC.encodeToString(family), 0, client, resource, upstream, expiry()));
  }

  /** The generation after {@code grant}, carrying the provider's (possibly new) refresh token. */
  String next(Grant grant, String upstream) {
    return wrap(
        new Grant(
            grant.family(),
            grant.generation() + 1,
            grant.client(),
            grant.resource(),
            upstream,
            expiry()));
  }

  private Instant expiry() {
    return clock.instant().plus(ttl);
  }

  /**
   * Records the use of {@code grant}'s generation. On a second use, consumes the family's live
   * generation too (the first one not yet used after this one), which revokes the family.
   *
   * @throws RuntimeException when the ledger cannot answer (the caller refuses the request)
   */
  Redemption redeem(Grant grant) {
    Instant until = clock.instant().plus(ttl);
    if (ledger.markConsumed(id(grant.family(), grant.generation()), grant.expires())) {
      return Redemption.FIRST;
    }
    for (long g = grant.generation() + 1; g <= grant.generation() + MAX_GENERATIONS_REVOKED; g++) {
      if (ledger.markConsumed(id(grant.family(), g), until)) {
        break;
      }
    }
    return Redemption.REUSED;
  }

  private static String id(String family, long generation) {
    return "rt:" + family + ":" + generation;
  }

  /** The grant behind a front refresh token, or null when it is not one, altered or expired. */
  Grant open(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > MAX_CHARS) {
      return null;
    }
    try {
      byte[] sealed = DEC.decode(token.substring(PREFIX.length()));
      if (sealed.length < 12 + 16) {
        return null;
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
      cipher.updateAAD(AAD);
      byte[] plain = cipher.doFinal(sealed, 12, sealed.length - 12);
      JsonNode node = Json.mapper().readTree(new String(plain, StandardCharsets.UTF_8));
      Instant expires = Instant.ofEpochSecond(node.get("e").longValue());
      if (!clock.instant().isBefore(expires)) {
        return null;
      }
      JsonNode resource = node.get("u");
      return new Grant(
          node.get("f").stringValue(),
          node.get("g").longValue(),
          node.get("c").stringValue(),
          resource == null ? null : resource.stringValue(),
          node.get("t").stringValue(),
          expires);
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  private String wrap(Grant grant) {
    ObjectNode node =
        Json.object()
            .put("f", grant.family())
            .put("g", grant.generation())
            .put("c", grant.client())
            .put("t", grant.upstream())
            .put("e", grant.expires().getEpochSecond());
    if (grant.resource() != null) {
      node.put("u", grant.resource());
    }
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(AAD);
      byte[] body = cipher.doFinal(node.toString().getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + ENC.encodeToString(ByteBuffer.allocate(12 + body.length).put(iv).put(body).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
