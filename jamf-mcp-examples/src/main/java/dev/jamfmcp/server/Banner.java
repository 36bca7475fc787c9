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
    if (auth.signInNeeded()) {
      // Every request needs a token from the identity provider: a ready-made command could only
      // get 401. Say how a client gets in instead, and give a command that works without a token.
      oauthHelp(b, mcpUrl, auth.resourceMetadataUrl());
      out.print(b);
      out.flush();
      return;
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

  private static void oauthHelp(StringBuilder b, String mcpUrl, String metadataUrl) {
    b.append("\nConnect a client that signs in with OAuth (a ChatGPT connector, Claude, the MCP")
        .append(" Inspector's UI) to ")
        .append(mcpUrl)
        .append(": it is sent to the identity provider above to sign in. See docs/AUTH.md.\n")
        .append("A client without OAuth sign-in sends an access token from that provider, for")
        .append(" that audience and with those scopes, as 'Authorization: Bearer <token>'.\n")
        .append("What clients discover first (no token needed):\n  curl -s ")
        .append(metadataUrl)
        .append('\n')
        .append("Stop with Ctrl+C.\n");
  }
}
