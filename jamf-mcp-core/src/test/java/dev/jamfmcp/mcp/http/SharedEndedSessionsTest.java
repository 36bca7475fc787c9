package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.cluster.EndedSessions;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestTools;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing the session key and one record of ended sessions: a DELETE on either ends
 * the session on both; a record that cannot be written refuses the DELETE and changes nothing.
 */
class SharedEndedSessionsTest {
  private static final String INIT = HttpTransportRulesTest.INIT.formatted("2025-06-18");
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";

  private final MutableClock clock = new MutableClock();
  private final Principal alice = Principal.of("alice", "read:jamf");
  private final TestTools toolsA = new TestTools();
  private final TestTools toolsB = new TestTools();
  private final McpServer serverA = toolsA.server();
  private final McpServer serverB = toolsB.server();
  private final List<String> endedOnB = new CopyOnWriteArrayList<>();
  private McpHttpTransport a;
  private McpHttpTransport b;

  @AfterEach
  void close() {
    a.close();
    b.close();
    serverA.close();
    serverB.close();
  }

  private void instances(EndedSessions shared) {
    a = McpHttpTransport.create(serverA, c -> common(c).endedSessions(shared));
    b =
        McpHttpTransport.create(
            serverB,
            c ->
                common(c)
                    .endedSessions(shared)
                    .sessionListener((id, reason) -> endedOnB.add(reason.toString())));
  }

  private HttpTransportConfig common(HttpTransportConfig c) {
    return c.sessionKey(HttpTransportRulesTest.KEY).clock(clock).pingInterval(Duration.ofHours(1));
  }

  private HttpReply send(McpHttpTransport to, FakeExchange exchange) throws Exception {
    to.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private int ping(McpHttpTransport to, String id) throws Exception {
    return send(to, FakeExchange.post(PING).header("Mcp-Session-Id", id)).status();
  }

  private int delete(McpHttpTransport to, String id) throws Exception {
    return send(to, new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id)).status();
  }

  @Test
  void aDeleteOnOneInstanceEndsTheSessionOnTheOther() throws Exception {
    instances(EndedSessions.inMemory(100, clock));
    String id = send(a, FakeExchange.post(INIT)).headers().get("Mcp-Session-Id");
    assertThat(ping(b, id)).isEqualTo(200); // B serves it too: the id is signed, not stored

    assertThat(delete(a, id)).isEqualTo(204);

    assertThat(ping(b, id)).isEqualTo(404);
    assertThat(endedOnB).containsExactly("DELETED");
    assertThat(ping(a, id)).isEqualTo(404);
  }

  @Test
  void aDeleteThatCannotBeRecordedIsRefusedAndTheSessionGoesOn() throws Exception {
    EndedSessions down =
        new EndedSessions() {
          @Override
          public void end(String sessionId, Instant until) {
            throw new StoreUnavailableException("the session store is unavailable", null);
          }

          @Override
          public boolean isEnded(String sessionId) {
            return false;
          }
        };
    instances(down);
    String id = send(a, FakeExchange.post(INIT)).headers().get("Mcp-Session-Id");

    HttpReply refused = send(a, new FakeExchange("DELETE", "/mcp").header("Mcp-Session-Id", id));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.bodyText()).contains("session store is unavailable; nothing was done");
    assertThat(ping(a, id)).isEqualTo(200);
    assertThat(ping(b, id)).isEqualTo(200);
  }
}
