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
 * The {@code state} the front sends to the provider: the client's own {@code state}, redirect URI,
 * client id and resource, a random id, an expiry, and an HMAC, so that the callback cannot be
 * pointed at another redirect URI and any instance can read it. The random id makes it single-use:
 * the callback records it in the front's ledger, and a replayed state is refused.
 */
final class SignedState {
  record Flow(
      String redirectUri, String clientState, String clientId, String resource, String id) {}

  /** When a state made now expires. */
  java.time.Instant expiry() {
    return clock.instant().plus(ttl);
  }

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
            .put("c", flow.clientId())
            .put("n", flow.id())
            .put("e", clock.instant().plus(ttl).getEpochSecond());
    if (flow.clientState() != null) {
      node.put("s", flow.clientState());
    }
    if (flow.resource() != null) {
      node.put("u", flow.resource());
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
      JsonNode u = node.get("u");
      return new Flow(
          node.get("r").stringValue(),
          s == null ? null : s.stringValue(),
          node.get("c").stringValue(),
          u == null ? null : u.stringValue(),
          node.get("n").stringValue());
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
