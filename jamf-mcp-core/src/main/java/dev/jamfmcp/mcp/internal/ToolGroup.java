package dev.jamfmcp.mcp.internal;

import java.util.List;

/**
 * A named toolset as the application registered it.
 *
 * @param description one line for {@code listToolsets}
 * @param tools the names of its tools
 */
public record ToolGroup(String name, String description, List<String> tools) {
  public ToolGroup {
    tools = List.copyOf(tools);
  }
}
