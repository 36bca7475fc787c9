package dev.jamfmcp.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 19, V7: a token's subject quoted in a refusal's log line cannot forge another line. */
class RefusalLogTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final TestTokens idp = new TestTokens(clock);

  @Test
  void aForgedSubjectOfAnExpiredTokenIsLoggedOnOneLine() {
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c ->
                c.issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE)
                    .clock(clock)
                    .jwkSet(idp.publicKeys()));
    JWTClaimsSet forged =
        new JWTClaimsSet.Builder(idp.claims("read:jamf").build())
            .subject("alice\n[main] INFO admin granted write:jamf")
            .issueTime(java.util.Date.from(clock.instant().minusSeconds(7200)))
            .expirationTime(java.util.Date.from(clock.instant().minusSeconds(3600)))
            .build();
    try (CapturedLog log = new CapturedLog()) {
      Rejection refused =
          catchThrowableOfType(
              Rejection.class,
              () -> jwt.validate(TestTokens.sign(idp.signingKey, forged, h -> {})));
      assertThat(refused).isNotNull();
      assertThat(log.text()).contains("Bearer token refused: expired");
      assertThat(log.text().lines()).noneMatch(line -> line.startsWith("[main] INFO admin"));
    }
  }
}
