package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestTools;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 2026-07-28 header rules, the discover-then-initialize fallback, legacy HTTP+SSE, SSE framing. */
class StatelessAndLegacyRulesTest {
  static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"%s\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{},"
          + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}";

  private final McpServer server = new TestTools().server();
  private final McpHttpTransport http =
      McpHttpTransport.create(server, c -> c.sessionKey(HttpTransportRulesTest.KEY));
  private final Principal alice = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private static FakeExchange modern(String method, String params, String version) {
    return FakeExchange.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                + method
                + "\",\"params\":{"
                + params
                + (params.isEmpty() ? "" : ",")
                + META.formatted(version)
                + "}}")
        .header("MCP-Protocol-Version", version)
        .header("Mcp-Method", method);
  }

  private HttpReply send(FakeExchange exchange) throws Exception {
    http.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private static int code(HttpReply reply) {
    return Json.mapper().readTree(reply.bodyText()).at("/error/code").intValue();
  }

  @Test
  void statelessCallsNeedMatchingHeaders() throws Exception {
    String echo = "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}";
    HttpReply ok = send(modern("tools/call", echo, "2026-07-28").header("Mcp-Name", "echo"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.headers()).doesNotContainKey("Mcp-Session-Id");
    JsonNode result = Json.mapper().readTree(ok.bodyText()).get("result");
    assertThat(result.get("resultType").stringValue()).isEqualTo("complete");
    HttpReply encoded =
        send(modern("tools/call", echo, "2026-07-28").header("Mcp-Name", "=?base64?ZWNobw==?="));
    assertThat(encoded.status()).isEqualTo(200);

    HttpReply wrongName = send(modern("tools/call", echo, "2026-07-28").header("Mcp-Name", "wipe"));
    assertThat(wrongName.status()).isEqualTo(400);
    assertThat(code(wrongName)).isEqualTo(-32020);
    HttpReply noName = send(modern("tools/call", echo, "2026-07-28"));
    assertThat(code(noName)).isEqualTo(-32020);
    HttpReply wrongMethod =
        send(modern("tools/list", "", "2026-07-28").header("Mcp-Method", "tools/call"));
    assertThat(code(wrongMethod)).isEqualTo(-32020);
    HttpReply wrongVersion =
        send(modern("tools/list", "", "2026-07-28").header("MCP-Protocol-Version", "2025-11-25"));
    assertThat(wrongVersion.status()).isEqualTo(400);
    assertThat(code(wrongVersion)).isEqualTo(-32020);
  }

  @Test
  void unknownMethodIs404AndUnknownVersionIs400() throws Exception {
    HttpReply unknown = send(modern("nope/nothing", "", "2026-07-28"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo(-32601);
    HttpReply future = send(modern("server/discover", "", "2099-01-01"));
    assertThat(future.status()).isEqualTo(400);
    assertThat(code(future)).isEqualTo(-32022);
    assertThat(future.bodyText()).contains("2026-07-28");
  }

  @Test
  void discoverThenInitializeOnTheSameEndpoint() throws Exception {
    HttpReply discover = send(modern("server/discover", "", "2026-07-28"));
    assertThat(discover.status()).isEqualTo(200);
    assertThat(discover.bodyText()).contains("supportedVersions");
    HttpReply init = send(FakeExchange.post(HttpTransportRulesTest.INIT.formatted("2025-11-25")));
    assertThat(init.status()).isEqualTo(200);
    assertThat(init.headers()).containsKey("Mcp-Session-Id");
  }

  @Test
  void legacySseEndToEnd() throws Exception {
    FakeExchange sse = new FakeExchange("GET", "/sse").header("Accept", "text/event-stream");
    http.openLegacyStream(sse, alice);
    String first = sse.output.awaitText("\n\n");
    assertThat(first).startsWith("event: endpoint\ndata: /messages?sessionId=");
    String sessionId = first.substring(first.indexOf('=') + 1, first.indexOf("\n\n"));
    FakeExchange post =
        FakeExchange.post(HttpTransportRulesTest.INIT.formatted("2024-11-05"))
            .query("sessionId", sessionId);
    http.postLegacyMessage(post, alice);
    assertThat(post.awaitReply().status()).isEqualTo(202);
    assertThat(sse.output.awaitText("\"protocolVersion\":\"2024-11-05\""))
        .contains("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\"");
    FakeExchange unknown = FakeExchange.post("{}").query("sessionId", "nope");
    http.postLegacyMessage(unknown, alice);
    assertThat(unknown.awaitReply().status()).isEqualTo(404);
    sse.output.disconnect();
    sse.output.closed.get(30, TimeUnit.SECONDS);
  }

  @Test
  void sseFramingStripsLineBreaksFromIdsAndNamesAndClosesOnce() throws Exception {
    FakeExchange.Output out = new FakeExchange.Output();
    SseStream stream = new SseStream(out, 1024);
    stream.send("evil\r\nevent: x", "1\n2", "line1\nline2");
    stream.comment("a\nb");
    int[] closes = {0};
    stream.onClose(() -> closes[0]++);
    stream.close();
    stream.close();
    stream.abort();
    assertThat(out.text())
        .isEqualTo("id: 12\nevent: evilevent: x\ndata: line1\ndata: line2\n\n:ab\n\n");
    assertThat(closes[0]).isEqualTo(1);
    assertThat(stream.send(null, null, "late")).isFalse();
  }

  @Test
  void aClientThatStopsReadingIsCutOff() throws Exception {
    FakeExchange.Output out = new FakeExchange.Output();
    SseStream stream = new SseStream(out, 10);
    // One frame larger than the whole queue budget: the stream is aborted, not grown.
    assertThat(stream.send(null, null, "x".repeat(100))).isFalse();
    assertThat(stream.isOpen()).isFalse();
    assertThat(out.closed).isDone();
  }
}
