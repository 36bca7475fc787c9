package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP rules against an in-memory exchange: status codes, sessions, streams, versions. */
class HttpTransportRulesTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
          + "{\"protocolVersion\":\"%s\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  private final TestTools tools = new TestTools();
  private final CountDownLatch waitInterrupted = new CountDownLatch(1);
  private final McpServer server = tools.server(c -> c.tool(progressThenWait()));
  private final MutableClock clock = new MutableClock();
  private final McpHttpTransport http =
      McpHttpTransport.create(
          server,
          c ->
              c.sessionKey(KEY)
                  .clock(clock)
                  .maxBodyBytes(4096)
                  .sessionIdleTimeout(Duration.ofMinutes(10))
                  .allowedOrigins(Set.of("https://app.example"))
                  .pingInterval(Duration.ofMillis(100)));
  private final Principal alice = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private Tool progressThenWait() {
    return Tool.builder("wait")
        .description("Reports progress, then waits to be cancelled.")
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) -> {
              ctx.progress(1, null, "started");
              try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
              } catch (InterruptedException e) {
                waitInterrupted.countDown();
                throw e;
              }
              return ToolResult.text("never");
            })
        .build();
  }

  private HttpReply send(FakeExchange exchange) throws Exception {
    http.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private String initialize(String version) throws Exception {
    HttpReply reply = send(FakeExchange.post(INIT.formatted(version)));
    assertThat(reply.status()).isEqualTo(200);
    String id = reply.headers().get("Mcp-Session-Id");
    assertThat(id).matches("[\\x21-\\x7e]+");
    return id;
  }

  private static JsonNode json(HttpReply reply) {
    return Json.mapper().readTree(reply.bodyText());
  }

  @Test
  void initializeThenNotificationThenRequest() throws Exception {
    String id = initialize("2025-06-18");
    HttpReply note =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("Mcp-Session-Id", id));
    assertThat(note.status()).isEqualTo(202);
    assertThat(note.body()).isEmpty();
    HttpReply list =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", "2025-06-18"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.headers()).containsEntry("Content-Type", "application/json");
    assertThat(json(list).at("/result/tools").size()).isGreaterThan(3);
  }

  @Test
  void sessionIdRules() throws Exception {
    String request = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    assertThat(send(FakeExchange.post(request)).status()).isEqualTo(400);
    String id = initialize("2025-06-18");
    String tampered = id.substring(0, id.length() - 3) + (id.endsWith("AAA") ? "BBB" : "AAA");
    assertThat(send(FakeExchange.post(request).header("Mcp-Session-Id", tampered)).status())
        .isEqualTo(404);
    assertThat(send(FakeExchange.post(request).header("Mcp-Session-Id", "nonsense")).status())
        .isEqualTo(404);
    // Someone else's id is as good as unknown.
    FakeExchange stolen = FakeExchange.post(request).header("Mcp-Session-Id", id);
    http.handleMcp(stolen, Principal.of("mallory", "read:jamf"));
    assertThat(stolen.awaitReply().status()).isEqualTo(404);
  }

  @Test
  void idleSessionsExpireAndUseKeepsThemAlive() throws Exception {
    String id = initialize("2025-06-18");
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
    clock.advance(Duration.ofMinutes(8));
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", id)).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(8));
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", id)).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(11));
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", id)).status()).isEqualTo(404);
  }

  @Test
  void idsAreReissuedOnlyWhenStateChangesOrTheyAge() throws Exception {
    String id = initialize("2025-06-18");
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", id)).headers())
        .doesNotContainKey("Mcp-Session-Id");
    HttpReply setLevel =
        send(
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":"
                        + "\"logging/setLevel\",\"params\":{\"level\":\"info\"}}")
                .header("Mcp-Session-Id", id));
    String updated = setLevel.headers().get("Mcp-Session-Id");
    assertThat(updated).isNotNull().isNotEqualTo(id);
    clock.advance(Duration.ofMinutes(6));
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", updated)).headers())
        .containsKey("Mcp-Session-Id");
  }

  @Test
  void aSecondInstanceWithTheSameKeyContinuesTheSession() throws Exception {
    String id = initialize("2025-11-25");
    try (McpHttpTransport other =
        McpHttpTransport.create(server, c -> c.sessionKey(KEY).clock(clock))) {
      FakeExchange call =
          FakeExchange.post(
                  "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                      + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}")
              .header("Mcp-Session-Id", id);
      other.handleMcp(call, alice);
      HttpReply reply = call.awaitReply();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(json(reply).at("/result/structuredContent/echo").stringValue()).isEqualTo("hi");
    }
  }

  @Test
  void anIdVerifiedBeforeStillExpiresAndStillEndsWithDelete() throws Exception {
    // Each id below is used (and so verified and remembered) before the step that must end it.
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
    String expiring = initialize("2025-06-18");
    String deleted = initialize("2025-06-18");
    for (String id : new String[] {expiring, deleted, expiring, deleted}) {
      assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", id)).status())
          .isEqualTo(200);
    }
    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", deleted)).status())
        .isEqualTo(204);
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", deleted)).status())
        .isEqualTo(404);
    clock.advance(Duration.ofMinutes(11));
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", expiring)).status())
        .isEqualTo(404);
    // The owner still matters for a remembered id.
    String alicesOwn = initialize("2025-06-18");
    assertThat(send(FakeExchange.post(ping).header("Mcp-Session-Id", alicesOwn)).status())
        .isEqualTo(200);
    FakeExchange stolen = FakeExchange.post(ping).header("Mcp-Session-Id", alicesOwn);
    http.handleMcp(stolen, Principal.of("mallory", "read:jamf"));
    assertThat(stolen.awaitReply().status()).isEqualTo(404);
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    String id = initialize("2025-06-18");
    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status())
        .isEqualTo(204);
    assertThat(
            send(FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                    .header("Mcp-Session-Id", id))
                .status())
        .isEqualTo(404);
    assertThat(send(new FakeExchange("DELETE", "/mcp")).status()).isEqualTo(400);
    assertThat(send(new FakeExchange("PUT", "/mcp")).headers())
        .containsEntry("Allow", "GET, POST, DELETE");
  }

  @Test
  void headerOriginBodyAndMediaChecks() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
    assertThat(
            send(FakeExchange.post(INIT.formatted("2025-06-18"))
                    .header("MCP-Protocol-Version", "1999-01-01"))
                .status())
        .isEqualTo(400);
    assertThat(send(FakeExchange.post(ping).header("Origin", "https://evil.example")).status())
        .isEqualTo(403);
    assertThat(
            send(FakeExchange.post(INIT.formatted("2025-06-18"))
                    .header("Origin", "https://app.example"))
                .status())
        .isEqualTo(200);
    assertThat(send(FakeExchange.post("{\"x\":\"" + "a".repeat(5000) + "\"}")).status())
        .isEqualTo(413);
    assertThat(send(FakeExchange.post(ping).header("Content-Type", "text/plain")).status())
        .isEqualTo(415);
    assertThat(send(FakeExchange.post(ping).header("Accept", "text/html")).status()).isEqualTo(406);
    assertThat(send(FakeExchange.post("{not json")).status()).isEqualTo(400);
  }

  @Test
  void progressSwitchesToSseWithPrimingEventThenResponseThenClose() throws Exception {
    String id = initialize("2025-11-25");
    FakeExchange call =
        FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"count\",\"arguments\":{\"n\":3},\"_meta\":{\"progressToken\":\"p\"}}}")
            .header("Mcp-Session-Id", id);
    http.handleMcp(call, alice);
    assertThat(call.streamHeaders.get(30, TimeUnit.SECONDS))
        .containsEntry("Content-Type", "text/event-stream")
        .containsEntry("X-Accel-Buffering", "no")
        .doesNotContainKey("Mcp-Session-Id");
    call.output.closed.get(30, TimeUnit.SECONDS);
    String body = call.output.text();
    assertThat(body).startsWith("id: ").contains("retry: 3000\ndata: \n\n");
    assertThat(body.indexOf("notifications/progress")).isLessThan(body.indexOf("\"id\":7"));
    assertThat(body).contains("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\"");
  }

  @Test
  void clientDisconnectCancelsTheRequest() throws Exception {
    String id = initialize("2025-06-18");
    FakeExchange call =
        FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"wait\",\"_meta\":{\"progressToken\":1}}}")
            .header("Mcp-Session-Id", id);
    http.handleMcp(call, alice);
    call.output.awaitText("notifications/progress");
    call.output.disconnect();
    assertThat(waitInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void getStreamSaysReadyAndPings() throws Exception {
    String id = initialize("2025-06-18");
    FakeExchange get =
        new FakeExchange("GET", "/mcp")
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", id);
    http.handleMcp(get, alice);
    String body = get.output.awaitText(":ping\n\n");
    assertThat(body)
        .startsWith("event: connection\ndata: {\"type\":\"connection\",\"status\":\"ready\"}\n\n");
    assertThat(
            send(new FakeExchange("GET", "/mcp")
                    .header("Accept", "application/json")
                    .header("Mcp-Session-Id", id))
                .status())
        .isEqualTo(406);
    assertThat(
            send(new FakeExchange("GET", "/mcp")
                    .header("Accept", "text/event-stream")
                    .header("MCP-Protocol-Version", "2026-07-28"))
                .status())
        .isEqualTo(405);
  }

  /** The original server's connector flow: GET /mcp before initialize gets ready and pings. */
  @Test
  void getWithoutASessionIdSaysReadyAndPings() throws Exception {
    FakeExchange get = new FakeExchange("GET", "/mcp").header("Accept", "text/event-stream");
    http.handleMcp(get, alice);
    String body = get.output.awaitText(":ping\n\n");
    assertThat(body)
        .startsWith("event: connection\ndata: {\"type\":\"connection\",\"status\":\"ready\"}\n\n");
    assertThat(http.openStreams()).isEqualTo(1);
    get.output.disconnect();
    await().untilAsserted(() -> assertThat(http.openStreams()).isZero());
    // A blank id is still a bad request, and an unknown one an ended session.
    assertThat(
            send(new FakeExchange("GET", "/mcp")
                    .header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", " "))
                .status())
        .isEqualTo(400);
    assertThat(
            send(new FakeExchange("GET", "/mcp")
                    .header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", "nope"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void insufficientScopeIs403WithAChallenge() throws Exception {
    String id = initialize("2025-06-18");
    HttpReply reply =
        send(
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"wipe\",\"arguments\":{}}}")
                .header("Mcp-Session-Id", id));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.headers().get("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"read:jamf write:jamf\"");
    assertThat(tools.writeRuns.get()).isZero();
  }

  @Test
  void batchesOnlyIn20250326() throws Exception {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]";
    HttpReply old =
        send(FakeExchange.post(batch).header("Mcp-Session-Id", initialize("2025-03-26")));
    assertThat(old.status()).isEqualTo(200);
    assertThat(json(old).size()).isEqualTo(2);
    HttpReply modern =
        send(FakeExchange.post(batch).header("Mcp-Session-Id", initialize("2025-06-18")));
    assertThat(modern.status()).isEqualTo(400);
  }
}
