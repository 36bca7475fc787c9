package dev.jamfmcp.mcp.resource;

import java.util.Objects;

/** The text of a resource as {@code resources/read} returns it. */
public record ResourceContents(String uri, String mimeType, String text) {
  public ResourceContents {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(text, "text");
  }
}
