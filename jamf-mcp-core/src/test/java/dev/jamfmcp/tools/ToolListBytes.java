package dev.jamfmcp.tools;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What {@code tools/list} costs a client: the bytes of the JSON {@code result} (compact UTF-8, all
 * pages in one) for a set of toolsets, as a 2025-11-25 client (titles, output schemas and
 * annotations included) receives it. The figure docs/TOOLS.md records and the budget test checks.
 */
final class ToolListBytes {
  private ToolListBytes() {}

  /** Bytes of the tools/list result for these toolsets (writes included). */
  static int of(JamfClient jamf, Set<Toolset> toolsets) {
    return listing(jamf, toolsets).bytes();
  }

  /** A tools/list result's bytes, and each tool's share (its entry in the list). */
  record Listing(int bytes, Map<String, Integer> perTool) {}

  static Listing listing(JamfClient jamf, Set<Toolset> toolsets) {
    return listing(jamf, toolsets, EnumSet.noneOf(Toolset.class));
  }

  /**
   * Bytes of the tools/list result a new session gets when the executable starts with its defaults:
   * {@link Toolset#defaults()} on, every toolset switchable ({@code MCP_TOOLSETS_AVAILABLE=all}),
   * so {@code listToolsets} and {@code enableToolsets} are listed too.
   */
  static int defaults(JamfClient jamf) {
    return listing(jamf, Toolset.defaults(), EnumSet.allOf(Toolset.class)).bytes();
  }

  static Listing listing(JamfClient jamf, Set<Toolset> toolsets, Set<Toolset> switchable) {
    JamfTools tools =
        JamfTools.create(
            jamf,
            s -> {
              s.toolsets(toolsets).confirmationKey(new byte[32]);
              if (!switchable.isEmpty()) {
                s.switchableToolsets(
                    switchable,
                    EnabledToolsets.inMemory(10, Duration.ofMinutes(5), Clock.systemUTC()));
              }
            });
    try (McpServer server =
        McpServer.create(
            c ->
                tools.registerInto(
                    c.serverInfo(Implementation.of("jamf-mcp", "test")).pageSize(1000)))) {
      TestClient client = new TestClient(server, Principal.of("measure", JamfScopes.READ));
      client.initialize("2025-11-25");
      JsonNode result = client.request("tools/list", "{}").get("result");
      if (result.has("nextCursor")) {
        throw new IllegalStateException("tools/list was paged; raise the page size");
      }
      Map<String, Integer> perTool = new LinkedHashMap<>();
      result.get("tools").forEach(t -> perTool.put(t.get("name").asString(), bytes(t)));
      return new Listing(bytes(result), perTool);
    }
  }

  private static int bytes(JsonNode node) {
    return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
  }

  /** A JamfClient for measuring: no request is ever sent. */
  static JamfClient offlineClient() {
    return JamfClient.builder()
        .baseUrl("https://example.jamfcloud.com")
        .clientCredentials("docs", "docs")
        .build();
  }
}
