package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer to a server-to-client request is taken only by the session and the request it answers:
 * a foreign, unknown or replayed id is dropped and logged, and the waiting request keeps waiting
 * for its own answer.
 */
class ClientAnswersEngineTest {
  private static final String SECRET = "payload-that-must-not-be-logged";
  private final Principal alice = Principal.of("alice", "read:jamf");
  private final McpServer server = McpServer.create(c -> c.tool(ask()));

  @AfterEach
  void close() {
    server.close();
  }

  /** Asks the client and reports the answer's action; waits as long as it takes. */
  private static Tool ask() {
    return Tool.builder("ask")
        .description("Asks the user to confirm.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              ObjectNode params = Json.object().put("message", "Erase?");
              params.putObject("requestedSchema").put("type", "object");
              JsonNode answer = ctx.requestFromClient("elicitation/create", params).get();
              return ToolResult.text("user said " + answer.path("action").asString(""));
            })
        .build();
  }

  private static CompletableFuture<Optional<String>> callAsk(TestClient client, int id) {
    return client.sendAsync(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
  }

  private static JsonNode awaitElicitation(TestClient client) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(client::related, related -> !related.isEmpty())
        .get(0);
  }

  private static String answer(JsonNode id, String action) {
    ObjectNode result = Json.object().put("action", action);
    result.putObject("content").put("note", SECRET);
    return JsonRpcCodec.encode(new JsonRpcMessage.Response(id, result));
  }

  @Test
  void foreignUnknownAndReplayedAnswersAreDroppedAndTheRequestGetsItsOwn() throws Exception {
    TestClient mine = new TestClient(server, alice);
    TestClient other = new TestClient(server, alice);
    mine.initialize("2025-06-18");
    other.initialize("2025-06-18");
    CompletableFuture<Optional<String>> myCall = callAsk(mine, 1);
    CompletableFuture<Optional<String>> otherCall = callAsk(other, 1);
    JsonNode myId = awaitElicitation(mine).get("id");
    JsonNode otherId = awaitElicitation(other).get("id");
    assertThat(myId).isNotEqualTo(otherId);

    try (CapturedLog log = new CapturedLog()) {
      // The other session's id, a counter-style guess, and a numeric id: none is ours.
      assertThat(mine.sendRaw(answer(otherId, "accept"))).isNull();
      assertThat(mine.sendRaw(answer(Json.nodes().stringNode("srv-1"), "accept"))).isNull();
      assertThat(mine.sendRaw(answer(Json.nodes().numberNode(1), "accept"))).isNull();
      assertThat(myCall).isNotDone();
      assertThat(otherCall).isNotDone();

      // The right answer still reaches the request that waited: a foreign "accept" was not taken.
      assertThat(mine.sendRaw(answer(myId, "decline"))).isNull();
      assertThat(TestClient.await(myCall).at("/result/content/0/text").stringValue())
          .isEqualTo("user said decline");
      // Replayed: the request was answered, so the same id is now unknown.
      assertThat(mine.sendRaw(answer(myId, "accept"))).isNull();

      assertThat(log.text())
          .contains("Dropped a client response")
          .doesNotContain(SECRET)
          .doesNotContain(otherId.stringValue())
          .doesNotContain(myId.stringValue());
      assertThat(log.text().split("Dropped a client response", -1)).hasSize(5);
    }

    assertThat(other.sendRaw(answer(otherId, "accept"))).isNull();
    assertThat(TestClient.await(otherCall).at("/result/content/0/text").stringValue())
        .isEqualTo("user said accept");
  }
}
