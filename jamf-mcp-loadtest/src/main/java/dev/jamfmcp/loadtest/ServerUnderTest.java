package dev.jamfmcp.loadtest;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfClientBuilder;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The whole server as an operator runs it, in this JVM: a {@link JamfClient} for a Jamf Pro URL, an
 * {@link McpServer} with the (stand-in) Jamf tools, and Javalin with the {@link McpPlugin} on
 * 127.0.0.1 and a free port, without authentication (every caller has read and write scope).
 */
public final class ServerUnderTest implements AutoCloseable {
  /** The session and confirmation keys every instance shares. */
  public static final byte[] SESSION_KEY =
      "loadtest-session-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  public static final byte[] CONFIRMATION_KEY =
      "loadtest-confirm-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final JamfClient jamf;
  private final McpServer server;
  private final McpPlugin plugin;
  private final Javalin app;

  private ServerUnderTest(
      String jamfUrl,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    JamfClientBuilder builder =
        JamfClient.builder().baseUrl(jamfUrl).clientCredentials("sim-client", "sim-secret");
    jamfSettings.accept(builder);
    this.jamf = builder.build();
    ConfirmationGate gate = ConfirmationGate.create(CONFIRMATION_KEY);
    this.server =
        McpServer.create(
            c ->
                c.serverInfo(Implementation.of("jamf-mcp", "loadtest"))
                    .tools(StandInTools.create(jamf, gate)));
    this.plugin =
        new McpPlugin(
            mcp -> {
              mcp.server(server)
                  .localScopes("read:jamf", "write:jamf")
                  .transport(t -> t.sessionKey(SESSION_KEY));
              pluginSettings.accept(mcp);
            });
    this.app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(plugin);
                })
            .start("127.0.0.1", 0);
  }

  /** Serves the Jamf Pro at {@code jamfUrl} with the simulator's default credentials. */
  public static ServerUnderTest start(String jamfUrl) {
    return start(jamfUrl, b -> {}, p -> {});
  }

  public static ServerUnderTest start(
      String jamfUrl,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    return new ServerUnderTest(jamfUrl, jamfSettings, pluginSettings);
  }

  /** Fast timeouts and retries, so fault tests finish in seconds. */
  public static Consumer<JamfClientBuilder> quickJamf() {
    return b ->
        b.requestTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(6))
            .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
            .maxRetryAfter(Duration.ofSeconds(1));
  }

  public int port() {
    return app.port();
  }

  public URI mcpUrl() {
    return URI.create("http://127.0.0.1:" + port() + "/mcp");
  }

  public McpPlugin plugin() {
    return plugin;
  }

  @Override
  public void close() {
    app.stop();
    server.close();
    jamf.close();
  }
}
