package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Progress, log messages, cancellation and server-to-client requests. */
class ProgressAndCancellationEngineTest {
  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private final Principal reader = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  private static String countCall(Object id, String token) {
    String meta = token == null ? "" : ",\"_meta\":{\"progressToken\":" + token + "}";
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"count\",\"arguments\":{\"n\":5}"
        + meta
        + "}}";
  }

  @Test
  void progressGrowsStrictlyAndComesBeforeTheResult() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    JsonNode reply = client.sendRaw(countCall(1, "\"tok-1\""));
    assertThat(reply.at("/result/content/0/text").stringValue()).isEqualTo("counted to 5");
    List<JsonNode> progress =
        client.related().stream()
            .filter(m -> m.get("method").stringValue().equals("notifications/progress"))
            .toList();
    assertThat(progress).hasSize(5);
    double last = 0;
    for (JsonNode note : progress) {
      assertThat(note.at("/params/progressToken").stringValue()).isEqualTo("tok-1");
      assertThat(note.at("/params/progress").doubleValue()).isGreaterThan(last);
      assertThat(note.at("/params/total").doubleValue()).isEqualTo(5.0);
      assertThat(note.at("/params/message").stringValue()).startsWith("step");
      last = note.at("/params/progress").doubleValue();
    }
  }

  @Test
  void integerProgressTokensAreEchoedAndOldVersionsGetNoMessage() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2024-11-05");
    client.sendRaw(countCall(1, "77"));
    JsonNode first = client.related().get(0);
    assertThat(first.at("/params/progressToken").intValue()).isEqualTo(77);
    assertThat(first.at("/params").has("message")).isFalse();
  }

  @Test
  void noTokenMeansNoProgress() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    client.sendRaw(countCall(1, null));
    assertThat(client.related()).isEmpty();
  }

  @Test
  void logMessagesRespectTheLevelAndAreOffUntilSet() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    client.sendRaw(countCall(1, null));
    assertThat(client.related()).isEmpty();
    client.request("logging/setLevel", "{\"level\":\"warning\"}");
    client.sendRaw(countCall(2, null));
    assertThat(client.related())
        .hasSize(5)
        .allSatisfy(
            m -> {
              assertThat(m.get("method").stringValue()).isEqualTo("notifications/message");
              assertThat(m.at("/params/level").stringValue()).isEqualTo("warning");
              assertThat(m.at("/params/logger").stringValue()).isEqualTo("count");
            });
  }

  @Test
  void statelessRequestsLogOnlyAtTheLevelTheyAskFor() {
    TestClient client = new TestClient(server, reader);
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    params.put("name", "count").putObject("arguments").put("n", 2);
    ((ObjectNode) params.get("_meta")).put("io.modelcontextprotocol/logLevel", "debug");
    client.request("tools/call", params);
    assertThat(client.related()).hasSize(4);
  }

  @Test
  void cancellationInterruptsTheHandlerAndSuppressesTheReply() throws Exception {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":\"slow-1\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"slow\"}}");
    assertThat(tools.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    client.notify(
        "notifications/cancelled", "{\"requestId\":\"slow-1\",\"reason\":\"user gave up\"}");
    assertThat(reply.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(tools.slowInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    // the session goes on, and the id may be used again
    assertThat(client.request("ping", "{}").has("result")).isTrue();
  }

  @Test
  void cancellingAnUnknownOrFinishedRequestIsHarmless() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    client.notify("notifications/cancelled", "{\"requestId\":12345}");
    client.notify("notifications/cancelled", "{\"requestId\":null}");
    client.notify("notifications/cancelled", "{}");
    assertThat(client.request("ping", "{}").has("result")).isTrue();
  }

  @Test
  void cancelAllStopsEverythingInFlight() throws Exception {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
    assertThat(tools.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    client.session().cancelAll("connection closed");
    assertThat(reply.get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(tools.slowInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aDuplicateIdWhileTheFirstIsRunningIsRefused() throws Exception {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    String slow =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"slow\"}}";
    CompletableFuture<Optional<String>> first = client.sendAsync(slow);
    assertThat(tools.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
    JsonNode second = client.sendRaw(slow);
    assertThat(second.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(second.get("id").intValue()).isEqualTo(9);
    client.notify("notifications/cancelled", "{\"requestId\":9}");
    assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aToolCanAskTheClientAndGetsTheAnswer() throws Exception {
    Tool asking =
        Tool.builder("ask")
            .description("Asks the user a question through elicitation.")
            .annotations(ToolAnnotations.readOnly())
            .handler(
                (args, ctx) -> {
                  ObjectNode params = Json.object().put("message", "Sure?");
                  params.putObject("requestedSchema").put("type", "object");
                  JsonNode answer =
                      ctx.requestFromClient("elicitation/create", params).get(10, TimeUnit.SECONDS);
                  return ToolResult.text("user said " + answer.get("action").stringValue());
                })
            .build();
    try (McpServer withAsk = McpServer.create(c -> c.tool(asking))) {
      TestClient client = new TestClient(withAsk, reader);
      client.initialize("2025-06-18");
      CompletableFuture<Optional<String>> reply =
          client.sendAsync(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
      JsonNode request = awaitRelated(client);
      assertThat(request.get("method").stringValue()).isEqualTo("elicitation/create");
      client
          .session()
          .handle(
              new JsonRpcMessage.Response(request.get("id"), Json.object().put("action", "accept")),
              new Caller(reader, m -> {}));
      JsonNode result = TestClient.await(reply);
      assertThat(result.at("/result/content/0/text").stringValue()).isEqualTo("user said accept");
    }
  }

  @Test
  void responsesToRequestsNeverSentAreIgnored() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    assertThat(client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"srv-99\",\"result\":{}}")).isNull();
    assertThat(
            client.sendRaw(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"x\"}}"))
        .isNull();
    assertThat(client.request("ping", "{}").has("result")).isTrue();
  }

  private static JsonNode awaitRelated(TestClient client) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(client::related, related -> !related.isEmpty())
        .get(0);
  }
}
