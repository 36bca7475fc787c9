package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rules at the edges: DNS-rebinding checks, the legacy message endpoint's refusals, stateless
 * header mismatches, unreadable bodies, signed ids that are malformed or carry large claims.
 */
class TransportEdgeRulesTest {
  private static final String INIT = HttpTransportRulesTest.INIT;
  private static final String META = StatelessAndLegacyRulesTest.META.formatted("2026-07-28");
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"ping\"}";

  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private final Principal alice = Principal.of("alice", "read:jamf");
  private McpHttpTransport http = transport(false);

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private McpHttpTransport transport(boolean localhostOnly) {
    return McpHttpTransport.create(
        server,
        c ->
            c.sessionKey(HttpTransportRulesTest.KEY)
                .localhostOnly(localhostOnly)
                .maxBodyBytes(2048)
                .retryMillis(1234)
                .legacyMessagesPath("/mcp/messages")
                .maxQueuedBytesPerStream(64 * 1024)
                .resourceMetadataUrl("https://mcp.example/.well-known/oauth-protected-resource"));
  }

  private HttpReply send(FakeExchange exchange) throws Exception {
    http.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private HttpReply sendLegacy(FakeExchange exchange, Principal principal) throws Exception {
    http.postLegacyMessage(exchange, principal);
    return exchange.awaitReply();
  }

  private static JsonNode json(HttpReply reply) {
    return Json.mapper().readTree(reply.bodyText());
  }

  private static FakeExchange at(String host, String origin) {
    FakeExchange exchange = FakeExchange.post(PING);
    if (host != null) {
      exchange.header("Host", host);
    }
    if (origin != null) {
      exchange.header("Origin", origin);
    }
    return exchange;
  }

  @Test
  void localhostOnlyAnswersOnlyRequestsThatNameThisMachine() throws Exception {
    http.close();
    http = transport(true);
    assertThat(http.checkOrigin(at("localhost:8080", null))).isEmpty();
    assertThat(http.checkOrigin(at("127.0.0.1", null))).isEmpty();
    assertThat(http.checkOrigin(at("[::1]:3000", null))).isEmpty();
    assertThat(http.checkOrigin(at("LOCALHOST", "http://localhost:5173"))).isEmpty();
    assertThat(http.checkOrigin(at("localhost", "https://127.0.0.1"))).isEmpty();
    // A rebound name, a missing Host, a look-alike, or a page elsewhere: 403.
    for (FakeExchange refused :
        new FakeExchange[] {
          at("evil.example", null),
          at(null, null),
          at("localhost.evil.example", null),
          at("[::1", null),
          at("localhost", "https://evil.example"),
          at("localhost", "file://localhost"),
          at("localhost", "http://[bad"),
        }) {
      HttpReply reply = http.checkOrigin(refused).orElseThrow();
      assertThat(reply.status()).isEqualTo(403);
      assertThat(json(reply).at("/error/code").intValue()).isEqualTo(-32600);
    }
    assertThat(http.checkOrigin(at("evil.example", null)).orElseThrow().bodyText())
        .contains("only answers requests addressed to localhost");
    assertThat(http.isOriginAllowed("http://localhost:5173")).isTrue();
    assertThat(http.isOriginAllowed("https://evil.example")).isFalse();
    assertThat(http.isOriginAllowed(null)).isFalse();

    // Every entry point applies the check before doing anything else.
    assertThat(send(at("evil.example", null)).status()).isEqualTo(403);
    FakeExchange sse = new FakeExchange("GET", "/sse").header("Host", "evil.example");
    http.openLegacyStream(sse, alice);
    assertThat(sse.awaitReply().status()).isEqualTo(403);
    assertThat(sse.streamHeaders).isNotDone();
    assertThat(sendLegacy(at("evil.example", null).query("sessionId", "x"), alice).status())
        .isEqualTo(403);
  }

  @Test
  void aWildcardAllowsEveryOrigin() {
    try (McpHttpTransport open =
        McpHttpTransport.create(
            server, c -> c.sessionKey(HttpTransportRulesTest.KEY).allowedOrigins(Set.of("*")))) {
      assertThat(open.isOriginAllowed("https://anywhere.example")).isTrue();
      assertThat(open.checkOrigin(at(null, "https://anywhere.example"))).isEmpty();
    }
  }

  @Test
  void configurationRejectsNonsense() {
    HttpTransportConfig config = new HttpTransportConfig();
    assertThatThrownBy(() -> config.sessionKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> config.maxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> config.maxSessions(-1)).hasMessageContaining("maxSessions");
    assertThatThrownBy(() -> config.retryMillis(0)).hasMessageContaining("retryMillis");
    assertThatThrownBy(() -> config.maxQueuedBytesPerStream(0))
        .hasMessageContaining("maxQueuedBytesPerStream");
    assertThatThrownBy(() -> config.pingInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pingInterval must be positive");
    assertThatThrownBy(() -> config.writeTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writeTimeout must be positive");
    // Nothing was changed by the rejected values.
    assertThat(config.pingInterval).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.writeTimeout).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void legacyMessagesAreRefusedUntilTheyCanBeDelivered() throws Exception {
    FakeExchange sse = new FakeExchange("GET", "/sse").header("Accept", "text/event-stream");
    http.openLegacyStream(sse, alice);
    String first = sse.output.awaitText("\n\n");
    assertThat(first).startsWith("event: endpoint\ndata: /mcp/messages?sessionId=");
    String id = first.substring(first.indexOf('=') + 1, first.indexOf("\n\n"));

    assertThat(sendLegacy(FakeExchange.post(PING), alice).status()).isEqualTo(400);
    assertThat(
            sendLegacy(FakeExchange.post(PING).query("sessionId", id), Principal.of("bob"))
                .status())
        .isEqualTo(404);
    assertThat(
            sendLegacy(
                    FakeExchange.post("{\"x\":\"" + "a".repeat(3000) + "\"}")
                        .query("sessionId", id),
                    alice)
                .status())
        .isEqualTo(413);
    assertThat(
            sendLegacy(
                    FakeExchange.post(PING).query("sessionId", id).failBody(new IOException("rst")),
                    alice)
                .status())
        .isEqualTo(400);
    assertThat(
            sendLegacy(
                    FakeExchange.post(PING)
                        .query("sessionId", id)
                        .failBody(new BodyTimeoutException("too slow")),
                    alice)
                .status())
        .isEqualTo(408);
    HttpReply garbled = sendLegacy(FakeExchange.post("{not json").query("sessionId", id), alice);
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(json(garbled).at("/error/code").intValue()).isEqualTo(-32700);
    // An invalid message that carries an id is answered on the stream, like any other reply.
    assertThat(
            sendLegacy(
                    FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":3}").query("sessionId", id),
                    alice)
                .status())
        .isEqualTo(202);
    assertThat(sse.output.awaitText("\"id\":3,\"error\"")).contains("-32600");
    assertThat(sendLegacy(FakeExchange.post(PING).query("sessionId", id), alice).status())
        .isEqualTo(202);
    sse.output.awaitText("{\"jsonrpc\":\"2.0\",\"id\":42,");

    // Once the stream is gone, the session is gone with it.
    sse.output.disconnect();
    assertThat(sendLegacy(FakeExchange.post(PING).query("sessionId", id), alice).status())
        .isEqualTo(404);
    assertThat(http.openStreams()).isZero();
  }

  @Test
  void statelessEdgeCases() throws Exception {
    FakeExchange batch =
        FakeExchange.post("[" + PING + "," + PING.replace("42", "43") + "]")
            .header("MCP-Protocol-Version", "2026-07-28");
    HttpReply batched = send(batch);
    assertThat(batched.status()).isEqualTo(400);
    assertThat(batched.bodyText()).contains("one message per POST");

    String note =
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":{" + META + "}}";
    assertThat(send(FakeExchange.post(note).header("MCP-Protocol-Version", "2026-07-28")).status())
        .isEqualTo(202);
    HttpReply noVersionHeader = send(FakeExchange.post(note));
    assertThat(noVersionHeader.status()).isEqualTo(400);
    assertThat(noVersionHeader.bodyText()).contains("MCP-Protocol-Version header is required");
    HttpReply bareNote =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("MCP-Protocol-Version", "2026-07-28"));
    assertThat(bareNote.status()).isEqualTo(400);
    assertThat(bareNote.bodyText()).contains("no io.modelcontextprotocol/protocolVersion");

    String list = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{";
    HttpReply noMeta =
        send(FakeExchange.post(list + "}}").header("MCP-Protocol-Version", "2026-07-28"));
    assertThat(noMeta.status()).isEqualTo(400);
    assertThat(json(noMeta).at("/error/code").intValue()).isEqualTo(-32602);
    assertThat(json(noMeta).at("/id").intValue()).isEqualTo(9);
    HttpReply noMethod =
        send(FakeExchange.post(list + META + "}}").header("MCP-Protocol-Version", "2026-07-28"));
    assertThat(json(noMethod).at("/error/code").intValue()).isEqualTo(-32020);
    assertThat(noMethod.bodyText()).contains("Mcp-Method header is required");
    HttpReply badBase64 =
        send(
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"echo\",\"arguments\":{\"text\":\"hi\"},"
                        + META
                        + "}}")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "=?base64?!!!?="));
    assertThat(badBase64.bodyText()).contains("not valid base64");
    assertThat(tools.echoRuns).hasValue(0);

    assertThat(
            send(new FakeExchange("DELETE", "/mcp").header("MCP-Protocol-Version", "2026-07-28"))
                .headers())
        .containsEntry("Allow", "POST");
  }

  @Test
  void unreadableBodiesAndBadVersionsAreRefusedEarly() throws Exception {
    HttpReply unread = send(FakeExchange.post(PING).failBody(new IOException("connection reset")));
    assertThat(unread.status()).isEqualTo(400);
    assertThat(json(unread).at("/error/code").intValue()).isEqualTo(-32700);
    HttpReply slow =
        send(
            FakeExchange.post(PING)
                .failBody(new BodyTimeoutException("the request body stopped arriving")));
    assertThat(slow.status()).isEqualTo(408);
    assertThat(json(slow).at("/error/message").stringValue())
        .isEqualTo("Request Timeout: the request body stopped arriving");

    // Even an early refusal echoes the id of the request, when there is one to echo.
    HttpReply withId = send(FakeExchange.post(PING).header("MCP-Protocol-Version", "1999-01-01"));
    assertThat(withId.status()).isEqualTo(400);
    assertThat(json(withId).at("/id").intValue()).isEqualTo(42);
    assertThat(json(withId).at("/error/data/requested").stringValue()).isEqualTo("1999-01-01");
    HttpReply notification =
        send(
            FakeExchange.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("MCP-Protocol-Version", "1999-01-01"));
    assertThat(json(notification).path("id").isNumber()).isFalse();
    assertThat(json(notification).at("/error/code").intValue()).isEqualTo(-32022);
    HttpReply get =
        send(
            new FakeExchange("GET", "/mcp")
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "1999-01-01"));
    assertThat(get.status()).isEqualTo(400);
    assertThat(json(get).path("id").isNumber()).isFalse();
    HttpReply unreadable =
        send(
            FakeExchange.post(PING)
                .header("MCP-Protocol-Version", "1999-01-01")
                .failBody(new IOException("rst")));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(json(unreadable).path("id").isNumber()).isFalse();
  }

  @Test
  void aFailedInitializeIssuesNoSessionId() throws Exception {
    HttpReply reply =
        send(
            FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}"));
    assertThat(reply.headers()).doesNotContainKey("Mcp-Session-Id");
    assertThat(json(reply).has("error")).isTrue();
  }

  @Test
  void malformedIdsAreUnknownAndLargeClaimsStayCompact() throws Exception {
    for (String bad : new String[] {"m1.x", "m1.e30.!!!", "m1.e30." + "A".repeat(43)}) {
      assertThat(send(FakeExchange.post(PING).header("Mcp-Session-Id", bad)).status())
          .as(bad)
          .isEqualTo(404);
    }
    String capabilities =
        "{\"roots\":{\"listChanged\":true},\"experimental\":{\"big\":\""
            + "x".repeat(1500)
            + "\"}}";
    HttpReply init =
        send(
            FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":"
                    + capabilities
                    + ",\"clientInfo\":{\"name\":\"t\",\"title\":\"Test Client\",\"version\":\"1\"}}}"));
    String id = init.headers().get("Mcp-Session-Id");
    assertThat(id).hasSizeLessThan(1024);
    // Another instance with the same key resumes it from the (slimmed) claims alone.
    try (McpHttpTransport other =
        McpHttpTransport.create(server, c -> c.sessionKey(HttpTransportRulesTest.KEY))) {
      FakeExchange ping = FakeExchange.post(PING).header("Mcp-Session-Id", id);
      other.handleMcp(ping, alice);
      assertThat(ping.awaitReply().status()).isEqualTo(200);
    }
  }

  @Test
  void primingEventsUseTheConfiguredRetryAndChallengesNameTheMetadata() throws Exception {
    String id =
        send(FakeExchange.post(INIT.formatted("2025-11-25"))).headers().get("Mcp-Session-Id");
    FakeExchange call =
        FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"count\",\"arguments\":{\"n\":1},\"_meta\":{\"progressToken\":\"p\"}}}")
            .header("Mcp-Session-Id", id);
    http.handleMcp(call, alice);
    call.output.closed.get(30, TimeUnit.SECONDS);
    assertThat(call.output.text()).contains("retry: 1234\ndata: \n\n");

    HttpReply denied =
        send(
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"wipe\",\"arguments\":{}}}")
                .header("Mcp-Session-Id", id));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.headers().get("WWW-Authenticate"))
        .endsWith(
            ", resource_metadata=\"https://mcp.example/.well-known/oauth-protected-resource\"");
  }
}
