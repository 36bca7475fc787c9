package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.SessionListener.Reason;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport tells its session listener every way a session ends, once each. */
class SessionListenerTest {
  private static final String INIT = HttpTransportRulesTest.INIT.formatted("2025-06-18");
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";

  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private final MutableClock clock = new MutableClock();
  private final Principal alice = Principal.of("alice", "read:jamf");
  private final List<String> ended = new CopyOnWriteArrayList<>();
  private McpHttpTransport http;

  @AfterEach
  void close() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private void transport(Consumer<HttpTransportConfig> extra) {
    http =
        McpHttpTransport.create(
            server,
            c -> {
              c.sessionKey(HttpTransportRulesTest.KEY)
                  .clock(clock)
                  .pingInterval(Duration.ofHours(1))
                  .sessionListener((id, reason) -> ended.add(id + " " + reason));
              extra.accept(c);
            });
  }

  private HttpReply send(FakeExchange exchange) throws Exception {
    http.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private String initialize() throws Exception {
    HttpReply reply = send(FakeExchange.post(INIT));
    assertThat(reply.status()).isEqualTo(200);
    return reply.headers().get("Mcp-Session-Id");
  }

  /** The stable id inside a signed {@code m1.<payload>.<mac>} session id. */
  private static String stableId(String sessionId) {
    byte[] payload = Base64.getUrlDecoder().decode(sessionId.split("\\.")[1]);
    return Json.mapper().readTree(new String(payload, StandardCharsets.UTF_8)).get("s").asString();
  }

  private void awaitEnded(int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(ended::size, size -> size >= count);
  }

  @Test
  void anIdleSessionSweptAwayIsReportedExpiredOnce() throws Exception {
    transport(c -> c.sessionIdleTimeout(Duration.ofMillis(400)));
    String id = initialize();
    assertThat(ended).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    awaitEnded(1);
    assertThat(ended).containsExactly(stableId(id) + " EXPIRED");
    // The id is refused now, and nothing more is reported.
    assertThat(send(FakeExchange.post(PING).header("Mcp-Session-Id", id)).status()).isEqualTo(404);
    assertThat(ended).hasSize(1);
  }

  @Test
  void anIdleSessionUsedAgainAfterItsWindowIsReportedExpired() throws Exception {
    // The sweeper runs every minute at most; the request comes first.
    transport(c -> c.sessionIdleTimeout(Duration.ofHours(1)));
    String id = initialize();
    clock.advance(Duration.ofHours(2));
    assertThat(send(FakeExchange.post(PING).header("Mcp-Session-Id", id)).status()).isEqualTo(404);
    assertThat(ended).containsExactly(stableId(id) + " EXPIRED");
  }

  @Test
  void deleteIsReportedDeleted() throws Exception {
    transport(c -> {});
    String id = initialize();
    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status())
        .isEqualTo(204);
    assertThat(ended).containsExactly(stableId(id) + " DELETED");
    // A second DELETE names a revoked id: 404, and no second report.
    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status())
        .isEqualTo(404);
    assertThat(ended).hasSize(1);
  }

  @Test
  void evictionForRoomIsReportedEvicted() throws Exception {
    transport(c -> c.maxSessions(1));
    String first = initialize();
    String second = initialize();
    assertThat(ended).containsExactly(stableId(first) + " EVICTED");
    assertThat(stableId(second)).isNotEqualTo(stableId(first));
  }

  @Test
  void closingTheTransportReportsEveryLiveSessionAsShutdown() throws Exception {
    transport(c -> {});
    String a = initialize();
    String b = initialize();
    http.close();
    assertThat(ended)
        .containsExactlyInAnyOrder(stableId(a) + " SHUTDOWN", stableId(b) + " SHUTDOWN");
    http = null;
  }

  @Test
  void aFailingListenerDoesNotStopTheSessionFromEnding() throws Exception {
    http =
        McpHttpTransport.create(
            server,
            c ->
                c.sessionKey(HttpTransportRulesTest.KEY)
                    .clock(clock)
                    .sessionListener(
                        (id, reason) -> {
                          ended.add(reason.name());
                          throw new IllegalStateException("listener broke");
                        }));
    String id = initialize();
    assertThat(send(new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status())
        .isEqualTo(204);
    assertThat(ended).containsExactly(Reason.DELETED.name());
    assertThat(send(FakeExchange.post(PING).header("Mcp-Session-Id", id)).status()).isEqualTo(404);
    assertThat(http.liveSessions()).isZero();
  }

  @Test
  void theListenerIsRequired() {
    HttpTransportConfig config = new HttpTransportConfig();
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> config.sessionListener(null));
  }
}
