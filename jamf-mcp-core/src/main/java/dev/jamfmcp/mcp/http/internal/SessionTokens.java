package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Self-contained, signed {@code Mcp-Session-Id} values, so that any instance holding the key can
 * continue a session without sticky routing. Format: {@code m1.<payload>.<mac>}, both parts
 * base64url without padding (visible ASCII only); the payload is compact JSON of the claims and the
 * MAC is HMAC-SHA256 over {@code m1.<payload>}. Ids are not encrypted: they carry only the
 * negotiated version, the client's declared capabilities and info, and the log level.
 */
public final class SessionTokens {
  private static final String PREFIX = "m1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** Capabilities larger than this are cut to their top-level keys to keep headers small. */
  private static final int MAX_CAPABILITIES_CHARS = 1024;

  /** Longer ids than this are not even parsed. */
  static final int MAX_TOKEN_CHARS = 8192;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SessionTokens(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the session key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** A fresh random session id (the stable part of every token of one session). */
  public String newSessionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  public String mint(SessionClaims claims) {
    ObjectNode json =
        Json.object()
            .put("s", claims.sessionId())
            .put("u", claims.subjectHash())
            .put("t", claims.issuedAtMillis());
    SessionState state = claims.state();
    json.put("v", state.version().id());
    String caps = Json.mapper().writeValueAsString(state.clientCapabilities());
    if (caps.length() > MAX_CAPABILITIES_CHARS) {
      ObjectNode slim = Json.object();
      state.clientCapabilities().propertyNames().forEach(name -> slim.putObject(name));
      json.set("c", slim);
    } else {
      json.set("c", state.clientCapabilities());
    }
    Implementation info = state.clientInfo();
    if (info != null) {
      ObjectNode i = json.putObject("i").put("n", info.name()).put("v", info.version());
      if (info.title() != null) {
        i.put("t", info.title());
      }
    }
    if (state.logLevel() != null) {
      json.put("l", state.logLevel().wire());
    }
    String signed = PREFIX + B64.encodeToString(Json.mapper().writeValueAsBytes(json));
    return signed + "." + B64.encodeToString(mac(signed));
  }

  /** The claims of a well-formed id with a valid signature; empty for anything else. */
  public Optional<SessionClaims> verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int dot = token.lastIndexOf('.');
    if (dot <= PREFIX.length()) {
      return Optional.empty();
    }
    String signed = token.substring(0, dot);
    try {
      byte[] given = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(given, mac(signed))) {
        return Optional.empty();
      }
      JsonNode json = Json.mapper().readTree(B64D.decode(signed.substring(PREFIX.length())));
      return Optional.of(read(json));
    } catch (RuntimeException e) {
      // Bad base64, bad JSON, or a field of the wrong type: an id we did not make.
      return Optional.empty();
    }
  }

  private static SessionClaims read(JsonNode json) {
    ProtocolVersion version = ProtocolVersion.parse(json.get("v").stringValue()).orElseThrow();
    JsonNode i = json.get("i");
    Implementation info =
        i == null
            ? null
            : new Implementation(
                i.get("n").stringValue(),
                i.has("t") ? i.get("t").stringValue() : null,
                i.get("v").stringValue());
    LogLevel level =
        json.has("l") ? LogLevel.parse(json.get("l").stringValue()).orElseThrow() : null;
    SessionState state = new SessionState(version, (ObjectNode) json.get("c"), info, level);
    return new SessionClaims(
        json.get("s").stringValue(), json.get("u").stringValue(), state, json.get("t").longValue());
  }

  /** A short, stable hash of a subject, so an id names its owner without revealing it. */
  public static String subjectHash(String subject) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return B64.encodeToString(java.util.Arrays.copyOf(digest, 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private byte[] mac(String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
