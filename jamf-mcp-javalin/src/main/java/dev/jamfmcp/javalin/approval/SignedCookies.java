package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.javalin.pages.Sealer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small JSON values in HMAC-signed ({@link Sealer}), {@code HttpOnly} cookies. Each use (session,
 * sign-in transaction) seals under its own purpose, so one cannot be passed off as the other.
 * Signed, not encrypted: they hold nothing the browser's owner may not see.
 */
final class SignedCookies {
  private static final int MAX_CHARS = 4096;

  private final Sealer sealer;
  private final String purpose;
  private final String name;
  private final String sameSite;
  private final boolean secure;
  private final Clock clock;

  /**
   * @param purpose mixed into the MAC, e.g. "session"
   * @param sameSite "Strict" or "Lax"
   */
  SignedCookies(
      byte[] signingKey,
      String purpose,
      String name,
      String sameSite,
      boolean secure,
      Clock clock) {
    this.sealer = new Sealer(signingKey);
    this.purpose = "cookie:" + purpose;
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
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + sealer.seal(purpose, payload.toString())
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
    String text = value == null || value.length() > MAX_CHARS ? null : sealer.open(purpose, value);
    if (text == null) {
      return Optional.empty();
    }
    try {
      JsonNode payload = Json.mapper().readTree(text);
      JsonNode exp = payload.path("exp");
      if (!exp.isIntegralNumber() || exp.longValue() <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      return Optional.of(payload);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
