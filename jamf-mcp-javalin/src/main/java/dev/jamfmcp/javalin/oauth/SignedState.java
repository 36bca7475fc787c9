package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code state} the front sends to the provider: the client's own {@code state} and redirect
 * URI, an expiry, and an HMAC, so that the callback needs no server-side memory (any instance can
 * answer it) and cannot be pointed at another redirect URI.
 */
final class SignedState {
  record Flow(String redirectUri, String clientState) {}

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private final byte[] key;
  private final Duration ttl;
  private final Clock clock;

  SignedState(byte[] key, Duration ttl, Clock clock) {
    this.key = key.clone();
    this.ttl = ttl;
    this.clock = clock;
  }

  String wrap(Flow flow) {
    ObjectNode node =
        Json.object()
            .put("r", flow.redirectUri())
            .put("e", clock.instant().plus(ttl).getEpochSecond());
    if (flow.clientState() != null) {
      node.put("s", flow.clientState());
    }
    String payload = ENC.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENC.encodeToString(mac(payload));
  }

  /** The flow, or null when the state is forged, altered or expired. */
  Flow unwrap(String state) {
    if (state == null || state.length() > 8192) {
      return null;
    }
    int dot = state.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String payload = state.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(mac(payload), DEC.decode(state.substring(dot + 1)))) {
        return null;
      }
      JsonNode node =
          Json.mapper().readTree(new String(DEC.decode(payload), StandardCharsets.UTF_8));
      if (clock.instant().getEpochSecond() > node.get("e").longValue()) {
        return null;
      }
      JsonNode s = node.get("s");
      return new Flow(node.get("r").stringValue(), s == null ? null : s.stringValue());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
