package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import java.util.Set;

/**
 * Switching toolsets within a session: which a session starts with, which it may switch on, and
 * where each session's choice is kept.
 */
public record ToolsetSwitching(Set<String> atStart, Set<String> available, EnabledToolsets store) {
  public ToolsetSwitching {
    atStart = Set.copyOf(atStart);
    available = Set.copyOf(available);
  }
}
