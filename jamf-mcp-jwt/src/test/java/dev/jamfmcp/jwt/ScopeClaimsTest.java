package dev.jamfmcp.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auth0 and Okta write scopes differently; both work. */
class ScopeClaimsTest {

  @Test
  void auth0ScopeStringAndPermissions() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim("scope", "openid  read:jamf ")
            .claim("permissions", List.of("write:jamf"))
            .build();
    assertThat(ScopeClaims.of(claims))
        .containsExactlyInAnyOrder("openid", "read:jamf", "write:jamf");
  }

  @Test
  void oktaScpArray() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder().claim("scp", List.of("read:jamf", "offline_access")).build();
    assertThat(ScopeClaims.of(claims)).containsExactlyInAnyOrder("read:jamf", "offline_access");
  }

  @Test
  void noScopesAtAll() {
    assertThat(ScopeClaims.of(new JWTClaimsSet.Builder().claim("scp", 42).build())).isEmpty();
  }
}
