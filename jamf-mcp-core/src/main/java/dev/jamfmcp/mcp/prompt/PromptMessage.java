package dev.jamfmcp.mcp.prompt;

import java.util.Objects;

/** One message of a rendered prompt. {@code role} is {@code user} or {@code assistant}. */
public record PromptMessage(String role, String text) {
  public PromptMessage {
    if (!"user".equals(role) && !"assistant".equals(role)) {
      throw new IllegalArgumentException("role must be user or assistant");
    }
    Objects.requireNonNull(text, "text");
  }

  public static PromptMessage user(String text) {
    return new PromptMessage("user", text);
  }

  public static PromptMessage assistant(String text) {
    return new PromptMessage("assistant", text);
  }
}
