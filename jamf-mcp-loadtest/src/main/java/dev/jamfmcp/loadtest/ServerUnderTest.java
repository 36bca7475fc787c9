package dev.jamfmcp.loadtest;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfClientBuilder;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.server.ServerAssembly;
import dev.jamfmcp.server.ServerConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole server as an operator runs it, in this JVM, wired by the executable's own {@link
 * ServerAssembly}: settings validated as {@code jamf-mcp-server.jar} validates them (Jamf Pro URL
 * and API client, loopback bind, a free port, the shared session and confirmation keys), its Jamf
 * client, the real Jamf tools of every toolset, and Javalin with the {@link McpPlugin} configured
 * as the jar configures it (no OAuth issuer on loopback: every caller gets read and write scope).
 */
public final class ServerUnderTest implements AutoCloseable {
  /**
   * The session and confirmation keys every instance shares (settings, as an operator sets them).
   */
  public static final String SESSION_KEY = "loadtest-session-key-0123456789abcdef";

  public static final String CONFIRMATION_KEY = "loadtest-confirm-key-0123456789abcdef";

  private final JamfClient jamf;
  private final McpServer server;
  private final McpPlugin plugin;
  private final Javalin app;

  private ServerUnderTest(
      Map<String, String> env,
      ConsumedTokens consumedTokens,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    ServerConfig config = ServerAssembly.config(new String[0], env);
    JamfClientBuilder builder = ServerAssembly.jamfClient(config.jamf());
    jamfSettings.accept(builder);
    this.jamf = builder.build();
    this.server = ServerAssembly.mcpServer(config, jamf, null, consumedTokens);
    McpPlugin[] made = new McpPlugin[1];
    this.app =
        Javalin.create(
                javalin -> {
                  javalin.startup.showJavalinBanner = false;
                  made[0] = ServerAssembly.plugin(config, server, jamf, javalin, pluginSettings);
                  javalin.registerPlugin(made[0]);
                })
            .start(config.http().bind(), config.http().port());
    this.plugin = made[0];
  }

  /** The settings the harness runs with: the executable's defaults plus these. */
  public static Map<String, String> settings(String jamfUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("JAMF_URL", jamfUrl);
    env.put("JAMF_CLIENT_ID", "sim-client");
    env.put("JAMF_CLIENT_SECRET", "sim-secret");
    env.put("MCP_BIND", "127.0.0.1");
    env.put("MCP_PORT", "0");
    env.put("MCP_TOOLSETS", "all");
    env.put("MCP_SESSION_KEY", SESSION_KEY);
    env.put("MCP_CONFIRMATION_KEY", CONFIRMATION_KEY);
    // The readiness check's own Jamf requests would take faults queued for the calls under test
    // and add traffic to measured runs: once at start (see awaitJamfChecked), then hourly.
    env.put("JAMF_HEALTH_CHECK_INTERVAL", "1h");
    return env;
  }

  /** Serves the Jamf Pro at {@code jamfUrl} with the simulator's default credentials. */
  public static ServerUnderTest start(String jamfUrl) {
    return start(jamfUrl, b -> {}, p -> {});
  }

  public static ServerUnderTest start(
      String jamfUrl,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    return start(settings(jamfUrl), jamfSettings, pluginSettings);
  }

  /** With explicit settings (see {@link #settings}); its own in-memory confirmation ledger. */
  public static ServerUnderTest start(
      Map<String, String> env,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    return start(env, ConsumedTokens.inMemory(), jamfSettings, pluginSettings);
  }

  /** With explicit settings and a ledger of used confirmations (shared by several instances). */
  public static ServerUnderTest start(
      Map<String, String> env,
      ConsumedTokens consumedTokens,
      Consumer<JamfClientBuilder> jamfSettings,
      Consumer<McpPluginConfig> pluginSettings) {
    return new ServerUnderTest(env, consumedTokens, jamfSettings, pluginSettings);
  }

  /** Fast timeouts and retries, so fault tests finish in seconds. */
  public static Consumer<JamfClientBuilder> quickJamf() {
    return b ->
        b.requestTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(6))
            .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
            .maxRetryAfter(Duration.ofSeconds(1));
  }

  /**
   * Waits until the background Jamf check made its first request and answered (readiness no longer
   * says "unknown"), so that it cannot take a fault a test queues afterwards.
   */
  public void awaitJamfChecked() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/health/ready")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String body = http.send(ready, HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"jamf\":\"up\"") || body.contains("\"jamf\":\"degraded\"")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the background Jamf check did not finish within 60 s");
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

  public McpServer server() {
    return server;
  }

  @Override
  public void close() {
    app.stop();
    server.close();
    jamf.close();
  }
}
