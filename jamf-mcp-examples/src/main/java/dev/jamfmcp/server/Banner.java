package dev.jamfmcp.server;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import java.io.PrintStream;

/** What a newcomer sees on stdout once the HTTP server is ready: the URL and commands to try. */
final class Banner {
  /** The line tests and scripts wait for; the URL follows it. */
  static final String READY = "MCP endpoint: ";

  /** Printed before the bearer token, when development auth issues one. */
  static final String TOKEN = "Bearer token: ";

  /**
   * The MCP Inspector, pinned: 0.21.2 is the last release that runs on Node 20 as well as 22 (on
   * Node 20 an unpinned npx installs 0.15.0, which has no --header and fails on the token).
   */
  static final String INSPECTOR = "npx -y @modelcontextprotocol/inspector@0.21.2";

  private Banner() {}

  static void print(
      PrintStream out,
      String mcpUrl,
      long readyMillis,
      SecurityWiring.Auth auth,
      SimulatedJamfPro simulator) {
    StringBuilder b = new StringBuilder();
    b.append("jamf-mcp-server ")
        .append(ServerVersion.get())
        .append(" ready in ")
        .append(readyMillis)
        .append(" ms\n");
    if (simulator != null) {
      b.append("Demo: simulated Jamf Pro at ")
          .append(simulator.baseUrl())
          .append(" (")
          .append(simulator.config().computers())
          .append(" computers, ")
          .append(simulator.config().mobileDevices())
          .append(" mobile devices, seed ")
          .append(simulator.config().seed())
          .append(")\n");
    }
    b.append(READY).append(mcpUrl).append('\n');
    auth.lines().forEach(line -> b.append(line).append('\n'));
    String header = "";
    String inspectorHeader = "";
    if (auth.bearerToken() != null) {
      b.append(TOKEN).append(auth.bearerToken()).append('\n');
      header = " -H 'Authorization: Bearer " + auth.bearerToken() + "'";
      inspectorHeader = " --header 'Authorization: Bearer " + auth.bearerToken() + "'";
    }
    b.append("\nList the tools with the MCP Inspector:\n  " + INSPECTOR + " --cli ")
        .append(mcpUrl)
        .append(" --transport http")
        .append(inspectorHeader)
        .append(" --method tools/list\n");
    b.append("Or initialize with curl:\n  curl -si ")
        .append(mcpUrl)
        .append(" -H 'Content-Type: application/json'")
        .append(" -H 'Accept: application/json, text/event-stream'")
        .append(header)
        .append(" -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":")
        .append("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},")
        .append("\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}'\n");
    b.append("Stop with Ctrl+C.\n");
    out.print(b);
    out.flush();
  }
}
