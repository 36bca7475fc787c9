package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed, single-use, short-lived confirmation tokens bound to one principal, one tool and one
 * exact set of arguments. Self-contained, so any instance that shares the key accepts them; single
 * use is recorded in a {@link ConsumedTokens} ledger, so it holds across the instances that share
 * that ledger (only this instance with the default in-memory one).
 */
final class ConfirmationTokens {
  private static final Logger log = LoggerFactory.getLogger(ConfirmationTokens.class);
  private static final String PREFIX = "c1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConsumedTokens consumed;

  /** Why a token was refused; each has a message a model can relay. */
  enum Refusal {
    MALFORMED("the confirmation token is not one this server issued (it may have been altered)"),
    OTHER_PRINCIPAL("the confirmation token was issued to another user"),
    OTHER_CALL(
        "the confirmation token was issued for a different tool or different arguments;"
            + " the arguments must be exactly those of the call that returned it"),
    EXPIRED("the confirmation token has expired"),
    REPLAYED("the confirmation token has already been used"),
    UNCHECKED(
        "whether the confirmation was already used could not be checked right now (the"
            + " used-confirmations store did not answer); try again shortly");

    final String message;

    Refusal(String message) {
      this.message = message;
    }
  }

  ConfirmationTokens(byte[] secret, Duration ttl, Clock clock, ConsumedTokens consumed) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the confirmation key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.ttl = ttl;
    this.clock = clock;
    this.consumed = java.util.Objects.requireNonNull(consumed, "consumed");
  }

  Duration ttl() {
    return ttl;
  }

  /** A new token for this caller, tool and arguments; also returns when it expires. */
  Issued issue(String subject, String tool, ObjectNode arguments) {
    Instant expires = clock.instant().plus(ttl);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    ObjectNode payload =
        Json.object()
            .put("sub", subject)
            .put("tool", tool)
            .put("args", digest(arguments))
            .put("exp", expires.getEpochSecond())
            .put("nonce", B64.encodeToString(nonce));
    String body = B64.encodeToString(Json.mapper().writeValueAsBytes(payload));
    return new Issued(PREFIX + body + "." + B64.encodeToString(sign(body)), expires);
  }

  record Issued(String token, Instant expiresAt) {}

  /** Null if the token confirms exactly this call; otherwise why not. Consumes it on success. */
  Refusal redeem(String token, String subject, String tool, ObjectNode arguments) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 2048) {
      return Refusal.MALFORMED;
    }
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0) {
      return Refusal.MALFORMED;
    }
    String body = token.substring(PREFIX.length(), dot);
    JsonNode payload;
    try {
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(body))) {
        return Refusal.MALFORMED;
      }
      payload = Json.mapper().readTree(B64D.decode(body));
    } catch (RuntimeException e) {
      return Refusal.MALFORMED;
    }
    if (!subject.equals(payload.path("sub").asString(""))) {
      return Refusal.OTHER_PRINCIPAL;
    }
    if (!tool.equals(payload.path("tool").asString(""))
        || !digest(arguments).equals(payload.path("args").asString(""))) {
      return Refusal.OTHER_CALL;
    }
    Instant expires = Instant.ofEpochSecond(payload.path("exp").asLong(0));
    Instant now = clock.instant();
    if (!now.isBefore(expires)) {
      return Refusal.EXPIRED;
    }
    String nonce = payload.path("nonce").asString("");
    if (nonce.isEmpty()) {
      return Refusal.MALFORMED;
    }
    try {
      return consumed.markConsumed(nonce, expires) ? null : Refusal.REPLAYED;
    } catch (RuntimeException e) {
      // Fail closed: an unchecked confirmation could repeat a write.
      log.warn("The consumed-confirmations ledger failed; refusing the confirmation", e);
      return Refusal.UNCHECKED;
    }
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** SHA-256 of the arguments in a canonical form: keys sorted at every level. */
  static String digest(JsonNode arguments) {
    try {
      byte[] canonical = Json.mapper().writeValueAsBytes(canonical(arguments));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static Object canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      return sorted;
    }
    if (node.isArray()) {
      java.util.List<Object> items = new java.util.ArrayList<>();
      node.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
  }
}
