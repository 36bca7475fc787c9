package dev.jamfmcp.javalin;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.McpHttpClient;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.function.Consumer;

/** Javalin with the plugin on 127.0.0.1, port 0, and a java.net.http client for it. */
final class McpTestServer extends McpHttpClient implements AutoCloseable {
  final Javalin app;
  final McpPlugin plugin;

  McpTestServer(McpServer server, Consumer<McpPluginConfig> extra) {
    this(server, extra, app -> {});
  }

  /** With {@code host} adding the app's own configuration (routes, handlers, context path). */
  McpTestServer(McpServer server, Consumer<McpPluginConfig> extra, Consumer<JavalinConfig> host) {
    this.plugin =
        new McpPlugin(
            mcp -> {
              mcp.server(server)
                  .localScopes("read:jamf")
                  .transport(
                      t ->
                          t.sessionKey(KEY)
                              .pingInterval(Duration.ofMillis(200))
                              .maxBodyBytes(64 * 1024));
              extra.accept(mcp);
            });
    this.app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(plugin);
                  host.accept(config);
                })
            .start("127.0.0.1", 0);
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
