package dev.jamfmcp.hosts.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.Principal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The documented Spring Security mapping, on the token Spring Security's own converter makes. */
class SpringSecurityPrincipalsTest {

  private static MockHttpServletRequest requestWithToken(String scope) {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "ES256")
            .subject("alice")
            .claim("scope", scope)
            .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
            .expiresAt(Instant.parse("2026-01-01T01:00:00Z"))
            .build();
    JwtAuthenticationToken token =
        (JwtAuthenticationToken) new JwtAuthenticationConverter().convert(jwt);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
    request.setUserPrincipal(token);
    return request;
  }

  @Test
  void theJamfScopesOfAnAuthenticatedJwtBecomeThePrincipal() {
    Principal principal =
        SpringSecurityPrincipals.of(requestWithToken("openid read:jamf write:jamf")).orElseThrow();

    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("read:jamf", "write:jamf");
  }

  @Test
  void otherScopesAreNotCarriedOver() {
    assertThat(SpringSecurityPrincipals.of(requestWithToken("profile")).orElseThrow().scopes())
        .isEmpty();
  }

  @Test
  void noAuthenticatedTokenIsNoPrincipal() {
    assertThat(SpringSecurityPrincipals.of(new MockHttpServletRequest("POST", "/mcp"))).isEmpty();
  }
}
