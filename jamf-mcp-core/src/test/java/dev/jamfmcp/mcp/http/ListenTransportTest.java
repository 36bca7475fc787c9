package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** subscriptions/listen on the framework-free HTTP transport (a fake exchange, no sockets). */
class ListenTransportTest {
  private static final String V = "2026-07-28";

  private final McpServer server = new TestTools().server();
  private final McpHttpTransport http =
      McpHttpTransport.create(
          server,
          c -> c.sessionKey(HttpTransportRulesTest.KEY).pingInterval(Duration.ofMillis(50)));
  private final Principal alice = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private static FakeExchange listen(String notifications) {
    return FakeExchange.post(
            "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"subscriptions/listen\",\"params\":{"
                + StatelessAndLegacyRulesTest.META.formatted(V)
                + ",\"notifications\":"
                + notifications
                + "}}")
        .header("MCP-Protocol-Version", V)
        .header("Mcp-Method", "subscriptions/listen");
  }

  private static Tool extra() {
    return Tool.builder("extra")
        .description("Added at run time.")
        .inputSchema("{\"type\":\"object\"}")
        .annotations(ToolAnnotations.readOnly())
        .handler((a, ctx) -> ToolResult.text("x"))
        .build();
  }

  private void awaitListens(int n) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(
            () -> {
              assertThat(http.openListens()).isEqualTo(n);
              assertThat(server.openSubscriptions()).isEqualTo(n);
            });
  }

  @Test
  void streamsTheAckThenChangesAndPingsAndEndsWhenTheClientLeaves() throws Exception {
    FakeExchange exchange = listen("{\"toolsListChanged\":true}");
    http.handleMcp(exchange, alice);
    assertThat(exchange.streamHeaders.get(30, TimeUnit.SECONDS))
        .containsEntry("Content-Type", "text/event-stream")
        .containsEntry("X-Accel-Buffering", "no");
    exchange.output.awaitText("notifications/subscriptions/acknowledged");
    server.addTool(extra());
    exchange.output.awaitText("notifications/tools/list_changed");
    String body = exchange.output.awaitText(":ping");
    assertThat(body.indexOf("acknowledged")).isLessThan(body.indexOf("list_changed"));
    assertThat(http.openListens()).isEqualTo(1);

    exchange.output.disconnect();
    awaitListens(0);
    assertThat(exchange.output.closed).isDone();
    assertThat(exchange.reply).isNotDone(); // a stream, never a second response
  }

  @Test
  void shutdownEndsListensWithTheirResultInsteadOfWaitingOutTheGrace() throws Exception {
    FakeExchange exchange = listen("{}");
    http.handleMcp(exchange, alice);
    exchange.output.awaitText("acknowledged");
    http.shutdown(Duration.ofMinutes(5)); // returns as soon as the listen has ended
    String body = exchange.output.awaitText("\"id\":42");
    assertThat(body).contains("\"io.modelcontextprotocol/subscriptionId\":42");
    exchange.output.closed.get(30, TimeUnit.SECONDS);
    awaitListens(0);
    assertThat(http.isAcceptingRequests()).isFalse();
  }

  @Test
  void aJsonOnlyClientIsToldListenNeedsAnEventStream() throws Exception {
    FakeExchange exchange = listen("{}").header("Accept", "application/json");
    http.handleMcp(exchange, alice);
    HttpReply reply = exchange.awaitReply();
    assertThat(reply.status()).isEqualTo(406);
    assertThat(Json.mapper().readTree(reply.bodyText()).at("/error/message").stringValue())
        .contains("Accept must list text/event-stream");
    assertThat(Json.mapper().readTree(reply.bodyText()).get("id").intValue()).isEqualTo(42);
    awaitListens(0);
  }

  @Test
  void badParamsAndMismatchedHeadersAreAnsweredWithoutAStream() throws Exception {
    FakeExchange bad = listen("{\"toolsListChanged\":1}");
    http.handleMcp(bad, alice);
    HttpReply reply = bad.awaitReply();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(Json.mapper().readTree(reply.bodyText()).at("/error/code").intValue())
        .isEqualTo(-32602);

    FakeExchange mismatch = listen("{}").header("Mcp-Method", "tools/list");
    http.handleMcp(mismatch, alice);
    HttpReply refused = mismatch.awaitReply();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(Json.mapper().readTree(refused.bodyText()).at("/error/code").intValue())
        .isEqualTo(-32020);
    assertThat(bad.streamHeaders).isNotDone();
    awaitListens(0);
  }
}
