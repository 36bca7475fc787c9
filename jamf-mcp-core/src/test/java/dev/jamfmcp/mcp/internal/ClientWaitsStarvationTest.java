package dev.jamfmcp.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the bounded platform-thread pool of Java 17, a client that declares elicitation and never
 * answers must not hold every handler thread: another principal's call still runs.
 */
class ClientWaitsStarvationTest {
  private final Principal hog = Principal.of("hog", "read:jamf");
  private final Principal bob = Principal.of("bob", "read:jamf");
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private McpServer server(int threads, Consumer<McpServer.Config> more) {
    ExecutorService pool = HandlerExecutors.boundedPool(threads);
    McpServer server =
        McpServer.create(
            c -> {
              c.executor(pool).tool(confirm()).tool(plain()).tool(askAndLeave());
              more.accept(c);
            });
    open.add(pool::shutdownNow); // interrupts the handlers still waiting for the hog
    open.add(server);
    return server;
  }

  /** Waits for the person's answer, as the confirmation gate does; a refusal is shown. */
  private static Tool confirm() {
    return Tool.builder("confirm")
        .description("Asks the user to confirm.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              try {
                JsonNode answer = ctx.requestFromClient("elicitation/create", question()).get();
                return ToolResult.text("answered " + answer.path("action").asString(""));
              } catch (ExecutionException e) {
                return ToolResult.text("refused: " + e.getCause().getMessage());
              }
            })
        .build();
  }

  /** Asks and returns at once without waiting for the answer. */
  private static Tool askAndLeave() {
    return Tool.builder("askAndLeave")
        .description("Asks the user and does not wait.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              CompletableFuture<JsonNode> answer =
                  ctx.requestFromClient("elicitation/create", question());
              return ToolResult.text(answer.isCompletedExceptionally() ? "refused" : "asked");
            })
        .build();
  }

  private static Tool plain() {
    return Tool.builder("plain")
        .description("Waits for nobody.")
        .annotations(ToolAnnotations.readOnly())
        .handler((args, ctx) -> ToolResult.text("ran"))
        .build();
  }

  private static ObjectNode question() {
    ObjectNode params = Json.object().put("message", "Sure?");
    params.putObject("requestedSchema").put("type", "object");
    return params;
  }

  private static CompletableFuture<Optional<String>> call(TestClient client, int id, String tool) {
    return client.sendAsync(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\"}}");
  }

  private static String text(CompletableFuture<Optional<String>> reply) {
    return TestClient.await(reply).at("/result/content/0/text").stringValue();
  }

  /**
   * Sends {@code calls} confirmations for a client that never answers; returns the replies once
   * every call has either asked the client (and holds its thread) or been answered.
   */
  private static List<CompletableFuture<Optional<String>>> neverAnswer(
      TestClient client, int calls) {
    List<CompletableFuture<Optional<String>>> replies = new ArrayList<>();
    for (int i = 1; i <= calls; i++) {
      replies.add(call(client, i, "confirm"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                client.related().size() + replies.stream().filter(CompletableFuture::isDone).count()
                    == calls);
    return replies;
  }

  @Test
  void aPrincipalThatNeverAnswersHoldsAtMostItsShareAndOthersStillRun() {
    int threads = 8;
    McpServer server = server(threads, c -> {});
    TestClient hogClient = new TestClient(server, hog);
    hogClient.initialize("2025-06-18");

    List<CompletableFuture<Optional<String>>> replies = neverAnswer(hogClient, threads);

    assertThat(hogClient.related()).hasSize(4); // the default limit per principal
    List<String> refused =
        replies.stream().filter(CompletableFuture::isDone).map(r -> text(r)).toList();
    assertThat(refused)
        .hasSize(threads - 4)
        .allSatisfy(
            t ->
                assertThat(t)
                    .isEqualTo(
                        "refused: Too many confirmations waiting for you (at most 4);"
                            + " answer or cancel the open ones first"));

    TestClient bobClient = new TestClient(server, bob);
    bobClient.initialize("2025-06-18");
    assertThat(text(call(bobClient, 1, "plain"))).isEqualTo("ran");
    // Bob may ask his own question too: the limit is per principal.
    CompletableFuture<Optional<String>> bobAsks = call(bobClient, 2, "confirm");
    JsonNode question =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(10))
            .until(bobClient::related, r -> !r.isEmpty())
            .get(0);
    bobClient.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + question.get("id")
            + ",\"result\":{\"action\":\"decline\"}}");
    assertThat(text(bobAsks)).isEqualTo("answered decline");
  }

  @Test
  void allPrincipalsTogetherLeaveAShareOfThePoolFree() {
    int threads = 4;
    McpServer server = server(threads, c -> c.maxWaitingClientRequests(100));
    TestClient hogClient = new TestClient(server, hog);
    hogClient.initialize("2025-06-18");

    List<CompletableFuture<Optional<String>>> replies = neverAnswer(hogClient, threads);

    assertThat(hogClient.related()).hasSize(3); // 4 threads, one kept free
    assertThat(replies.stream().filter(CompletableFuture::isDone).map(r -> text(r)))
        .containsExactly(
            "refused: The server has too many confirmations waiting for answers;"
                + " answer or cancel yours, or try again shortly");
    TestClient bobClient = new TestClient(server, bob);
    bobClient.initialize("2025-06-18");
    assertThat(text(call(bobClient, 1, "plain"))).isEqualTo("ran");
  }

  @Test
  void aRequestItsHandlerNoLongerWaitsForGivesItsPlaceBack() {
    McpServer server = server(4, c -> {});
    TestClient client = new TestClient(server, hog);
    client.initialize("2025-06-18");
    for (int i = 1; i <= 10; i++) {
      assertThat(text(call(client, i, "askAndLeave"))).as("call %d", i).isEqualTo("asked");
    }
    // Each asked the client; without giving those up, the fourth would be over the limit.
    assertThat(client.related()).hasSize(10);
  }

  @Test
  void theRefusalIsAServerBusyError() {
    McpServer server = server(4, c -> c.maxWaitingClientRequests(1));
    TestClient client = new TestClient(server, hog);
    client.initialize("2025-06-18");
    CompletableFuture<Optional<String>> first = call(client, 1, "confirm");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> client.related().size() == 1);
    Tool probe =
        Tool.builder("probe")
            .description("Reports how a refused request fails.")
            .annotations(ToolAnnotations.readOnly())
            .handler(
                (args, ctx) -> {
                  try {
                    ctx.requestFromClient("roots/list", Json.object()).get();
                    return ToolResult.text("granted");
                  } catch (ExecutionException e) {
                    McpError error = (McpError) e.getCause();
                    return ToolResult.text(error.error().code() + " " + error.getMessage());
                  }
                })
            .build();
    server.addTool(probe);
    assertThat(text(call(client, 2, "probe")))
        .isEqualTo(
            ErrorCodes.SERVER_BUSY
                + " Too many requests to your client waiting for you (at most 1);"
                + " answer or cancel the open ones first");
    assertThat(first).isNotDone();
  }
}
