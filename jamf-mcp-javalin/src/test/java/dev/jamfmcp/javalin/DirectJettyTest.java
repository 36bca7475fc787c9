package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import io.javalin.config.JavalinConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP routes served on Jetty directly, in front of Javalin: when the plugin does so, when it
 * must not, and that a client cannot tell the two apart.
 */
class DirectJettyTest {
  private static final String ORIGIN = "https://app.example";
  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server(c -> c.tool(nap()));
  private final List<McpTestServer> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(McpTestServer::close);
    server.close();
  }

  private McpTestServer start(Consumer<McpPluginConfig> mcp, Consumer<JavalinConfig> app) {
    McpTestServer http = new McpTestServer(server, mcp.andThen(m -> m.allowedOrigins(ORIGIN)), app);
    started.add(http);
    return http;
  }

  @Test
  void anAppWithNothingOnTheMcpPathsIsServedDirectly() throws Exception {
    McpTestServer http = start(mcp -> {}, app -> app.routes.get("/hello", ctx -> ctx.result("hi")));
    assertThat(http.plugin.servesDirectly()).isTrue();
    String id = http.initialize("2025-06-18");
    assertThat(
            http.send(
                    http.post("/mcp", McpTestServer.request(2, "tools/list", "{}"))
                        .header("Mcp-Session-Id", id))
                .statusCode())
        .isEqualTo(200);
    // The app's own routes still go to Javalin, behind the MCP handler.
    HttpResponse<String> hello = http.send(HttpRequest.newBuilder(http.uri("/hello")).GET());
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("hi");
  }

  @Test
  void aBeforeHandlerOnTheMcpPathKeepsMcpRequestsInJavalin() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    McpTestServer http =
        start(mcp -> {}, app -> app.routes.before("/mcp", ctx -> seen.incrementAndGet()));
    assertThat(http.plugin.servesDirectly()).isFalse();
    http.initialize("2025-06-18");
    assertThat(seen).hasValue(2); // initialize and notifications/initialized
  }

  @Test
  void aWildcardBeforeHandlerOrARequestLoggerKeepsThemInJavalinToo() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    McpTestServer wildcard =
        start(mcp -> {}, app -> app.routes.before(ctx -> seen.incrementAndGet()));
    assertThat(wildcard.plugin.servesDirectly()).isFalse();
    wildcard.initialize("2025-06-18");
    assertThat(seen).hasValue(2);

    AtomicInteger logged = new AtomicInteger();
    McpTestServer logging =
        start(mcp -> {}, app -> app.requestLogger.http((ctx, ms) -> logged.incrementAndGet()));
    assertThat(logging.plugin.servesDirectly()).isFalse();
    logging.initialize("2025-06-18");
    assertThat(logged).hasValue(2);
  }

  // Longer than the idle timeout the test below gives Jetty's connector.
  private static Tool nap() {
    return Tool.builder("nap")
        .description("Sleeps for 3 s, then answers.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              Thread.sleep(3000);
              return ToolResult.text("rested");
            })
        .build();
  }

  /** Servlet async mode without a timeout ignored Jetty's idle timeout; the direct route too. */
  @Test
  void aCallThatOutlastsTheConnectorsIdleTimeoutIsStillAnswered() throws Exception {
    for (boolean directly : List.of(true, false)) {
      McpTestServer http =
          start(
              mcp -> mcp.directJetty(directly),
              app ->
                  app.jetty.modifyServer(
                      jetty ->
                          app.events.serverStarting(
                              () -> {
                                for (var connector : jetty.getConnectors()) {
                                  ((org.eclipse.jetty.server.AbstractConnector) connector)
                                      .setIdleTimeout(1000);
                                }
                              })));
      assertThat(http.plugin.servesDirectly()).isEqualTo(directly);
      String id = http.initialize("2025-06-18");
      HttpResponse<String> call =
          http.send(
              http.post(
                      "/mcp",
                      McpTestServer.request(4, "tools/call", "{\"name\":\"nap\",\"arguments\":{}}"))
                  .header("Mcp-Session-Id", id));
      assertThat(call.statusCode()).isEqualTo(200);
      assertThat(call.body()).contains("rested");
    }
  }

  /** A filter sees every MCP request on either path and keeps the direct one open. */
  @Test
  void filtersRunOnBothPathsBeforeAuthentication() throws Exception {
    McpRequestFilter teapots =
        request ->
            request.header("X-Teapot").isPresent()
                ? Optional.of(HttpReply.json(418, "{\"error\":\"teapot\"}"))
                : Optional.empty();
    for (boolean directly : List.of(true, false)) {
      McpTestServer http = start(mcp -> mcp.directJetty(directly).filter(teapots), app -> {});
      assertThat(http.plugin.servesDirectly()).isEqualTo(directly);
      HttpResponse<String> refused =
          http.send(http.post("/mcp", McpTestServer.init("2025-06-18")).header("X-Teapot", "1"));
      assertThat(refused.statusCode()).isEqualTo(418);
      assertThat(refused.body()).isEqualTo("{\"error\":\"teapot\"}");
      assertThat(http.send(http.post("/mcp", McpTestServer.init("2025-06-18"))).statusCode())
          .isEqualTo(200);
    }
  }

  /** A filter that throws gets the client a JSON 500 on either path, not an HTML error page. */
  @Test
  void aFilterThatThrowsIsAJson500() throws Exception {
    for (boolean directly : List.of(true, false)) {
      McpTestServer http =
          start(
              mcp ->
                  mcp.directJetty(directly)
                      .filter(
                          request -> {
                            throw new IllegalStateException("broken filter");
                          }),
              app -> {});
      HttpResponse<String> failed = http.send(http.post("/mcp", McpTestServer.init("2025-06-18")));
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).contains("-32603").doesNotContain("broken filter");
    }
  }

  @Test
  void itCanBeTurnedOff() {
    assertThat(start(mcp -> mcp.directJetty(false), app -> {}).plugin.servesDirectly()).isFalse();
  }

  @Test
  void aContextPathIsHonoured() throws Exception {
    McpTestServer http = start(mcp -> {}, app -> app.router.contextPath = "/api");
    assertThat(http.plugin.servesDirectly()).isTrue();
    HttpResponse<String> init = http.send(http.post("/api/mcp", McpTestServer.init("2025-06-18")));
    assertThat(init.statusCode()).isEqualTo(200);
    assertThat(init.headers().firstValue("Mcp-Session-Id")).isPresent();
    // Outside the context nothing answers (served, a GET without a session would open a stream).
    assertThat(
            http.send(
                    HttpRequest.newBuilder(http.uri("/mcp"))
                        .header("Accept", "text/event-stream")
                        .GET())
                .statusCode())
        .isEqualTo(404);
  }

  /** The same requests to a direct and a Javalin-served plugin get the same answers. */
  @Test
  void aClientCannotTellTheTwoApart() throws Exception {
    McpTestServer direct = start(mcp -> {}, app -> {});
    McpTestServer javalin = start(mcp -> mcp.directJetty(false), app -> {});
    assertThat(direct.plugin.servesDirectly()).isTrue();
    assertThat(javalin.plugin.servesDirectly()).isFalse();
    assertThat(conversation(direct)).isEqualTo(conversation(javalin));
  }

  /** A scripted conversation, each answer reduced to what must not depend on the instance. */
  private static List<String> conversation(McpTestServer http) throws Exception {
    List<String> answers = new ArrayList<>();
    String ping = McpTestServer.request(3, "ping", "{}");
    answers.add(show(http.send(http.post("/mcp", McpTestServer.init("2025-06-18")))));
    String id = http.initialize("2025-06-18");
    answers.add(
        show(
            http.send(
                inSession(http, id, McpTestServer.request(2, "tools/list", "{}"))
                    .header("MCP-Protocol-Version", "2025-06-18")
                    .header("Origin", ORIGIN))));
    answers.add(show(http.send(http.post("/mcp", ping))));
    answers.add(show(http.send(inSession(http, "m1.forged.sig", ping))));
    answers.add(
        show(http.send(inSession(http, id, ping).header("Origin", "https://evil.example"))));
    answers.add(
        show(http.send(inSession(http, id, ping).header("MCP-Protocol-Version", "1999-01-01"))));
    String tooLarge = "{\"jsonrpc\":\"2.0\",\"id\":9,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    answers.add(show(http.send(inSession(http, id, tooLarge))));
    answers.add(show(http.send(http.post("/mcp", "{not json").header("Mcp-Session-Id", id))));
    for (String origin : List.of(ORIGIN, "https://evil.example")) {
      answers.add(
          show(
              http.send(
                  HttpRequest.newBuilder(http.uri("/mcp"))
                      .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                      .header("Origin", origin)
                      .header("Access-Control-Request-Method", "POST"))));
    }
    answers.add(
        show(
            http.send(
                HttpRequest.newBuilder(http.uri("/mcp"))
                    .PUT(HttpRequest.BodyPublishers.ofString(ping)))));
    answers.add(firstEvent(http, "/mcp", id));
    answers.add(firstEvent(http, "/sse", null).replaceAll("sessionId=[^\\s]+", "sessionId=*"));
    answers.add(
        show(
            http.send(
                HttpRequest.newBuilder(http.uri("/mcp")).header("Mcp-Session-Id", id).DELETE())));
    answers.add(show(http.send(http.post("/mcp", ping).header("Mcp-Session-Id", id))));
    return answers;
  }

  private static HttpRequest.Builder inSession(McpTestServer http, String id, String json) {
    return http.post("/mcp", json).header("Mcp-Session-Id", id);
  }

  private static String show(HttpResponse<String> response) {
    StringBuilder shown = new StringBuilder().append(response.statusCode());
    // Javalin labels empty answers (a 204, a refused preflight) text/plain; Jetty sends none.
    if (!response.body().isEmpty()) {
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> shown.append(" Content-Type=").append(v));
    }
    for (String name :
        List.of(
            "Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods",
            "Access-Control-Expose-Headers",
            "Vary",
            "Retry-After",
            "Allow")) {
      response
          .headers()
          .firstValue(name)
          .ifPresent(v -> shown.append(' ').append(name).append('=').append(v));
    }
    shown.append(" session=").append(response.headers().firstValue("Mcp-Session-Id").isPresent());
    return shown.append(' ').append(response.body()).toString();
  }

  private static String firstEvent(McpTestServer http, String path, String session)
      throws Exception {
    HttpRequest.Builder get =
        HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/event-stream").GET();
    if (session != null) {
      get.header("Mcp-Session-Id", session);
    }
    HttpResponse<InputStream> response = http.stream(get);
    StringBuilder shown =
        new StringBuilder()
            .append(response.statusCode())
            .append(' ')
            .append(response.headers().firstValue("Content-Type").orElse("-"))
            .append(' ')
            .append(response.headers().firstValue("Cache-Control").orElse("-"))
            .append(' ')
            .append(response.headers().firstValue("X-Accel-Buffering").orElse("-"));
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine();
          line != null && !line.isEmpty();
          line = lines.readLine()) {
        shown.append(" | ").append(line);
      }
    }
    return shown.toString();
  }
}
