package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Regressions for what the MCP conformance suite found (server-stateless,
 * dns-rebinding-protection).
 */
class ConformanceFindingsTest {
  private static final String CAPS = "\"io.modelcontextprotocol/clientCapabilities\":{}";
  private static final String VERSION =
      "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"";

  private final McpServer server = new TestTools().server();
  private final McpHttpTransport http =
      McpHttpTransport.create(server, c -> c.sessionKey(HttpTransportRulesTest.KEY));
  private final McpHttpTransport localOnly =
      McpHttpTransport.create(
          server, c -> c.sessionKey(HttpTransportRulesTest.KEY).localhostOnly(true));
  private final Principal alice = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    http.close();
    localOnly.close();
    server.close();
  }

  private static FakeExchange discover(int id, String meta) {
    return FakeExchange.post(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"server/discover\",\"params\":{"
                + meta
                + "}}")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "server/discover");
  }

  private HttpReply send(McpHttpTransport transport, FakeExchange exchange) throws Exception {
    transport.handleMcp(exchange, alice);
    return exchange.awaitReply();
  }

  private static JsonNode body(HttpReply reply) {
    return Json.mapper().readTree(reply.bodyText());
  }

  @Test
  void statelessRequestMissingMetaIsInvalidParamsNotHeaderMismatch() throws Exception {
    for (String meta :
        new String[] {"", "\"_meta\":{" + CAPS + "}", "\"_meta\":{" + VERSION + "}"}) {
      HttpReply reply = send(http, discover(101, meta));
      assertThat(reply.status()).as(meta).isEqualTo(400);
      assertThat(body(reply).at("/error/code").intValue()).as(meta).isEqualTo(-32602);
      assertThat(body(reply).get("id").intValue()).as(meta).isEqualTo(101);
    }
    HttpReply complete = send(http, discover(102, "\"_meta\":{" + VERSION + "," + CAPS + "}"));
    assertThat(complete.status()).isEqualTo(200);
  }

  @Test
  void unsupportedVersionHeaderStillEchoesTheRequestId() throws Exception {
    HttpReply reply =
        send(
            http,
            FakeExchange.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":301,"
                        + "\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                        + "\"io.modelcontextprotocol/protocolVersion\":\"v999.0.0\","
                        + CAPS
                        + "}}}")
                .header("MCP-Protocol-Version", "v999.0.0"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(body(reply).at("/error/code").intValue()).isEqualTo(-32022);
    assertThat(body(reply).get("id").intValue()).isEqualTo(301);
  }

  @Test
  void localhostOnlyRefusesRebindingHostsAndServesLocalPages() throws Exception {
    String init = HttpTransportRulesTest.INIT.formatted("2025-11-25");
    assertThat(
            send(localOnly, FakeExchange.post(init).header("Host", "evil.example.com:3001"))
                .status())
        .isEqualTo(403);
    assertThat(
            send(
                    localOnly,
                    FakeExchange.post(init)
                        .header("Host", "127.0.0.1:3001")
                        .header("Origin", "http://evil.example.com"))
                .status())
        .isEqualTo(403);
    for (String local : new String[] {"127.0.0.1:3001", "localhost", "[::1]:3001"}) {
      HttpReply reply =
          send(
              localOnly,
              FakeExchange.post(init).header("Host", local).header("Origin", "http://" + local));
      assertThat(reply.status()).as(local).isEqualTo(200);
    }
    // Without the option, a local page is just another origin that was not allowed.
    assertThat(
            send(
                    http,
                    FakeExchange.post(init)
                        .header("Host", "127.0.0.1:3001")
                        .header("Origin", "http://127.0.0.1:3001"))
                .status())
        .isEqualTo(403);
  }
}
