package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.SseReader;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every row of the Streamable HTTP status table, and the streams, over real HTTP. */
class StreamableHttpOverJavalinTest {
  private final TestTools tools = new TestTools();
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final McpServer server = tools.server(c -> c.tool(progressThenWait()));
  private final McpTestServer http =
      new McpTestServer(server, mcp -> mcp.allowedOrigins("https://app.example"));

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private Tool progressThenWait() {
    return Tool.builder("wait")
        .description("Reports progress, then waits to be cancelled.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              ctx.progress(1, null, "started");
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
              return ToolResult.text("never");
            })
        .build();
  }

  private HttpRequest.Builder inSession(String id, String json) {
    return http.post("/mcp", json).header("Mcp-Session-Id", id);
  }

  @Test
  void postsOfNotificationsAndRequests() throws Exception {
    String id = http.initialize("2025-06-18");
    HttpResponse<String> note =
        http.send(inSession(id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    assertThat(note.statusCode()).isEqualTo(202);
    assertThat(note.body()).isEmpty();
    HttpResponse<String> list =
        http.send(
            inSession(id, McpTestServer.request(2, "tools/list", "{}"))
                .header("MCP-Protocol-Version", "2025-06-18"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(Json.mapper().readTree(list.body()).at("/result/tools").size()).isGreaterThan(3);
  }

  @Test
  void sessionErrors() throws Exception {
    String ping = McpTestServer.request(3, "ping", "{}");
    assertThat(http.send(http.post("/mcp", ping)).statusCode()).isEqualTo(400);
    assertThat(http.send(inSession("m1.forged.sig", ping)).statusCode()).isEqualTo(404);
    String id = http.initialize("2025-06-18");
    HttpResponse<String> deleted =
        http.send(HttpRequest.newBuilder(http.uri("/mcp")).header("Mcp-Session-Id", id).DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(http.send(inSession(id, ping)).statusCode()).isEqualTo(404);
  }

  @Test
  void versionOriginBodyAndScopeErrors() throws Exception {
    String ping = McpTestServer.request(3, "ping", "{}");
    assertThat(
            http.send(
                    http.post("/mcp", McpTestServer.init("2025-06-18"))
                        .header("MCP-Protocol-Version", "1999-01-01"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            http.send(http.post("/mcp", ping).header("Origin", "https://evil.example"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> allowed =
        http.send(
            http.post("/mcp", McpTestServer.init("2025-06-18"))
                .header("Origin", "https://app.example"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("Mcp-Session-Id");
    assertThat(
            http.send(http.post("/mcp", "{\"pad\":\"" + "x".repeat(70_000) + "\"}")).statusCode())
        .isEqualTo(413);
    String id = http.initialize("2025-06-18");
    HttpResponse<String> wipe =
        http.send(
            inSession(
                id,
                McpTestServer.request(4, "tools/call", "{\"name\":\"wipe\",\"arguments\":{}}")));
    assertThat(wipe.statusCode()).isEqualTo(403);
    assertThat(wipe.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"read:jamf write:jamf\"");
  }

  @Test
  void corsPreflight() throws Exception {
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Mcp-Session-Id")
        .contains("MCP-Protocol-Version")
        .contains("Mcp-Method");
    HttpResponse<String> no =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Origin", "https://evil.example")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(no.statusCode()).isEqualTo(403);
  }

  @Test
  void progressTravelsOverSseBeforeTheResult() throws Exception {
    String id = http.initialize("2025-11-25");
    HttpResponse<InputStream> response =
        http.stream(
            inSession(
                id,
                McpTestServer.request(
                    5,
                    "tools/call",
                    "{\"name\":\"count\",\"arguments\":{\"n\":3},\"_meta\":{\"progressToken\":\"p\"}}")));
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    assertThat(response.headers().firstValue("X-Accel-Buffering")).contains("no");
    try (SseReader sse = new SseReader(response.body())) {
      SseReader.Event priming = sse.nextEvent();
      assertThat(priming.id()).isNotBlank();
      assertThat(priming.retry()).isEqualTo("3000");
      assertThat(priming.data()).isEmpty();
      for (int i = 1; i <= 3; i++) {
        SseReader.Event progress = sse.nextEvent();
        assertThat(progress.event()).isEqualTo("message");
        assertThat(Json.mapper().readTree(progress.data()).at("/params/progress").intValue())
            .isEqualTo(i);
      }
      JsonNode result = Json.mapper().readTree(sse.nextEvent().data());
      assertThat(result.at("/result/content/0/text").stringValue()).isEqualTo("counted to 3");
      assertThat(sse.nextEvent().event()).isEqualTo("EOF");
    }
  }

  @Test
  void getStreamIsReadyAndPings() throws Exception {
    String id = http.initialize("2025-06-18");
    HttpResponse<InputStream> response = http.stream(http.getStream(id));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    try (SseReader sse = new SseReader(response.body())) {
      SseReader.Event ready = sse.next();
      assertThat(ready.event()).isEqualTo("connection");
      assertThat(ready.data()).isEqualTo("{\"type\":\"connection\",\"status\":\"ready\"}");
      assertThat(sse.next().comment()).isEqualTo("ping");
      assertThat(sse.next().comment()).isEqualTo("ping");
    }
    HttpResponse<String> stateless =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .GET());
    assertThat(stateless.statusCode()).isEqualTo(405);
  }

  @Test
  void closingTheStreamCancelsTheToolCall() throws Exception {
    String id = http.initialize("2025-06-18");
    HttpResponse<InputStream> response =
        http.stream(
            inSession(
                id,
                McpTestServer.request(
                    6, "tools/call", "{\"name\":\"wait\",\"_meta\":{\"progressToken\":1}}")));
    SseReader sse = new SseReader(response.body());
    assertThat(sse.nextEvent().data()).contains("notifications/progress");
    sse.close();
    assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aSecondInstanceWithTheSameKeyContinuesTheSession() throws Exception {
    String id = http.initialize("2025-11-25");
    try (McpTestServer other = new McpTestServer(server, mcp -> {})) {
      HttpResponse<String> echo =
          other.send(
              other
                  .post(
                      "/mcp",
                      McpTestServer.request(
                          7, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}"))
                  .header("Mcp-Session-Id", id));
      assertThat(echo.statusCode()).isEqualTo(200);
      assertThat(
              Json.mapper()
                  .readTree(echo.body())
                  .at("/result/structuredContent/echo")
                  .stringValue())
          .isEqualTo("hi");
    }
  }
}
