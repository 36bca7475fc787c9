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
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * How many verified ids are remembered, so that a session's every request does not redo the HMAC,
   * the base64 and the JSON of its id (a fifth of the server's CPU on a {@code tools/list}). Only
   * ids up to {@link #MAX_CACHED_TOKEN_CHARS} are kept, which bounds the cache to a few MB.
   */
  static final int VERIFIED_CACHE_SIZE = 1024;

  static final int MAX_CACHED_TOKEN_CHARS = 2048;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /**
   * Ids whose signature checked out, with their claims. Verification is a pure function of the id
   * and the key, so a hit is exactly what verifying again would give; expiry, revocation and the
   * owner are judged by {@link LiveSessions#resolve} on every request, never here. The lookup
   * compares ids with {@code String.equals}, not in constant time: an id is not a credential (the
   * caller must still be its owner), so at worst timing could help someone build a valid id for
   * their own session, which they can already get from {@code initialize}.
   */
  private final Map<String, SessionClaims> verified = new ConcurrentHashMap<>();

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

  /**
   * A legacy SSE stream id bound to its owner: {@code <random>.<tag>}, the tag an HMAC over the
   * random part and the owner's subject hash. Any instance holding the key can then tell, without
   * asking the holder, whether a {@code /messages} POST comes from the stream's owner, and refuse
   * it before forwarding anything (issue #15).
   */
  public String legacyStreamId(String ownerHash) {
    String random = newSessionId();
    return random + "." + legacyTag(random, ownerHash);
  }

  /** Whether {@code id} is a legacy stream id this key made for {@code ownerHash}. */
  public boolean legacyStreamOwnedBy(String id, String ownerHash) {
    int dot = id.indexOf('.');
    if (dot <= 0 || id.length() > 64) {
      return false;
    }
    return MessageDigest.isEqual(
        id.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
        legacyTag(id.substring(0, dot), ownerHash).getBytes(StandardCharsets.US_ASCII));
  }

  private String legacyTag(String random, String ownerHash) {
    return B64.encodeToString(
        java.util.Arrays.copyOf(mac("legacy-sse." + random + "." + ownerHash), 16));
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
    SessionClaims known = verified.get(token);
    if (known != null) {
      return Optional.of(known);
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
      SessionClaims claims = read(json);
      remember(token, claims);
      return Optional.of(claims);
    } catch (RuntimeException e) {
      // Bad base64, bad JSON, or a field of the wrong type: an id we did not make.
      return Optional.empty();
    }
  }

  /** How many verified ids are remembered now (for tests). */
  int cachedIds() {
    return verified.size();
  }

  private void remember(String token, SessionClaims claims) {
    if (token.length() > MAX_CACHED_TOKEN_CHARS) {
      return;
    }
    while (verified.size() >= VERIFIED_CACHE_SIZE) {
      // Any entry will do: an id dropped here is simply verified again when it comes back.
      Iterator<String> any = verified.keySet().iterator();
      if (!any.hasNext()) {
        break;
      }
      any.next();
      any.remove();
    }
    verified.put(token, claims);
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
