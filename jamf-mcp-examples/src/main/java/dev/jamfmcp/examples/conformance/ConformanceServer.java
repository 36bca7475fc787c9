package dev.jamfmcp.examples.conformance;

import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small MCP server for CI and load tests: {@link CiTools} and the conformance suite's list-change
 * hooks ({@link ListChangeTriggers}) over the Javalin plugin on 127.0.0.1, without authentication
 * (the plugin allows that on loopback only).
 *
 * <pre>java -cp ... dev.jamfmcp.examples.conformance.ConformanceServer [port]</pre>
 */
public final class ConformanceServer {
  private ConformanceServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3001;
    AtomicReference<McpServer> self = new AtomicReference<>();
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-conformance", "0.1.0"))
                    .tools(CiTools.all())
                    .tools(ListChangeTriggers.all(self::get)));
    self.set(server);
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
                "conformance-server-stop"));
    app.start("127.0.0.1", port);
    System.out.println("MCP conformance server on http://127.0.0.1:" + app.port() + "/mcp");
  }
}
