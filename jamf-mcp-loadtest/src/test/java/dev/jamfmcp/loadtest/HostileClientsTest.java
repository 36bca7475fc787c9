package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.faults.FaultSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Clients that misbehave, over real HTTP against the whole server: each gets the right status or
 * JSON-RPC error, resource use stays bounded, and a normal client is served afterwards.
 */
class HostileClientsTest {
  static final int MAX_SESSIONS = 100;
  static SimulatedJamfPro jamf;
  static ServerUnderTest server;
  static int hostileInputs;

  @BeforeAll
  static void start() {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(100)));
    server =
        ServerUnderTest.start(
            jamf.baseUrl(),
            ServerUnderTest.quickJamf(),
            p ->
                p.transport(
                    t ->
                        t.maxSessions(MAX_SESSIONS)
                            .pingInterval(Duration.ofMillis(200))
                            .writeTimeout(Duration.ofSeconds(2))
                            .maxQueuedBytesPerStream(64 * 1024)));
  }

  @AfterAll
  static void stop() {
    System.out.println("hostile inputs tried: " + hostileInputs);
    server.close();
    jamf.close();
  }

  @AfterEach
  void normalClientStillServed() throws Exception {
    jamf.faults().clear();
    Mcp.Outcome normal = new Mcp(server.mcpUrl()).list();
    assertThat(normal.isError()).as(normal.text()).isFalse();
  }

  private static McpHttpTransport transport() {
    return server.plugin().transport();
  }

  private static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** POSTs raw bytes in a fresh session; returns status and parsed JSON-RPC reply (or null). */
  private static HttpResponse<String> postRaw(String sessionId, byte[] body) throws Exception {
    hostileInputs++;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.mcpUrl())
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", McpClient.VERSION)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (sessionId != null) {
      builder.header("Mcp-Session-Id", sessionId);
    }
    return Mcp.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String session() throws Exception {
    return new Mcp(server.mcpUrl()).client.sessionId();
  }

  private static void assertJsonRpcError(HttpResponse<String> response, int status, int code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode reply = Json.mapper().readTree(response.body());
    assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(reply.has("id")).isTrue();
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(code);
    assertThat(reply.path("error").path("message").asString())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("tools.jackson");
  }

  @Test
  void thousandsOfAbandonedSessionsStayWithinTheSessionBound() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        ids.add(
            pool.submit(
                () -> {
                  McpClient c = new McpClient(Mcp.HTTP, server.mcpUrl(), Duration.ofSeconds(30));
                  c.initialize();
                  return c.sessionId();
                }));
      }
      String first = ids.get(0).get();
      for (Future<String> id : ids) {
        id.get();
      }
      hostileInputs += 2000;
      assertThat(transport().liveSessions()).isLessThanOrEqualTo(MAX_SESSIONS);
      // The signed id is the session's truth: one evicted from memory still works.
      McpClient evicted = new McpClient(Mcp.HTTP, server.mcpUrl(), Duration.ofSeconds(30));
      evicted.sessionId(first);
      assertThat(evicted.call("tools/list", Json.object()).path("tools").size())
          .isEqualTo(server.server().tools().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void clientsThatDisconnectMidStreamLeaveNothingBehind() throws Exception {
    String id = session();
    jamf.faults().set(FaultSettings.none().withLatency(Duration.ofMillis(1500)));
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + Mcp.LIST
            + "\",\"arguments\":{}}}";
    for (int i = 0; i < 5; i++) {
      try (RawHttp raw = new RawHttp(server.port())) {
        raw.write(
            RawHttp.postHead(
                    "Mcp-Session-Id: "
                        + id
                        + "\r\nMCP-Protocol-Version: "
                        + McpClient.VERSION
                        + "\r\n",
                    call.length())
                + call);
        Thread.sleep(200); // the scenario: leave while the (1.5 s slow) call is under way
      }
      try (RawHttp raw = new RawHttp(server.port())) {
        raw.write(
            "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "Mcp-Session-Id: "
                + id
                + "\r\n\r\n");
        assertThat(raw.readAvailable(500)).startsWith("HTTP/1.1 200");
      }
      hostileInputs += 2;
    }
    awaitNoOpenStreams();
  }

  @Test
  void clientsThatNeverReadTheirStreamHoldNoThreads() throws Exception {
    int before = threads();
    List<RawHttp> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        String id = session();
        RawHttp raw = new RawHttp(server.port());
        raw.socket.setReceiveBufferSize(1024);
        raw.write(
            "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "Mcp-Session-Id: "
                + id
                + "\r\n\r\n");
        sockets.add(raw);
        hostileInputs++;
      }
      // Pings go out every 200 ms and nobody reads them: for 1.5 s (several pings a stream) no
      // stream may hold a thread.
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(threads() - before)
                      .as("threads held by 40 unread streams")
                      .isLessThan(20));
      assertThat(transport().openStreams()).isGreaterThanOrEqualTo(1);
      Mcp.Outcome meanwhile = new Mcp(server.mcpUrl()).list();
      assertThat(meanwhile.isError()).isFalse();
    } finally {
      for (RawHttp raw : sockets) {
        raw.close();
      }
    }
    awaitNoOpenStreams();
  }

  private static void awaitNoOpenStreams() {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> assertThat(transport().openStreams()).as("streams left open").isZero());
  }

  @Test
  void aBodySentByteByByteIsCutOffInBoundedTime() throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"pad\":\""
            + "x".repeat(300)
            + "\"}}";
    long start = System.nanoTime();
    String answer = "";
    try (RawHttp raw = new RawHttp(server.port())) {
      raw.write(RawHttp.postHead("", body.length()));
      hostileInputs++;
      try {
        for (int i = 0; i < body.length(); i++) {
          raw.write(body.substring(i, i + 1));
          Thread.sleep(50); // the scenario: a body trickling in a byte every 50 ms
          if (raw.in.available() > 0 || (System.nanoTime() - start) > 25_000_000_000L) {
            break;
          }
        }
      } catch (IOException closedByServer) {
        // the server gave up on us: that is the point
      }
      answer = raw.readAvailable(2000);
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(seconds)
        .as("time a slow body may hold a request, answer: %s", answer)
        .isLessThanOrEqualTo(15);
  }

  @Test
  void a100MegabyteBodyIs413WithoutBeingRead() throws Exception {
    try (RawHttp raw = new RawHttp(server.port())) {
      raw.write(RawHttp.postHead("", 100_000_000L));
      raw.write(new byte[64 * 1024]);
      String answer = raw.readAvailable(5000);
      assertThat(RawHttp.status(answer)).as(answer).isEqualTo(413);
      hostileInputs++;
    }
    // Without a declared length (chunked): the server stops reading after its limit.
    AtomicLong sent = new AtomicLong();
    long limit = 100L * 1024 * 1024;
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return sent.incrementAndGet() <= limit ? ' ' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            long left = limit - sent.get();
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            sent.addAndGet(n);
            return n;
          }
        };
    HttpRequest request =
        HttpRequest.newBuilder(server.mcpUrl())
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
            .build();
    hostileInputs++;
    try {
      HttpResponse<String> response = Mcp.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(413);
    } catch (IOException connectionClosedWhileSending) {
      // the server answered 413 and closed while the client was still sending
    }
    assertThat(sent.get()).as("bytes the client got to send").isLessThan(32L * 1024 * 1024);
  }

  @Test
  void deeplyNestedJsonIsAParseError() throws Exception {
    assertJsonRpcError(
        postRaw(null, "[".repeat(100_000).getBytes(StandardCharsets.UTF_8)), 400, -32700);
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertJsonRpcError(
        postRaw(
            session(),
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                    + "\"tools/call\",\"params\":"
                    + deep
                    + "}")
                .getBytes(StandardCharsets.UTF_8)),
        400,
        -32700);
  }

  @Test
  void hugeNumbersAreRefusedNotComputed() throws Exception {
    String id = session();
    assertJsonRpcError(
        postRaw(
            id,
            ("{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(200_000) + ",\"method\":\"tools/list\"}")
                .getBytes(StandardCharsets.UTF_8)),
        400,
        -32700);
    for (String number :
        List.of("1e999999999", "123456789012345678901234567890", "-1e400", "1.5", "0.1e-999999")) {
      HttpResponse<String> asId =
          postRaw(
              id,
              ("{\"jsonrpc\":\"2.0\",\"id\":" + number + ",\"method\":\"tools/list\"}")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(asId.statusCode()).as(number + " " + asId.body()).isIn(200, 400);
      assertWellFormed(asId.body());
      HttpResponse<String> asArgument =
          postRaw(
              id,
              ("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
                      + "\"tools/call\",\"params\":{\"name\":\""
                      + Mcp.LIST
                      + "\",\"arguments\":"
                      + "{\"limit\":"
                      + number
                      + "}}}")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(asArgument.statusCode()).as(number + " " + asArgument.body()).isIn(200, 400);
      JsonNode reply = assertWellFormed(asArgument.body());
      if (reply.has("result")) {
        assertThat(reply.path("result").path("isError").asBoolean()).as(asArgument.body()).isTrue();
      }
    }
  }

  static JsonNode assertWellFormed(String body) {
    JsonNode reply = Json.mapper().readTree(body);
    assertThat(reply.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(reply.has("id")).as(body).isTrue();
    assertThat(reply.has("result") ^ reply.has("error")).as(body).isTrue();
    if (reply.has("error")) {
      assertThat(reply.path("error").path("code").isIntegralNumber()).isTrue();
      assertThat(reply.path("error").path("message").isString()).isTrue();
    }
    return reply;
  }

  @Test
  void invalidUtf8IsAParseError() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"x\":\""
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
    assertJsonRpcError(postRaw(session(), body.toByteArray()), 400, -32700);
  }

  @Test
  void duplicateIdsInFlightAreEachAnswered() throws Exception {
    String id = session();
    jamf.faults().set(FaultSettings.none().withLatency(Duration.ofMillis(500)));
    byte[] call =
        ("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + Mcp.LIST
                + "\",\"arguments\":{\"limit\":2}}}")
            .getBytes(StandardCharsets.UTF_8);
    List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return postRaw(id, call);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    for (CompletableFuture<HttpResponse<String>> response : both) {
      HttpResponse<String> r = response.get();
      assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
      JsonNode reply =
          assertWellFormed(
              MessageBodies.jsonOf(r.body(), r.headers().firstValue("Content-Type").orElse("")));
      assertThat(reply.path("id").asInt()).isEqualTo(7);
    }
  }

  @Test
  void responsesToRequestsNeverSentAreAcceptedAndIgnored() throws Exception {
    String id = session();
    for (String message :
        List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":\"never-sent\",\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":424242,\"error\":{\"code\":-1,\"message\":\"no\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"action\":\"accept\"}}")) {
      HttpResponse<String> response = postRaw(id, message.getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      assertThat(response.body()).isEmpty();
    }
  }
}
