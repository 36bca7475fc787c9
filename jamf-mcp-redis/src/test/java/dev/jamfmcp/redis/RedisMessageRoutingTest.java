package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.cluster.MessageRouting;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of the core HTTP transport sharing one real Redis for message routing, as replicas
 * behind a round-robin balancer: answers, cancellations and legacy {@code /messages} POSTs that
 * reach the instance without the request or stream are forwarded to the one with it; with Redis
 * stopped they fail clearly (dropped with a warning, 503), never hang, and work again once it is
 * back.
 */
class RedisMessageRoutingTest {
  private static final String VERSION = "2025-06-18";
  private static final byte[] KEY = EraseServer.KEY;
  private final Principal alice = Principal.of("alice", "write:jamf");
  private final List<String> erased = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> cancelledWith = new CompletableFuture<>();
  private RedisServerProcess redis;
  private RedisClusterState stateA;
  private RedisClusterState stateB;
  private McpServer serverA;
  private McpServer serverB;
  private McpHttpTransport instanceA;
  private McpHttpTransport instanceB;

  @BeforeEach
  void start() throws Exception {
    redis = RequireRedis.startOrSkip();
    stateA = RedisClusterState.connect(RedisSettings.of(redis.url()));
    stateB = RedisClusterState.connect(RedisSettings.of(redis.url()));
    serverA = McpServer.create(c -> c.tool(erase()).tool(waitForever()));
    serverB = McpServer.create(c -> c.tool(erase()).tool(waitForever()));
    instanceA =
        McpHttpTransport.create(
            serverA, c -> c.sessionKey(KEY).messageRouting(stateA.messageRouting()));
    instanceB =
        McpHttpTransport.create(
            serverB, c -> c.sessionKey(KEY).messageRouting(stateB.messageRouting()));
  }

  @AfterEach
  void stop() throws Exception {
    if (instanceA != null) {
      instanceA.close();
      instanceB.close();
      serverA.close();
      serverB.close();
      stateA.close();
      stateB.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

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

  private Tool waitForever() {
    return Tool.builder("wait")
        .description("Waits until cancelled.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              ctx.cancellation()
                  .onCancel(() -> cancelledWith.complete(ctx.cancellation().reason()));
              new CountDownLatch(1).await();
              return ToolResult.text("never");
            })
        .build();
  }

  private static MemoryExchange inSession(String session, String json) {
    return MemoryExchange.post("/mcp", json)
        .header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", VERSION);
  }

  private HttpReply send(McpHttpTransport instance, MemoryExchange exchange) throws Exception {
    instance.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private String initialize() throws Exception {
    HttpReply init =
        send(
            instanceA,
            MemoryExchange.post(
                "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\""
                    + VERSION
                    + "\",\"capabilities\":{\"elicitation\":{}},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
    String session = init.headers().get("Mcp-Session-Id");
    assertThat(session).isNotNull();
    return session;
  }

  private MemoryExchange call(String session, int id, String tool, String device) {
    MemoryExchange call =
        inSession(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{\"device\":\""
                + device
                + "\"}}}");
    instanceA.handleMcp(call, alice);
    return call;
  }

  private static String elicitationId(MemoryExchange call) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> call.output.text().contains("elicitation/create"));
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

  private static String resultText(MemoryExchange call, int id) throws Exception {
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
  void forwardReachesTheHolderOnlyAndReportsWhetherOneTookIt() throws Exception {
    MessageRouting a = stateA.messageRouting();
    MessageRouting b = stateB.messageRouting();
    CompletableFuture<String> heard = new CompletableFuture<>();
    a.onForwarded(
        (key, bytes) -> heard.complete(key + "=" + new String(bytes, StandardCharsets.UTF_8)));
    assertThat(b.forward("k1", "nobody".getBytes(StandardCharsets.UTF_8))).isFalse();
    a.claim("k1", Duration.ofMinutes(1));
    assertThat(b.forward("k1", "hello".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(heard.get(30, TimeUnit.SECONDS)).isEqualTo("k1=hello");
    // Only the holder releases; then nobody holds it.
    b.release("k1");
    assertThat(b.forward("k1", "still".getBytes(StandardCharsets.UTF_8))).isTrue();
    a.release("k1");
    assertThat(b.forward("k1", "gone".getBytes(StandardCharsets.UTF_8))).isFalse();
    // A holder that is gone (no longer subscribed) takes nothing.
    a.claim("k2", Duration.ofMinutes(1));
    stateA.close();
    assertThat(b.forward("k2", "dead".getBytes(StandardCharsets.UTF_8))).isFalse();
    stateA = RedisClusterState.connect(RedisSettings.of(redis.url()));
  }

  @Test
  void elicitationAnswersPostedToTheOtherInstanceDecideTheWaitingCalls() throws Exception {
    String session = initialize();
    MemoryExchange erase19 = call(session, 1, "erase", "mobile:19");
    MemoryExchange erase20 = call(session, 2, "erase", "mobile:20");
    String asked19 = elicitationId(erase19);
    String asked20 = elicitationId(erase20);

    assertThat(send(instanceB, inSession(session, answer(asked19, "decline"))).status())
        .isEqualTo(202);
    assertThat(send(instanceB, inSession(session, answer(asked20, "accept"))).status())
        .isEqualTo(202);

    assertThat(resultText(erase19, 1)).isEqualTo("not erased mobile:19");
    assertThat(resultText(erase20, 2)).isEqualTo("erased mobile:20");
    assertThat(erased).containsExactly("mobile:20");
  }

  @Test
  void aCancellationPostedToTheOtherInstanceCancelsTheCall() throws Exception {
    String session = initialize();
    MemoryExchange wait = call(session, 7, "wait", "-");
    String cancel =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
            + "\"params\":{\"requestId\":7,\"reason\":\"changed my mind\"}}";
    // The running call is claimed after a moment; until then a cancellation finds no holder.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              send(instanceB, inSession(session, cancel));
              return cancelledWith.isDone();
            });
    assertThat(cancelledWith.get()).isEqualTo("changed my mind");
    assertThat(wait.output.text()).doesNotContain("\"result\"");
  }

  @Test
  void aLegacyMessagePostedToTheOtherInstanceReachesTheStream() throws Exception {
    MemoryExchange sse = new MemoryExchange("GET", "/sse").header("Accept", "text/event-stream");
    instanceA.openLegacyStream(sse, alice);
    await().atMost(Duration.ofSeconds(30)).until(() -> sse.output.text().contains("\n\n"));
    String first = sse.output.text();
    String sessionId = first.substring(first.indexOf('=') + 1, first.indexOf("\n\n"));

    MemoryExchange post =
        MemoryExchange.post(
                "/messages",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
            .query("sessionId", sessionId);
    instanceB.postLegacyMessage(post, alice);
    assertThat(post.awaitReply().status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sse.output.text().contains("\"protocolVersion\":\"2024-11-05\""));

    sse.output.disconnect();
    MemoryExchange late =
        MemoryExchange.post("/messages", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
            .query("sessionId", sessionId);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              MemoryExchange again =
                  MemoryExchange.post(
                          "/messages", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                      .query("sessionId", sessionId);
              instanceB.postLegacyMessage(again, alice);
              return again.awaitReply().status() == 404;
            });
    assertThat(late.reply).isNotDone();
  }

  @Test
  void withRedisStoppedAnswersAreDroppedWithAWarningAndLegacyPostsGet503ThenItWorksAgain()
      throws Exception {
    String session = initialize();
    MemoryExchange erase = call(session, 1, "erase", "mobile:21");
    String asked = elicitationId(erase);
    MemoryExchange sse = new MemoryExchange("GET", "/sse").header("Accept", "text/event-stream");
    instanceA.openLegacyStream(sse, alice);
    await().atMost(Duration.ofSeconds(30)).until(() -> sse.output.text().contains("\n\n"));
    String first = sse.output.text();
    String legacyId = first.substring(first.indexOf('=') + 1, first.indexOf("\n\n"));

    redis.stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> !stateB.available());

    try (CapturedLog log = new CapturedLog()) {
      assertThat(send(instanceB, inSession(session, answer(asked, "accept"))).status())
          .isEqualTo(202);
      assertThat(log.text()).contains("Dropped a client response");
      MemoryExchange post =
          MemoryExchange.post("/messages", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}")
              .query("sessionId", legacyId);
      instanceB.postLegacyMessage(post, alice);
      HttpReply refused = post.awaitReply();
      assertThat(refused.status()).isEqualTo(503);
      JsonNode error = Json.mapper().readTree(refused.bodyText());
      assertThat(error.at("/jsonrpc").stringValue()).isEqualTo("2.0");
      assertThat(error.at("/error/message").stringValue()).contains("nothing was done");
    }
    assertThat(erase.output.closed).isNotDone();
    assertThat(erased).isEmpty();

    // Back (the claims were persisted): the same answer, retried, now decides the call.
    redis.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> stateA.available() && stateB.available());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              send(instanceB, inSession(session, answer(asked, "accept")));
              return erase.output.closed.isDone();
            });
    assertThat(resultText(erase, 1)).isEqualTo("erased mobile:21");
    assertThat(erased).containsExactly("mobile:21");
  }
}
