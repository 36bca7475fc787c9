package dev.jamfmcp.mcp.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed session ids, and the cache of ids already verified. */
class SessionTokensTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_KEY =
      "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

  private final SessionTokens tokens = new SessionTokens(KEY);

  private static SessionClaims claims(String sessionId) {
    return new SessionClaims(
        sessionId,
        SessionTokens.subjectHash("alice"),
        new SessionState(
            ProtocolVersion.V2025_06_18, Json.object(), Implementation.of("t", "1"), null),
        1_000L);
  }

  @Test
  void anIdVerifiesToTheClaimsItWasMintedWith() {
    String id = tokens.mint(claims("s1"));
    assertThat(tokens.verify(id)).contains(claims("s1"));
    assertThat(tokens.verify(id)).contains(claims("s1"));
    assertThat(tokens.cachedIds()).isEqualTo(1);
  }

  @Test
  void aRememberedIdDoesNotLetATamperedOneThrough() {
    String id = tokens.mint(claims("s1"));
    assertThat(tokens.verify(id)).isPresent();
    String tamperedMac = id.substring(0, id.length() - 2) + (id.endsWith("AA") ? "BB" : "AA");
    assertThat(tokens.verify(tamperedMac)).isEmpty();
    int dot = id.lastIndexOf('.');
    String forgedClaims =
        tokens.mint(claims("s2")).substring(0, tokens.mint(claims("s2")).lastIndexOf('.'))
            + id.substring(dot);
    assertThat(tokens.verify(forgedClaims)).isEmpty();
    assertThat(tokens.verify(id + " ")).isEmpty();
    // Nothing that failed is remembered.
    assertThat(tokens.cachedIds()).isEqualTo(1);
  }

  @Test
  void theCacheBelongsToOneKey() {
    String id = tokens.mint(claims("s1"));
    assertThat(tokens.verify(id)).isPresent();
    assertThat(new SessionTokens(OTHER_KEY).verify(id)).isEmpty();
  }

  @Test
  void theCacheIsBoundedAndEveryIdStillVerifies() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SessionTokens.VERIFIED_CACHE_SIZE + 50; i++) {
      ids.add(tokens.mint(claims("s" + i)));
    }
    ids.forEach(id -> assertThat(tokens.verify(id)).isPresent());
    assertThat(tokens.cachedIds()).isEqualTo(SessionTokens.VERIFIED_CACHE_SIZE);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(tokens.verify(ids.get(i)).orElseThrow().sessionId()).isEqualTo("s" + i);
    }
    assertThat(tokens.cachedIds()).isEqualTo(SessionTokens.VERIFIED_CACHE_SIZE);
  }

  @Test
  void longIdsVerifyButAreNotRemembered() {
    String longName = "n".repeat(SessionTokens.MAX_CACHED_TOKEN_CHARS);
    SessionClaims big =
        new SessionClaims(
            "s1",
            SessionTokens.subjectHash("alice"),
            new SessionState(
                ProtocolVersion.V2025_06_18, Json.object(), Implementation.of(longName, "1"), null),
            1_000L);
    String id = tokens.mint(big);
    assertThat(id.length()).isGreaterThan(SessionTokens.MAX_CACHED_TOKEN_CHARS);
    assertThat(tokens.verify(id)).contains(big);
    assertThat(tokens.cachedIds()).isZero();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new SessionTokens(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
