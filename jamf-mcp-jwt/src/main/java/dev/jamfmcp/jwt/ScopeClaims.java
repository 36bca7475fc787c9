package dev.jamfmcp.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scopes from a token, whichever way the provider writes them: {@code scope} as a space-separated
 * string (RFC 9068, Auth0), {@code scp} as an array (Okta, Entra) or string, and Auth0 RBAC's
 * {@code permissions} array. The union counts.
 */
public final class ScopeClaims {
  private ScopeClaims() {}

  public static Set<String> of(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String name : new String[] {"scope", "scp", "permissions"}) {
      add(scopes, claims.getClaim(name));
    }
    return scopes;
  }

  private static void add(Set<String> scopes, Object value) {
    if (value instanceof String text) {
      for (String scope : text.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    } else if (value instanceof Collection<?> list) {
      for (Object item : list) {
        if (item instanceof String scope && !scope.isBlank()) {
          scopes.add(scope.trim());
        }
      }
    }
  }
}
