package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpMetrics;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shutdown, GET stream lifecycle, stalled clients, session sweeping and the metrics hooks. */
class TransportLifecycleTest {
  private static final String INIT = HttpTransportRulesTest.INIT;

  /** Records what the transport reports. */
  static final class RecordingMetrics implements McpMetrics {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void streamOpened() {
      opened.incrementAndGet();
    }

    @Override
    public void streamClosed(Duration openFor) {
      assertThat(openFor.isNegative()).isFalse();
      closed.incrementAndGet();
    }

    @Override
    public void requestCompleted(String method, String tool, Duration latency, String errorKind) {
      requests.add(method + "|" + tool + "|" + errorKind);
    }
  }

  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private final MutableClock clock = new MutableClock();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final Principal alice = Principal.of("alice", "read:jamf");
  private McpHttpTransport http;

  @AfterEach
  void close() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private McpHttpTransport transport(Consumer<HttpTransportConfig> extra) {
    http =
        McpHttpTransport.create(
            server,
            c -> {
              c.sessionKey(HttpTransportRulesTest.KEY)
                  .clock(clock)
                  .metrics(metrics)
                  .pingInterval(Duration.ofHours(1));
              extra.accept(c);
            });
    return http;
  }

  private HttpReply send(FakeExchange exchange) throws Exception {
    http.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private String initialize(String version) throws Exception {
    HttpReply reply = send(FakeExchange.post(INIT.formatted(version)));
    assertThat(reply.status()).isEqualTo(200);
    return reply.headers().get("Mcp-Session-Id");
  }

  private FakeExchange openGet(String id) throws Exception {
    FakeExchange get =
        new FakeExchange("GET", "/mcp")
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", id);
    http.handleMcp(get, alice);
    get.output.awaitText("\"status\":\"ready\"");
    return get;
  }

  /** Streams ended on another thread run their close callbacks just after the output closes. */
  private void awaitNoOpenStreams() {
    awaitOpenStreams(0);
  }

  // A stream closed by another thread (the ping timer hitting a broken pipe, the watchdog) runs its
  // close callbacks there, after the output is closed: wait for them rather than race them.
  private void awaitOpenStreams(int expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(() -> assertThat(http.openStreams()).isEqualTo(expected));
  }

  private static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  @Test
  void shutdownRefusesNewWorkCancelsWhatOutlivesTheGraceAndClosesEveryStream() throws Exception {
    transport(c -> {});
    String id = initialize("2025-06-18");
    FakeExchange get = openGet(id);
    FakeExchange legacy = new FakeExchange("GET", "/sse").header("Accept", "text/event-stream");
    http.openLegacyStream(legacy, alice);
    legacy.output.awaitText("event: endpoint");
    assertThat(http.openStreams()).isEqualTo(2);
    FakeExchange slow = FakeExchange.post(call(3, "slow", "{}")).header("Mcp-Session-Id", id);
    http.handleMcp(slow, alice);
    assertThat(tools.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    http.shutdown(Duration.ofMillis(200));

    assertThat(http.isAcceptingRequests()).isFalse();
    assertThat(tools.slowInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
    // A request cut off by shutdown gets a JSON-RPC error it can show, never an empty 204.
    HttpReply cut = slow.awaitReply();
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.headers().get("Content-Type")).startsWith("application/json");
    JsonNode error = Json.mapper().readTree(cut.bodyText());
    assertThat(error.at("/id").intValue()).isEqualTo(3);
    assertThat(error.at("/error/code").intValue()).isEqualTo(ErrorCodes.REQUEST_CANCELLED);
    assertThat(error.at("/error/message").asString()).contains("shutting down").contains("retry");
    assertThat(get.output.closed).isDone();
    assertThat(legacy.output.closed).isDone();
    awaitNoOpenStreams();

    HttpReply refused =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}")
                .header("Mcp-Session-Id", id));
    assertThat(refused.status()).isEqualTo(503);
    assertThat(Json.mapper().readTree(refused.bodyText()).at("/error/code").intValue())
        .isEqualTo(-32004);
    FakeExchange lateSse = new FakeExchange("GET", "/sse");
    http.openLegacyStream(lateSse, alice);
    assertThat(lateSse.awaitReply().status()).isEqualTo(503);
    assertThat(lateSse.streamHeaders).isNotDone();

    assertThat(metrics.opened).hasValue(2);
    assertThat(metrics.closed).hasValue(2);
    assertThat(metrics.requests).contains("tools/call|none|cancelled");
  }

  @Test
  void aBatchCutOffByShutdownGetsTheShutdownErrorForEachOfItsRequests() throws Exception {
    transport(c -> {});
    String id = initialize("2025-03-26"); // the last version with JSON-RPC batches
    FakeExchange batch =
        FakeExchange.post(
                "["
                    + call(5, "slow", "{}")
                    + ",{\"jsonrpc\":\"2.0\",\"id\":\"six\",\"method\":\"ping\"}"
                    + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}]")
            .header("Mcp-Session-Id", id);
    http.handleMcp(batch, alice);
    assertThat(tools.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    http.shutdown(Duration.ofMillis(200));

    assertThat(tools.slowInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
    HttpReply cut = batch.awaitReply();
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.headers().get("Content-Type")).startsWith("application/json");
    JsonNode errors = Json.mapper().readTree(cut.bodyText());
    assertThat(errors.isArray()).isTrue();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).at("/id").intValue()).isEqualTo(5);
    assertThat(errors.get(1).at("/id").asString()).isEqualTo("six");
    for (JsonNode error : errors) {
      assertThat(error.at("/error/code").intValue()).isEqualTo(ErrorCodes.REQUEST_CANCELLED);
      assertThat(error.at("/error/message").asString()).contains("shutting down");
    }
  }

  @Test
  void aShutdownWithNothingInFlightCancelsNothingAndEndsStreamsGracefully() throws Exception {
    transport(c -> {});
    String id = initialize("2025-06-18");
    FakeExchange get = openGet(id);
    long started = System.nanoTime();
    http.shutdown(Duration.ofSeconds(20));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(get.output.closed).isDone();
    assertThat(get.output.text()).startsWith("event: connection\n");
  }

  @Test
  void aReconnectingGetStreamReplacesTheOldOneAndDeleteClosesIt() throws Exception {
    transport(c -> {});
    String id = initialize("2025-06-18");
    FakeExchange first = openGet(id);
    FakeExchange second = openGet(id);
    assertThat(first.output.closed).isDone();
    assertThat(second.output.closed).isNotDone();
    awaitOpenStreams(1);

    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status())
        .isEqualTo(204);
    assertThat(second.output.closed).isDone();
    awaitNoOpenStreams();
    FakeExchange again =
        new FakeExchange("GET", "/mcp")
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", id);
    assertThat(send(again).status()).isEqualTo(404);
  }

  @Test
  void aJsonOnlyClientGetsItsProgressOnTheGetStreamAndItsResultAsJson() throws Exception {
    transport(c -> {});
    String id = initialize("2025-06-18");
    FakeExchange get = openGet(id);
    HttpReply reply =
        send(
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"count\",\"arguments\":{\"n\":2},\"_meta\":{\"progressToken\":\"p\"}}}")
                .header("Accept", "application/json")
                .header("Mcp-Session-Id", id));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers()).containsEntry("Content-Type", "application/json");
    assertThat(reply.bodyText()).contains("counted to 2").doesNotContain("notifications/progress");
    String stream = get.output.awaitText("notifications/progress");
    // The result itself travels once, on its own POST, never also on the GET stream.
    assertThat(stream).doesNotContain("counted to 2");
    assertThat(metrics.requests).contains("tools/call|count|null");
  }

  @Test
  void aClientThatStopsReadingIsCutOffByTheWriteWatchdog() throws Exception {
    transport(c -> c.writeTimeout(Duration.ofMillis(200)));
    String id = initialize("2025-06-18");
    FakeExchange get =
        new FakeExchange("GET", "/mcp")
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", id);
    get.output.stalled = true;
    // The first write (the ready event) blocks until the watchdog closes the stream.
    CompletableFuture.runAsync(() -> http.handleMcp(get, alice)).get(30, TimeUnit.SECONDS);
    assertThat(get.output.closed).isDone();
    awaitNoOpenStreams();
    assertThat(metrics.opened).hasValue(1);
    assertThat(metrics.closed).hasValue(1);
    // The session itself lives on; only the stream was cut.
    assertThat(
            send(FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}")
                    .header("Mcp-Session-Id", id))
                .status())
        .isEqualTo(200);
  }

  @Test
  void oneSharedTimerPingsEveryStreamAndNeverBeforeItsFirstEvent() throws Exception {
    // A ping every 2 ms, so that many of these streams open while the timer is running.
    transport(c -> c.pingInterval(Duration.ofMillis(2)));
    List<FakeExchange> gets = new ArrayList<>();
    List<FakeExchange> legacy = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      FakeExchange get =
          new FakeExchange("GET", "/mcp")
              .header("Accept", "text/event-stream")
              .header("Mcp-Session-Id", initialize("2025-06-18"));
      http.handleMcp(get, alice);
      gets.add(get);
      FakeExchange sse = new FakeExchange("GET", "/sse").header("Accept", "text/event-stream");
      http.openLegacyStream(sse, alice);
      legacy.add(sse);
    }
    assertThat(http.openStreams()).isEqualTo(40);
    for (FakeExchange get : gets) {
      String text = get.output.awaitText(":ping\n\n:ping\n\n");
      assertThat(text)
          .startsWith(
              "event: connection\ndata: {\"type\":\"connection\",\"status\":\"ready\"}\n\n");
    }
    for (FakeExchange sse : legacy) {
      assertThat(sse.output.awaitText(":ping\n\n:ping\n\n"))
          .startsWith("event: endpoint\ndata: /messages?sessionId=");
    }
    // A client that goes away leaves the timer's set.
    gets.get(0).output.disconnect();
    assertThat(gets.get(0).output.closed).isDone();
    awaitOpenStreams(39);
    assertThat(metrics.closed).hasValue(1);
  }

  @Test
  void idleSessionsAreSweptAndTheirGetStreamsClosed() throws Exception {
    transport(c -> c.sessionIdleTimeout(Duration.ofMillis(400)));
    String id = initialize("2025-06-18");
    FakeExchange get = openGet(id);
    clock.advance(Duration.ofSeconds(1));
    get.output.closed.get(30, TimeUnit.SECONDS);
    awaitNoOpenStreams();
    assertThat(
            send(FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}")
                    .header("Mcp-Session-Id", id))
                .status())
        .isEqualTo(404);
  }

  @Test
  void aSessionEvictedForRoomResumesFromItsSignedId() throws Exception {
    transport(c -> c.maxSessions(1));
    String first = initialize("2025-06-18");
    FakeExchange get = openGet(first);
    initialize("2025-06-18");
    // Evicting the first session from memory closed its stream and forgot its in-flight state...
    assertThat(get.output.closed).isDone();
    // ...but its id is still valid: the claims travel in the id, so it resumes.
    HttpReply ping =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}")
                .header("Mcp-Session-Id", first));
    assertThat(ping.status()).isEqualTo(200);
  }

  @Test
  void metricsLabelRequestsByWhatTheServerKnows() throws Exception {
    transport(c -> {});
    String id = initialize("2025-06-18");
    for (String body :
        List.of(
            call(10, "echo", "{\"text\":\"hi\"}"),
            call(11, "fail", "{\"polite\":true}"),
            call(12, "echo", "{}"),
            call(13, "nope", "{}"),
            "{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"made/up\"}")) {
      send(FakeExchange.post(body).header("Mcp-Session-Id", id));
    }
    assertThat(metrics.requests)
        .containsExactly(
            "initialize|none|null",
            "tools/call|echo|null",
            "tools/call|fail|tool_error",
            // Arguments that fail the input schema are a tool error the model can correct...
            "tools/call|echo|tool_error",
            // ...a tool that does not exist is a protocol error.
            "tools/call|none|invalid_params",
            "unknown|none|method_not_found");
  }
}
