package dev.jamfmcp.javalin.pages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a small text (JSON) with an HMAC under a purpose, so that the server can hand out values
 * (client ids, consent requests, signed cookies, form tokens) that it later trusts without keeping
 * them: any instance with the same key reads them. The purpose is part of the MAC, so a value
 * sealed for one use is refused for another.
 */
public final class Sealer {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private final SecretKeySpec key;

  public Sealer(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public String seal(String purpose, String text) {
    String payload = ENC.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENC.encodeToString(mac(purpose, payload));
  }

  /** The text, or null when the value is missing, forged, altered or sealed for another purpose. */
  public String open(String purpose, String sealed) {
    if (sealed == null || sealed.length() > 8192) {
      return null;
    }
    int dot = sealed.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String payload = sealed.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(mac(purpose, payload), DEC.decode(sealed.substring(dot + 1)))) {
        return null;
      }
      return new String(DEC.decode(payload), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public byte[] mac(String purpose, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A short, stable, non-reversible name for a value (e.g. a client id in a cookie's name). */
  public String digest(String purpose, String data) {
    return ENC.encodeToString(mac(purpose, data)).substring(0, 16);
  }
}
