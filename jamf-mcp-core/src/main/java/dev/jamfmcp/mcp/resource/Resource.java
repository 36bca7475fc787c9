package dev.jamfmcp.mcp.resource;

import java.util.Objects;
import java.util.Set;

/** A fixed resource in {@code resources/list}. */
public record Resource(
    String uri,
    String name,
    String title,
    String description,
    String mimeType,
    Set<String> requiredScopes,
    ResourceReader reader) {
  public Resource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    requiredScopes = Set.copyOf(requiredScopes);
    Objects.requireNonNull(reader, "reader");
  }
}
