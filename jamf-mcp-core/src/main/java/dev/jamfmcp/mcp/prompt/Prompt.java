package dev.jamfmcp.mcp.prompt;

import java.util.List;
import java.util.Objects;

/** A prompt template in {@code prompts/list}. */
public record Prompt(
    String name,
    String title,
    String description,
    List<PromptArgument> arguments,
    PromptHandler handler) {
  public Prompt {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(handler, "handler");
  }
}
