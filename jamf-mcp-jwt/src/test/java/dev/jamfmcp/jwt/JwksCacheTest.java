package dev.jamfmcp.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The key cache when the provider is down, and when it comes back. */
class JwksCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void providerDownAtFirstUseIs503AndRetriedSparingly() throws Exception {
    TestTokens idp = new TestTokens(clock);
    AtomicBoolean down = new AtomicBoolean(true);
    AtomicInteger fetches = new AtomicInteger();
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c ->
                c.issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE)
                    .clock(clock)
                    .jwksFetcher(
                        () -> {
                          fetches.incrementAndGet();
                          if (down.get()) {
                            throw new IOException("connection refused");
                          }
                          return idp.publicKeys();
                        }));
    String token = idp.token("read:jamf");
    assertThat(catchThrowableOfType(Rejection.class, () -> jwt.validate(token)).status())
        .isEqualTo(503);
    assertThat(catchThrowableOfType(Rejection.class, () -> jwt.validate(token)).status())
        .isEqualTo(503);
    assertThat(fetches.get()).isEqualTo(1);
    down.set(false);
    clock.advance(Duration.ofSeconds(6));
    assertThat(jwt.validate(token).subject()).isEqualTo("auth0|alice");
    down.set(true);
    clock.advance(Duration.ofMinutes(11));
    assertThat(jwt.validate(idp.token("read:jamf")).scopes()).containsExactly("read:jamf");
    assertThat(fetches.get()).as("a failed refresh keeps the old keys").isEqualTo(3);
  }
}
