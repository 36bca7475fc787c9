package dev.jamfmcp.mcp;

import java.util.Objects;

/** Name and version of an MCP implementation (serverInfo / clientInfo). */
public record Implementation(String name, String title, String version) {
  public Implementation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  public static Implementation of(String name, String version) {
    return new Implementation(name, null, version);
  }
}
