package dev.jamfmcp.mcp;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the transport established it (a validated token, or the local user on stdio).
 * The engine only reads it; it never sees how it was established.
 *
 * @param subject a stable id for the audit log (e.g. the token's {@code sub})
 * @param scopes what the caller may do, e.g. {@code read:jamf}, {@code write:jamf}
 * @param attributes display details such as email or name; never secrets
 */
public record Principal(String subject, Set<String> scopes, Map<String, String> attributes) {
  public Principal {
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    attributes = Map.copyOf(attributes);
  }

  public static Principal of(String subject, String... scopes) {
    return new Principal(subject, Set.of(scopes), Map.of());
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  public boolean hasAllScopes(Set<String> required) {
    return scopes.containsAll(required);
  }
}
