package dev.jamfmcp.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Issue 19, V13: iat in the future, the maximum lifetime, exp sanity and the typ header. */
class TokenRulesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final TestTokens idp = new TestTokens(clock);

  private JwtAuthenticator jwt(Consumer<JwtConfig> more) {
    return JwtAuthenticator.create(
        c -> {
          c.issuer(TestTokens.ISSUER)
              .audience(TestTokens.AUDIENCE)
              .clock(clock)
              .jwkSet(idp.publicKeys());
          more.accept(c);
        });
  }

  private String token(JWTClaimsSet claims) {
    return TestTokens.sign(idp.signingKey, claims, h -> {});
  }

  private String typed(String type) {
    return TestTokens.sign(
        idp.signingKey,
        idp.claims("read:jamf").build(),
        h -> h.type(type == null ? null : new JOSEObjectType(type)));
  }

  private static int status(JwtAuthenticator jwt, String token) {
    Rejection refused = catchThrowableOfType(Rejection.class, () -> jwt.validate(token));
    return refused == null ? 200 : refused.status();
  }

  private Date in(Duration d) {
    return Date.from(clock.instant().plus(d));
  }

  @Test
  void issuedInTheFutureBeyondTheSkewIsRefused() {
    JwtAuthenticator jwt = jwt(c -> {});
    Duration tenYears = Duration.ofDays(3650);
    assertThat(
            status(
                jwt,
                token(
                    idp.claims("read:jamf")
                        .issueTime(in(tenYears))
                        .expirationTime(in(tenYears.plusHours(1)))
                        .build())))
        .isEqualTo(401);
    assertThat(
            status(
                jwt, token(idp.claims("read:jamf").issueTime(in(Duration.ofMinutes(2))).build())))
        .isEqualTo(401);
    assertThat(
            status(
                jwt, token(idp.claims("read:jamf").issueTime(in(Duration.ofSeconds(30))).build())))
        .as("within the 60 s clock skew")
        .isEqualTo(200);
  }

  @Test
  void lifetimeAboveTheMaximumIsRefused() {
    JwtAuthenticator jwt = jwt(c -> {});
    assertThat(
            status(
                jwt,
                token(
                    idp.claims("read:jamf")
                        .expirationTime(Date.from(Instant.parse("9999-12-31T23:59:59Z")))
                        .build())))
        .as("exp in the year 9999")
        .isEqualTo(401);
    assertThat(
            status(
                jwt,
                token(idp.claims("read:jamf").expirationTime(in(Duration.ofHours(25))).build())))
        .isEqualTo(401);
    assertThat(
            status(
                jwt,
                token(idp.claims("read:jamf").expirationTime(in(Duration.ofHours(24))).build())))
        .as("exactly the default 24 h")
        .isEqualTo(200);
    assertThat(
            status(
                jwt,
                token(
                    idp.claims("read:jamf")
                        .issueTime(null)
                        .expirationTime(in(Duration.ofHours(25)))
                        .build())))
        .as("without iat: exp - now")
        .isEqualTo(401);
    assertThat(
            status(
                jwt(c -> c.maxLifetime(Duration.ofMinutes(30))),
                idp.token("read:jamf"))) // a one-hour token
        .as("the setting")
        .isEqualTo(401);
    assertThatThrownBy(() -> jwt(c -> c.maxLifetime(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typIsCheckedOnlyWhenConfigured() {
    JwtAuthenticator any = jwt(c -> {});
    assertThat(status(any, typed(null))).isEqualTo(200);
    assertThat(status(any, typed("JWT"))).isEqualTo(200);
    assertThat(status(any, typed("at+jwt"))).isEqualTo(200);
    assertThat(status(any, typed("secevent+jwt"))).isEqualTo(401);

    JwtAuthenticator accessTokens = jwt(c -> c.tokenType("at+jwt"));
    assertThat(status(accessTokens, typed("at+jwt"))).isEqualTo(200);
    assertThat(status(accessTokens, typed("application/at+jwt"))).isEqualTo(200);
    assertThat(status(accessTokens, typed("JWT"))).as("an ID token's type").isEqualTo(401);
    assertThat(status(accessTokens, typed(null))).isEqualTo(401);
  }
}
