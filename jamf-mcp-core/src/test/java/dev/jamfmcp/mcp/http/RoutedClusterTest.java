package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances behind a round-robin balancer, sharing the session key and a routing store: what
 * the client sends about a request held by one instance (the answer to its elicitation, the
 * cancellation of its call, a legacy {@code /messages} POST for its stream) reaches that instance
 * even when the balancer delivers it to the other (issue #15).
 */
class RoutedClusterTest {
  private static final String VERSION = "2025-06-18";
  private final Principal alice = Principal.of("alice", "write:jamf");
  private final Principal bob = Principal.of("bob", "write:jamf");
  private final List<String> erased = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> cancelledWith = new CompletableFuture<>();
  private final CompletableFuture<Void> waitStarted = new CompletableFuture<>();
  private final InJvmRouting store = new InJvmRouting();
  private final McpServer serverA = McpServer.create(c -> c.tool(erase()).tool(waitForever()));
  private final McpServer serverB = McpServer.create(c -> c.tool(erase()).tool(waitForever()));
  private final McpHttpTransport instanceA =
      McpHttpTransport.create(
          serverA,
          c -> c.sessionKey(HttpTransportRulesTest.KEY).messageRouting(store.instance("A")));
  private final McpHttpTransport instanceB =
      McpHttpTransport.create(
          serverB,
          c -> c.sessionKey(HttpTransportRulesTest.KEY).messageRouting(store.instance("B")));

  @AfterEach
  void close() {
    instanceA.close();
    instanceB.close();
    serverA.close();
    serverB.close();
    store.close();
  }

  /** Erases a device (records it) only if the person accepts. */
  private Tool erase() {
    return Tool.builder("erase")
        .description("Erases a device once the user confirms.")
        .annotations(ToolAnnotations.destructive(false))
        .handler(
            (args, ctx) -> {
              String device = args.path("device").asString("");
              ObjectNode params = Json.object().put("message", "Erase " + device + "?");
              params.putObject("requestedSchema").put("type", "object");
              JsonNode answer = ctx.requestFromClient("elicitation/create", params).get();
              if (!"accept".equals(answer.path("action").asString(""))) {
                return ToolResult.text("not erased " + device);
              }
              erased.add(device);
              return ToolResult.text("erased " + device);
            })
        .build();
  }

  /** Runs until cancelled, and says why it was. */
  private Tool waitForever() {
    return Tool.builder("wait")
        .description("Waits until cancelled.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              ctx.cancellation()
                  .onCancel(() -> cancelledWith.complete(ctx.cancellation().reason()));
              waitStarted.complete(null);
              new CountDownLatch(1).await();
              return ToolResult.text("never");
            })
        .build();
  }

  private static HttpReply send(McpHttpTransport instance, FakeExchange exchange, Principal p)
      throws Exception {
    instance.handleMcp(exchange, p);
    return exchange.awaitReply();
  }

  private static FakeExchange inSession(String session, String json) {
    return inSession(session, json, VERSION);
  }

  private static FakeExchange inSession(String session, String json, String version) {
    return FakeExchange.post(json)
        .header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", version);
  }

  private String initialize(McpHttpTransport instance) throws Exception {
    return initialize(instance, VERSION);
  }

  private String initialize(McpHttpTransport instance, String version) throws Exception {
    HttpReply init =
        send(
            instance,
            FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\""
                    + version
                    + "\",\"capabilities\":{\"elicitation\":{}},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"),
            alice);
    String session = init.headers().get("Mcp-Session-Id");
    assertThat(session).isNotNull();
    return session;
  }

  private FakeExchange call(
      McpHttpTransport instance, String session, int id, String tool, String device) {
    FakeExchange call =
        inSession(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{\"device\":\""
                + device
                + "\"}}}");
    instance.handleMcp(call, alice);
    return call;
  }

  /** The id of the elicitation/create request on a response stream, once it is there. */
  private static String elicitationId(FakeExchange call) throws Exception {
    call.output.awaitText("elicitation/create");
    return call.output
        .text()
        .lines()
        .filter(line -> line.startsWith("data: ") && line.contains("elicitation/create"))
        .map(line -> Json.mapper().readTree(line.substring("data: ".length())))
        .findFirst()
        .orElseThrow()
        .get("id")
        .stringValue();
  }

  private static String answer(String requestId, String action) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\""
        + requestId
        + "\",\"result\":{\"action\":\""
        + action
        + "\",\"content\":{\"confirm\":true}}}";
  }

  private static String resultText(FakeExchange call, int id) throws Exception {
    call.output.closed.get(30, TimeUnit.SECONDS);
    return call.output
        .text()
        .lines()
        .filter(line -> line.startsWith("data: ") && line.contains("\"id\":" + id + ","))
        .map(line -> Json.mapper().readTree(line.substring("data: ".length())))
        .findFirst()
        .orElseThrow()
        .at("/result/content/0/text")
        .stringValue();
  }

  @Test
  void elicitationAnswersPostedToTheOtherInstanceDecideTheWaitingCallsThere() throws Exception {
    String session = initialize(instanceA);
    FakeExchange erase19 = call(instanceA, session, 1, "erase", "mobile:19");
    FakeExchange erase20 = call(instanceA, session, 2, "erase", "mobile:20");
    String asked19 = elicitationId(erase19);
    String asked20 = elicitationId(erase20);

    // Both answers reach B, which holds neither wait: each is forwarded to A and decides its own.
    assertThat(send(instanceB, inSession(session, answer(asked19, "decline")), alice).status())
        .isEqualTo(202);
    assertThat(send(instanceB, inSession(session, answer(asked20, "accept")), alice).status())
        .isEqualTo(202);

    assertThat(resultText(erase19, 1)).isEqualTo("not erased mobile:19");
    assertThat(resultText(erase20, 2)).isEqualTo("erased mobile:20");
    assertThat(erased).containsExactly("mobile:20");
    // Done: the keys are given up.
    await().until(() -> store.holders().isEmpty());
  }

  @Test
  void aForwardedAnswerMustComeFromTheSessionsPrincipal() throws Exception {
    String session = initialize(instanceA);
    FakeExchange erase = call(instanceA, session, 1, "erase", "mobile:19");
    String asked = elicitationId(erase);
    // Bob cannot use Alice's session id on B (404), so nothing of his is forwarded.
    assertThat(send(instanceB, inSession(session, answer(asked, "accept")), bob).status())
        .isEqualTo(404);
    assertThat(erase.output.closed).isNotDone();
    send(instanceB, inSession(session, answer(asked, "decline")), alice);
    assertThat(resultText(erase, 1)).isEqualTo("not erased mobile:19");
    assertThat(erased).isEmpty();
  }

  @Test
  void anAnswerForAWaitNobodyHoldsIsDroppedAndLoggedAsBefore() throws Exception {
    String session = initialize(instanceA);
    try (CapturedLog log = new CapturedLog()) {
      assertThat(
              send(instanceB, inSession(session, answer("nobody-asked", "accept")), alice).status())
          .isEqualTo(202);
      assertThat(log.text()).contains("Dropped a client response");
    }
  }

  @Test
  void aCancellationPostedToTheOtherInstanceCancelsTheCallThere() throws Exception {
    String session = initialize(instanceA);
    FakeExchange wait = call(instanceA, session, 7, "wait", "-");
    // A claims a running request once it has run for a moment; the client may cancel any time.
    await().until(() -> "A".equals(store.holder(sessionKeyOf(7))));

    String cancel =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
            + "\"params\":{\"requestId\":7,\"reason\":\"changed my mind\"}}";
    assertThat(send(instanceB, inSession(session, cancel), alice).status()).isEqualTo(202);

    assertThat(cancelledWith.get(30, TimeUnit.SECONDS)).isEqualTo("changed my mind");
    await().until(() -> store.holders().isEmpty());
    assertThat(wait.output.text()).doesNotContain("\"result\"");
  }

  @Test
  void aCancellationThatArrivesBeforeTheRequestIsClaimedStillReachesIt() throws Exception {
    String session = initialize(instanceA);
    FakeExchange wait = call(instanceA, session, 7, "wait", "-");
    waitStarted.get(30, TimeUnit.SECONDS);
    // At once: A holds the request locally but has not claimed it in the store yet.
    String cancel =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
            + "\"params\":{\"requestId\":7,\"reason\":\"too early\"}}";
    assertThat(send(instanceB, inSession(session, cancel), alice).status()).isEqualTo(202);

    assertThat(cancelledWith.get(30, TimeUnit.SECONDS)).isEqualTo("too early");
    await().until(() -> store.holders().isEmpty());
    assertThat(wait.output.text()).doesNotContain("\"result\"");
  }

  @Test
  void aCancellationInABatchPostedToTheOtherInstanceCancelsTheCallThere() throws Exception {
    String batchVersion = "2025-03-26"; // the one version with batches
    String session = initialize(instanceA, batchVersion);
    FakeExchange wait =
        inSession(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"wait\",\"arguments\":{}}}",
            batchVersion);
    instanceA.handleMcp(wait, alice);
    await().until(() -> "A".equals(store.holder(sessionKeyOf(7))));

    HttpReply batch =
        send(
            instanceB,
            inSession(
                session,
                "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":7,\"reason\":\"batched\"}},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}]",
                batchVersion),
            alice);

    assertThat(cancelledWith.get(30, TimeUnit.SECONDS)).isEqualTo("batched");
    // The rest of the batch is answered by B as before.
    assertThat(batch.status()).isEqualTo(200);
    assertThat(new String(batch.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"id\":8,\"result\":{}");
  }

  @Test
  void aRequestRunningInABatchCanBeCancelledFromTheOtherInstance() throws Exception {
    String batchVersion = "2025-03-26";
    String session = initialize(instanceA, batchVersion);
    FakeExchange batch =
        inSession(
            session,
            "[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"wait\",\"arguments\":{}}}]",
            batchVersion);
    instanceA.handleMcp(batch, alice);
    await().until(() -> "A".equals(store.holder(sessionKeyOf(9))));

    String cancel =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
            + "\"params\":{\"requestId\":9,\"reason\":\"from B\"}}";
    assertThat(send(instanceB, inSession(session, cancel, batchVersion), alice).status())
        .isEqualTo(202);
    assertThat(cancelledWith.get(30, TimeUnit.SECONDS)).isEqualTo("from B");
    batch.awaitReply();
    await().until(() -> store.holders().isEmpty());
  }

  // The session id inside the signed header is not known to the test; the key ends the same way.
  private String sessionKeyOf(int requestId) {
    return store.holders().keySet().stream()
        .filter(k -> k.endsWith(":req:n:" + requestId))
        .findFirst()
        .orElse("none");
  }

  @Test
  void aLegacyMessagePostedToTheOtherInstanceReachesTheStream() throws Exception {
    FakeExchange sse = new FakeExchange("GET", "/sse").header("Accept", "text/event-stream");
    instanceA.openLegacyStream(sse, alice);
    String first = sse.output.awaitText("\n\n");
    String sessionId = first.substring(first.indexOf('=') + 1, first.indexOf("\n\n"));

    FakeExchange post =
        FakeExchange.post(HttpTransportRulesTest.INIT.formatted("2024-11-05"))
            .query("sessionId", sessionId);
    instanceB.postLegacyMessage(post, alice);
    assertThat(post.awaitReply().status()).isEqualTo(202);
    assertThat(sse.output.awaitText("\"protocolVersion\":\"2024-11-05\""))
        .contains("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\"");

    // Another principal's POST is refused by B itself (the id names its owner): 404, as on A,
    // and nothing is forwarded, so nothing reaches Alice's stream.
    try (CapturedLog log = new CapturedLog()) {
      FakeExchange bobs =
          FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
              .query("sessionId", sessionId);
      instanceB.postLegacyMessage(bobs, bob);
      assertThat(bobs.awaitReply().status()).isEqualTo(404);
      FakeExchange forged =
          FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}")
              .query("sessionId", sessionId.substring(0, sessionId.indexOf('.')) + ".AAAA");
      instanceB.postLegacyMessage(forged, alice);
      assertThat(forged.awaitReply().status()).isEqualTo(404);
      assertThat(log.text()).doesNotContain("Dropped a forwarded legacy SSE message");
      assertThat(sse.output.text()).doesNotContain("\"id\":2").doesNotContain("\"id\":3");
    }

    // Once the stream is gone, nobody holds it: 404 as before.
    sse.output.disconnect();
    sse.output.closed.get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(() -> store.holders().isEmpty());
    FakeExchange late =
        FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}")
            .query("sessionId", sessionId);
    instanceB.postLegacyMessage(late, alice);
    assertThat(late.awaitReply().status()).isEqualTo(404);
  }
}
