package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small JSON values in HMAC-signed, {@code HttpOnly} cookies: {@code payload.mac}, both base64url.
 * Each use (session, sign-in transaction) has its own key derived from the signing key, so one
 * cannot be passed off as the other. Signed, not encrypted: they hold nothing the browser's owner
 * may not see.
 */
final class SignedCookies {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_CHARS = 4096;

  private final SecretKeySpec key;
  private final String name;
  private final String sameSite;
  private final boolean secure;
  private final Clock clock;

  /**
   * @param purpose mixed into the key, e.g. "session"
   * @param sameSite "Strict" or "Lax"
   */
  SignedCookies(
      byte[] signingKey,
      String purpose,
      String name,
      String sameSite,
      boolean secure,
      Clock clock) {
    this.key =
        new SecretKeySpec(hmac(new SecretKeySpec(signingKey, "HmacSHA256"), purpose), "HmacSHA256");
    // __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain), where browsers
    // allow it
    this.name = secure ? "__Host-" + name : name;
    this.sameSite = sameSite;
    this.secure = secure;
    this.clock = clock;
  }

  /** Sets the cookie to {@code payload} plus an {@code exp} claim {@code ttl} from now. */
  void set(Context ctx, ObjectNode payload, Duration ttl) {
    payload.put("exp", clock.instant().plus(ttl).getEpochSecond());
    String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    String mac = ENCODER.encodeToString(hmac(key, body));
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + body
                + "."
                + mac
                + "; Path=/; Max-Age="
                + ttl.toSeconds()
                + "; HttpOnly; SameSite="
                + sameSite
                + (secure ? "; Secure" : ""));
  }

  void clear(Context ctx) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "=; Path=/; Max-Age=0; HttpOnly; SameSite="
                + sameSite
                + (secure ? "; Secure" : ""));
  }

  /** The payload, if the cookie is present, untampered and not expired. */
  Optional<JsonNode> read(Context ctx) {
    String value = ctx.cookie(name);
    if (value == null || value.length() > MAX_CHARS) {
      return Optional.empty();
    }
    int dot = value.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    String body = value.substring(0, dot);
    byte[] expected = ENCODER.encodeToString(hmac(key, body)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      JsonNode payload =
          Json.mapper().readTree(new String(DECODER.decode(body), StandardCharsets.UTF_8));
      JsonNode exp = payload.path("exp");
      if (!exp.isIntegralNumber() || exp.longValue() <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(payload);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
