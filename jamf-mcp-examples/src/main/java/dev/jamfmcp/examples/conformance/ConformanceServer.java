package dev.jamfmcp.examples.conformance;

import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

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
    McpServer server = create();
    Javalin app = serveOnLoopback(server, port, mcp -> {}, "conformance-server-stop");
    System.out.println("MCP conformance server on http://127.0.0.1:" + app.port() + "/mcp");
  }

  /** The conformance server's MCP server: {@link CiTools} and the list-change hooks. */
  public static McpServer create() {
    AtomicReference<McpServer> self = new AtomicReference<>();
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-conformance", "0.1.0"))
                    .tools(CiTools.all())
                    .tools(ListChangeTriggers.all(self::get)));
    self.set(server);
    return server;
  }

  /**
   * Serves {@code server} through the Javalin plugin on 127.0.0.1 (port 0 picks one), without
   * authentication, and stops both at JVM exit: the shared start of the CI and benchmark servers.
   */
  public static Javalin serveOnLoopback(
      McpServer server, int port, Consumer<McpPluginConfig> extra, String stopThreadName) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.registerPlugin(
                  new McpPlugin(
                      mcp -> {
                        mcp.server(server);
                        extra.accept(mcp);
                      }));
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  server.close();
                },
                stopThreadName));
    return app.start("127.0.0.1", port);
  }
}
