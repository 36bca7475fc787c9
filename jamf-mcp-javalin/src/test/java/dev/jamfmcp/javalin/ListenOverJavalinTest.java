package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * subscriptions/listen over real HTTP: Javalin on a random port, the JDK's HTTP client, SSE read as
 * it arrives.
 */
class ListenOverJavalinTest {
  private static final String V = "2026-07-28";
  private static final String SUB_ID = "io.modelcontextprotocol/subscriptionId";

  private McpServer server = new TestTools().server();
  private McpTestServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private static String listenBody(int id, String notifications) {
    return McpTestServer.request(
        id,
        "subscriptions/listen",
        "{" + LegacyStatelessAndPluginTest.META + ",\"notifications\":" + notifications + "}");
  }

  private HttpRequest.Builder listen(int id, String notifications) {
    return http.post("/mcp", listenBody(id, notifications))
        .header("MCP-Protocol-Version", V)
        .header("Mcp-Method", "subscriptions/listen");
  }

  private static Tool extra(String name) {
    return Tool.builder(name)
        .description("Added at run time.")
        .inputSchema("{\"type\":\"object\"}")
        .annotations(ToolAnnotations.readOnly())
        .handler((a, ctx) -> ToolResult.text("x"))
        .build();
  }

  /** Waits (hang catcher) until the server holds {@code n} listens and streams. */
  private void awaitOpen(int n) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(
            () -> {
              assertThat(server.openSubscriptions()).isEqualTo(n);
              assertThat(http.plugin.transport().openListens()).isEqualTo(n);
              assertThat(http.plugin.transport().openStreams()).isEqualTo(n);
            });
  }

  @Test
  void ackThenListChangedAndPingsAndClosingTheStreamEndsTheSubscription() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    HttpResponse<InputStream> response = http.stream(listen(11, "{\"toolsListChanged\":true}"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    assertThat(response.headers().firstValue("X-Accel-Buffering")).contains("no");
    SseReader sse = new SseReader(response.body());
    try {
      JsonNode ack = Json.mapper().readTree(sse.nextEvent().data());
      assertThat(ack.get("method").stringValue())
          .isEqualTo("notifications/subscriptions/acknowledged");
      assertThat(ack.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(11);
      assertThat(ack.at("/params/notifications/toolsListChanged").booleanValue()).isTrue();
      awaitOpen(1);

      server.addTool(extra("added_over_http"));
      JsonNode changed = Json.mapper().readTree(sse.nextEvent().data());
      assertThat(changed.get("method").stringValue()).isEqualTo("notifications/tools/list_changed");
      assertThat(changed.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(11);

      SseReader.Event ping;
      do {
        ping = sse.next();
      } while (ping.comment() == null);
      assertThat(ping.comment()).isEqualTo("ping");
      assertThat(scrape()).contains("mcp_subscriptions_active 1.0");
    } finally {
      sse.close(); // the client goes away: that is the cancellation
    }
    awaitOpen(0);
    String metrics = scrape();
    assertThat(metrics).contains("mcp_subscriptions_active 0.0");
    // A listen's life is a stream, not a request latency nor an error.
    assertThat(metrics).doesNotContain("method=\"subscriptions/listen\"");
    assertThat(metrics).doesNotContain("kind=\"cancelled\"");
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/metrics")));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void stoppingTheServerEndsTheStreamWithTheSubscriptionResult() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    HttpResponse<InputStream> response = http.stream(listen(12, "{\"promptsListChanged\":true}"));
    try (SseReader sse = new SseReader(response.body())) {
      assertThat(sse.nextEvent().data()).contains("notifications/subscriptions/acknowledged");
      http.app.stop();
      JsonNode result = Json.mapper().readTree(sse.nextEvent().data());
      assertThat(result.get("id").intValue()).isEqualTo(12);
      assertThat(result.at("/result/resultType").stringValue()).isEqualTo("complete");
      assertThat(result.at("/result/_meta").get(SUB_ID).intValue()).isEqualTo(12);
      assertThat(sse.nextEvent().event()).isEqualTo("EOF");
    }
    assertThat(server.openSubscriptions()).isZero();
  }

  @Test
  void badParamsHeaderMismatchAndAJsonOnlyClientGetNoStream() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    HttpResponse<String> bad = http.send(listen(1, "{\"promptsListChanged\":\"yes\"}"));
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(Json.mapper().readTree(bad.body()).at("/error/code").intValue()).isEqualTo(-32602);
    assertThat(Json.mapper().readTree(bad.body()).at("/error/message").stringValue())
        .contains("promptsListChanged must be true or false");

    HttpResponse<String> missing =
        http.send(
            http.post(
                    "/mcp",
                    McpTestServer.request(
                        2, "subscriptions/listen", "{" + LegacyStatelessAndPluginTest.META + "}"))
                .header("MCP-Protocol-Version", V)
                .header("Mcp-Method", "subscriptions/listen"));
    assertThat(Json.mapper().readTree(missing.body()).at("/error/message").stringValue())
        .contains("needs a 'notifications' object");

    HttpResponse<String> mismatch =
        http.send(listen(3, "{}").setHeader("Mcp-Method", "tools/list"));
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(mismatch.body()).at("/error/code").intValue())
        .isEqualTo(-32020);

    HttpResponse<String> jsonOnly =
        http.send(listen(4, "{}").setHeader("Accept", "application/json"));
    assertThat(jsonOnly.statusCode()).isEqualTo(406);
    assertThat(server.openSubscriptions()).isZero();
  }

  @Test
  void sessionfulVersionsAnswerMethodNotFound() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    for (String version : new String[] {"2025-03-26", "2025-06-18", "2025-11-25"}) {
      String session = http.initialize(version);
      HttpResponse<String> reply =
          http.send(
              http.post(
                      "/mcp",
                      McpTestServer.request(
                          5,
                          "subscriptions/listen",
                          "{\"notifications\":{\"toolsListChanged\":true}}"))
                  .header("Mcp-Session-Id", session)
                  .header("MCP-Protocol-Version", version));
      assertThat(Json.mapper().readTree(reply.body()).at("/error/code").intValue())
          .as(version)
          .isEqualTo(-32601);
    }
    assertThat(server.openSubscriptions()).isZero();
  }

  @Test
  void aPrincipalOverItsLimitIsRefusedClearly() throws Exception {
    server.close();
    server = new TestTools().server(c -> c.maxSubscriptions(100, 1));
    http = new McpTestServer(server, mcp -> {});
    HttpResponse<InputStream> first = http.stream(listen(1, "{}"));
    try (SseReader sse = new SseReader(first.body())) {
      assertThat(sse.nextEvent().data()).contains("acknowledged");
      HttpResponse<String> second = http.send(listen(2, "{}"));
      JsonNode error = Json.mapper().readTree(second.body()).get("error");
      assertThat(error.get("code").intValue()).isEqualTo(-32004);
      assertThat(error.get("message").stringValue()).contains("for this principal (limit 1)");
    }
    awaitOpen(0);
  }
}
