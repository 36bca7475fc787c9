package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.http.StreamOutput;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "MCP connection established" and "MCP connection closed" lines, with session, duration and
 * reason, for every way a Streamable HTTP session ends: deleted, expired idle, server shutdown. The
 * request log is wired into the real core transport as the executable wires it; slf4j-simple writes
 * to System.err, which the test captures.
 */
class ConnectionLogTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final Pattern CLOSED =
      Pattern.compile(
          "MCP connection closed session=(\\S+) duration=(\\d+)ms principal=(\\S+) \\(([^)]*)\\)");

  /** One request, answered with one reply (no streams in these tests). */
  static final class Exchange implements HttpExchange {
    final String method;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final byte[] body;
    final CompletableFuture<HttpReply> reply = new CompletableFuture<>();

    Exchange(String method, String body) {
      this.method = method;
      this.body = body.getBytes(StandardCharsets.UTF_8);
      headers.put("Accept", "application/json, text/event-stream");
      headers.put("Content-Type", "application/json");
    }

    Exchange header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return "/mcp";
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    @Override
    public Optional<String> queryParam(String name) {
      return Optional.empty();
    }

    @Override
    public byte[] readBody(int maxBytes) {
      return Arrays.copyOf(body, body.length);
    }

    @Override
    public void respond(HttpReply r) {
      reply.complete(r);
    }

    @Override
    public StreamOutput startStream(int status, Map<String, String> headers) {
      throw new UnsupportedOperationException("no streams in this test");
    }
  }

  private CapturedLog captured;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Principal alice = Principal.of("alice", "read:jamf");
  private final RequestLog requestLog = new RequestLog();
  private McpServer server;
  private McpHttpTransport http;

  @BeforeEach
  void captureLog() {
    captured = new CapturedLog();
  }

  @AfterEach
  void restore() {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
    captured.close();
  }

  private String log() {
    return captured.text();
  }

  private void start(Consumer<dev.jamfmcp.mcp.http.HttpTransportConfig> extra) {
    server = McpServer.create(c -> c.serverInfo(Implementation.of("log-test", "1")));
    http =
        McpHttpTransport.create(
            server,
            c -> {
              c.sessionKey(KEY).clock(clock).sessionListener(requestLog);
              extra.accept(c);
            });
  }

  private HttpReply send(Exchange exchange) throws Exception {
    http.handleMcp(requestLog.wrap(exchange, alice), alice);
    return exchange.reply.get(30, TimeUnit.SECONDS);
  }

  private String initialize() throws Exception {
    HttpReply reply = send(new Exchange("POST", INIT));
    assertThat(reply.status()).isEqualTo(200);
    return reply.headers().get("Mcp-Session-Id");
  }

  /**
   * The one "closed" line of a session (its groups: session, duration, principal, reason), waiting
   * up to 30 s for it (the sweeper is another thread).
   */
  private String[] closedLine(String session) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(() -> assertThat(log()).containsPattern(CLOSED));
    Matcher m = CLOSED.matcher(log());
    assertThat(m.find()).isTrue();
    String[] groups = {m.group(0), m.group(1), m.group(2), m.group(3), m.group(4)};
    assertThat(groups[1]).isEqualTo(session);
    assertThat(m.find()).as("a second closed line").isFalse();
    return groups;
  }

  /** Issue 19 V7: a tool or method name with a newline forged a line of the request log. */
  @Test
  void clientSuppliedNamesCannotForgeARequestLogLine() throws Exception {
    start(c -> {});
    String session = initialize();
    String forged =
        "2026-01-01T00:00:00.000Z INFO jamf-mcp.requests - POST /mcp tools/call tool=eraseDevice"
            + " status=200 1ms principal=admin";
    send(
        new Exchange(
                "POST",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"x\\n"
                    + forged
                    + "\",\"arguments\":{}}}")
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", "2025-06-18"));
    send(
        new Exchange("POST", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\\r\\n" + forged + "\"}")
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", "2025-06-18"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(log())
                    .contains("tools/call tool=x\\n" + forged)
                    .contains(" x\\r\\n" + forged));
    assertThat(log().lines()).noneMatch(line -> line.startsWith(forged));
  }

  @Test
  void anIdleSessionThatExpiresLogsClosedWithItsDurationAndReason() throws Exception {
    start(c -> c.sessionIdleTimeout(Duration.ofMillis(400)));
    String id = initialize();
    String session = RequestLog.sessionName(id);
    assertThat(log())
        .contains(
            "MCP connection established session="
                + session
                + " transport=streamable-http principal=alice")
        .doesNotContain("MCP connection closed");
    clock.advance(Duration.ofSeconds(1)); // past the idle window: the sweeper ends it
    String[] closed = closedLine(session);
    assertThat(closed[3]).isEqualTo("alice");
    assertThat(closed[4]).isEqualTo("expired idle");
    assertThat(Long.parseLong(closed[2])).isNotNegative();
    // The session id must not appear whole in the log, only its short stable part.
    assertThat(log()).doesNotContain(id);
  }

  @Test
  void deleteLogsClosedOnceAsDeletedByTheClient() throws Exception {
    start(c -> {});
    String id = initialize();
    assertThat(send(new Exchange("DELETE", "").header("Mcp-Session-Id", id)).status())
        .isEqualTo(204);
    String[] closed = closedLine(RequestLog.sessionName(id));
    assertThat(closed[4]).isEqualTo("deleted by the client");
    assertThat(closed[3]).isEqualTo("alice");
  }

  @Test
  void shuttingDownLogsEveryOpenSessionAsClosedByShutdown() throws Exception {
    start(c -> {});
    String id = initialize();
    http.close();
    http = null;
    String[] closed = closedLine(RequestLog.sessionName(id));
    assertThat(closed[4]).isEqualTo("server shutdown");
  }

  @Test
  void aSessionThisInstanceDidNotSeeStartHasAnUnknownDuration() {
    requestLog.sessionEnded("abcdefghijklmnop", RequestLog.Reason.EXPIRED);
    assertThat(log())
        .contains(
            "MCP connection closed session=abcdefghij duration=unknown principal=- (expired idle)");
  }
}
