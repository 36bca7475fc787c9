package dev.jamfmcp.mcp;

import java.util.Objects;

/**
 * What the transport knows about one inbound message: who sent it and where messages related to it
 * (progress, logs, server requests) should go.
 */
public record Caller(Principal principal, MessageSink related) {
  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(related, "related");
  }
}
