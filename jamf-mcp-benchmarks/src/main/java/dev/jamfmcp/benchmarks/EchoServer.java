package dev.jamfmcp.benchmarks;

import dev.jamfmcp.examples.conformance.CiTools;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import java.util.List;

/**
 * The HTTP benchmark's server built with this library: only the {@code echo} tool (the same one
 * {@link SdkEchoServer} offers), so that {@code tools/list} answers the same single tool on both
 * servers. The Javalin plugin on 127.0.0.1, no authentication.
 *
 * <pre>java -cp benchmarks.jar dev.jamfmcp.benchmarks.EchoServer [port]</pre>
 */
public final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3001;
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-echo", "0.1.0"))
                    .tools(List.of(CiTools.echo())));
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.registerPlugin(new McpPlugin(mcp -> mcp.server(server)));
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  server.close();
                },
                "echo-server-stop"));
    app.start("127.0.0.1", port);
    System.out.println("jamf-mcp echo server on http://127.0.0.1:" + app.port() + "/mcp");
  }
}
