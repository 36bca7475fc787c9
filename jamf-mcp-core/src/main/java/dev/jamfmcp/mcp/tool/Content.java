package dev.jamfmcp.mcp.tool;

import java.util.Objects;

/** One block of a tool result's {@code content}. */
public sealed interface Content {

  /** Plain text, for the model and for clients without structured output. */
  record Text(String text) implements Content {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A link to a resource the client may read or show (2025-06-18 and later). */
  record ResourceLink(String uri, String name, String description, String mimeType)
      implements Content {
    public ResourceLink {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }
  }

  static Content text(String text) {
    return new Text(text);
  }
}
