package dev.jamfmcp.javalin;

import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** Javalin with the plugin on 127.0.0.1, port 0, and a java.net.http client for it. */
final class McpTestServer implements AutoCloseable {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final String ACCEPT = "application/json, text/event-stream";

  final Javalin app;
  final McpPlugin plugin;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

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

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .header("Accept", ACCEPT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<InputStream> stream(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** initialize in {@code version}; returns the session id. */
  String initialize(String version) throws Exception {
    HttpResponse<String> response = send(post("/mcp", Json.init(version)));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "initialize failed: " + response.statusCode() + " " + response.body());
    }
    String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    send(
        post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .header("Mcp-Session-Id", id));
    return id;
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Request bodies. */
  static final class Json {
    static String init(String version) {
      return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
          + version
          + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }

    static String request(int id, String method, String params) {
      return "{\"jsonrpc\":\"2.0\",\"id\":"
          + id
          + ",\"method\":\""
          + method
          + "\",\"params\":"
          + params
          + "}";
    }
  }
}
