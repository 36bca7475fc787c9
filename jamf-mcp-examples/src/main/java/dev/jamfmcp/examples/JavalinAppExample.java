package dev.jamfmcp.examples;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import io.javalin.Javalin;

/**
 * Adding MCP to a Javalin app you already have: the app keeps its own routes, and one plugin adds
 * {@code /mcp}, {@code /sse}, {@code /messages} and {@code /health}.
 *
 * <pre>
 * JAMF_URL=https://you.jamfcloud.com JAMF_CLIENT_ID=.. JAMF_CLIENT_SECRET=.. \
 *   java -cp jamf-mcp-server.jar dev.jamfmcp.examples.JavalinAppExample 8080
 * </pre>
 */
public final class JavalinAppExample {
  private JavalinAppExample() {}

  /** The app on 127.0.0.1:{@code port} (0: any free); stop it with {@code app.stop()}. */
  public static Javalin start(JamfClient jamf, int port) {
    JamfTools tools = JamfTools.create(jamf, settings -> settings.readOnly(true));
    McpServer server =
        McpServer.create(
            config ->
                tools.registerInto(
                    config.serverInfo(Implementation.of("jamf-mcp-javalin-example", "1.0"))));
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              // The app's own routes...
              config.routes.get("/", ctx -> ctx.result("Inventory dashboard"));
              config.routes.get("/api/status", ctx -> ctx.json(java.util.Map.of("status", "ok")));
              // ...and MCP next to them. Without a principal resolver the plugin serves loopback
              // only.
              config.registerPlugin(
                  new McpPlugin(mcp -> mcp.server(server).localScopes(JamfScopes.READ)));
            })
        .start("127.0.0.1", port);
  }

  public static void main(String[] args) {
    JamfClient jamf =
        JamfClient.builder()
            .baseUrl(System.getenv("JAMF_URL"))
            .clientCredentials(System.getenv("JAMF_CLIENT_ID"), System.getenv("JAMF_CLIENT_SECRET"))
            .build();
    Javalin app = start(jamf, args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    System.out.println("MCP endpoint: http://127.0.0.1:" + app.port() + "/mcp");
  }
}
