package dev.jamfmcp.javalin.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * CSRF protection for the pages' forms: a random value in an {@code HttpOnly}, {@code
 * SameSite=Strict} cookie, and in each form an HMAC of that value and the form's purpose (e.g.
 * "approve:" + approval id). A post is accepted only when the token matches the cookie it came
 * with, so a page on another origin can neither read nor forge it.
 */
public final class FormGuard {
  /** The form field that carries the token. */
  public static final String FIELD = "csrf";

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Sealer sealer;
  private final boolean secure;
  private final String cookie;

  /**
   * @param key the HMAC key, at least 32 bytes (the server's signing key is fine: the purpose is
   *     mixed in)
   * @param secure whether the public origin is https: the cookie is then {@code Secure} and named
   *     with the {@code __Host-} prefix, which browsers bind to this exact origin
   */
  public FormGuard(byte[] key, boolean secure) {
    if (Objects.requireNonNull(key).length < 32) {
      throw new IllegalArgumentException("the form key must be at least 32 bytes");
    }
    this.sealer = new Sealer(key);
    this.secure = secure;
    this.cookie = secure ? "__Host-jamfmcp-form" : "jamfmcp-form";
  }

  /** The token to put in a form for {@code purpose}; sets the cookie when the browser has none. */
  public String tokenFor(Context ctx, String purpose) {
    String value = ctx.cookie(cookie);
    if (value == null || value.length() < 22) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      value = URL.encodeToString(random);
      ctx.header(
          "Set-Cookie",
          cookie
              + "="
              + value
              + "; Path=/; HttpOnly; SameSite=Strict"
              + (secure ? "; Secure" : ""));
    }
    return mac(value, purpose);
  }

  /** Whether the posted form carries a valid token for {@code purpose}. */
  public boolean accepts(Context ctx, String purpose) {
    String value = ctx.cookie(cookie);
    String submitted = ctx.formParam(FIELD);
    if (value == null || submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(
        mac(value, purpose).getBytes(StandardCharsets.US_ASCII),
        submitted.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String value, String purpose) {
    return URL.encodeToString(sealer.mac(purpose, value));
  }
}
