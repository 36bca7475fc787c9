package dev.jamfmcp.hosts.boot3;

// snippet:begin spring-security-principals
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.tools.JamfScopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller Spring Security's resource server authenticated, as jamf-mcp's Principal. */
final class SpringSecurityPrincipals {
  private static final Set<String> JAMF_SCOPES = Set.of(JamfScopes.READ, JamfScopes.WRITE);

  static Optional<Principal> of(HttpServletRequest request) {
    if (!(request.getUserPrincipal() instanceof JwtAuthenticationToken token)) {
      return Optional.empty(); // no valid token: McpServlet answers 401 with a bearer challenge
    }
    Set<String> scopes =
        token.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority) // "SCOPE_read:jamf" from the token's scope claim
            .filter(authority -> authority.startsWith("SCOPE_"))
            .map(authority -> authority.substring("SCOPE_".length()))
            .filter(JAMF_SCOPES::contains)
            .collect(Collectors.toSet());
    return Optional.of(new Principal(token.getToken().getSubject(), scopes, Map.of()));
  }
}
// new McpServlet(transport, SpringSecurityPrincipals::of)
// snippet:end
