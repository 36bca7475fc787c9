package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The handshake of every version, and the 2026-07-28 discover-then-fallback flow. */
class LifecycleEngineTest {
  private final McpServer server = new TestTools().server();
  private final Principal reader = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"})
  void echoesEverySupportedSessionfulVersion(String version) {
    TestClient client = new TestClient(server, reader);
    JsonNode result = client.initialize(version);
    assertThat(result.get("protocolVersion").stringValue()).isEqualTo(version);
    assertThat(result.at("/serverInfo/name").stringValue()).isEqualTo("test-server");
    assertThat(result.at("/serverInfo/version").stringValue()).isEqualTo("9.9");
    assertThat(result.get("instructions").stringValue()).isEqualTo("Use the echo tool.");
    JsonNode caps = result.get("capabilities");
    assertThat(caps.has("tools")).isTrue();
    assertThat(caps.has("resources")).isTrue();
    assertThat(caps.has("prompts")).isTrue();
    assertThat(caps.has("logging")).isTrue();
    assertThat(client.session().state().version().id()).isEqualTo(version);
  }

  @Test
  void titlesAppearOnlyFromTheVersionThatHasThem() {
    assertThat(
            new TestClient(server, reader)
                .initialize("2025-03-26")
                .at("/serverInfo/title")
                .isMissingNode())
        .isTrue();
    assertThat(
            new TestClient(server, reader)
                .initialize("2025-06-18")
                .at("/serverInfo/title")
                .stringValue())
        .isEqualTo("Test Server");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-01-01", "1.0", "2099-12-31", "2026-07-28"})
  void answersAnUnknownOrStatelessVersionWithTheNewestSessionfulOne(String version) {
    JsonNode result = new TestClient(server, reader).initialize(version);
    assertThat(result.get("protocolVersion").stringValue()).isEqualTo("2025-11-25");
  }

  @Test
  void initializeWithoutAVersionIsInvalidParams() {
    JsonNode reply = new TestClient(server, reader).request("initialize", "{\"capabilities\":{}}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(reply.at("/error/message").stringValue()).contains("protocolVersion");
  }

  @Test
  void secondInitializeIsRefusedAndKeepsTheSession() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    JsonNode again = client.request("initialize", "{\"protocolVersion\":\"2025-03-26\"}");
    assertThat(again.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(client.session().state().version()).isEqualTo(ProtocolVersion.V2025_06_18);
  }

  @Test
  void requestsBeforeInitializeAreRefusedButPingWorks() {
    TestClient client = new TestClient(server, reader);
    JsonNode list = client.request("tools/list", "{}");
    assertThat(list.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(list.at("/error/message").stringValue()).contains("initialize");
    assertThat(client.request("ping", "{}").get("result").isEmpty()).isTrue();
  }

  @Test
  void pingAnswersAnEmptyObjectAndUnknownMethodsAreMinus32601() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-11-25");
    JsonNode ping = client.request("ping", "{}");
    assertThat(ping.get("result").isObject()).isTrue();
    assertThat(ping.get("result").isEmpty()).isTrue();
    JsonNode unknown = client.request("tools/explode", "{}");
    assertThat(unknown.at("/error/code").intValue()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    assertThat(unknown.at("/error/message").stringValue()).contains("tools/explode");
    // server/discover belongs to the stateless era only
    assertThat(client.request("server/discover", "{}").at("/error/code").intValue())
        .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
  }

  @Test
  void discoverAdvertisesEveryVersionWithResultTypeAndServerInfo() {
    TestClient client = new TestClient(server, reader);
    JsonNode result =
        client.request("server/discover", TestClient.statelessParams("2026-07-28")).get("result");
    assertThat(result.get("supportedVersions"))
        .extracting(JsonNode::stringValue)
        .containsExactly("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28");
    assertThat(result.get("resultType").stringValue()).isEqualTo("complete");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").stringValue())
        .isEqualTo("test-server");
    assertThat(result.get("ttlMs").longValue()).isPositive();
    assertThat(result.get("cacheScope").stringValue()).isEqualTo("public");
    assertThat(result.has("capabilities")).isTrue();
    assertThat(client.session().state().isInitialized()).isFalse();
  }

  @Test
  void aModernProbeThenALegacyInitializeWorksOnTheSameSession() {
    TestClient client = new TestClient(server, reader);
    JsonNode probe = client.request("server/discover", TestClient.statelessParams("2026-07-28"));
    assertThat(probe.has("result")).isTrue();
    JsonNode init = client.initialize("2025-03-26");
    assertThat(init.get("protocolVersion").stringValue()).isEqualTo("2025-03-26");
    JsonNode tools = client.request("tools/list", "{}").get("result");
    assertThat(tools.has("resultType")).isFalse();
    assertThat(tools.get("tools")).isNotEmpty();
  }

  @Test
  void aClientThatOnlyKnowsTheOldWorldFallsBackAfterAnUnsupportedVersion() {
    TestClient client = new TestClient(server, reader);
    JsonNode refused = client.request("server/discover", TestClient.statelessParams("2030-01-01"));
    assertThat(refused.at("/error/code").intValue())
        .isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(refused.at("/error/data/requested").stringValue()).isEqualTo("2030-01-01");
    assertThat(refused.at("/error/data/supported")).isNotEmpty();
    assertThat(client.initialize("2025-06-18").get("protocolVersion").stringValue())
        .isEqualTo("2025-06-18");
  }

  @Test
  void statelessRequestsCarryTheirOwnVersionAndNeedNoSession() {
    TestClient client = new TestClient(server, reader);
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    JsonNode result = client.request("tools/list", params).get("result");
    assertThat(result.get("resultType").stringValue()).isEqualTo("complete");
    assertThat(result.get("ttlMs").isNumber()).isTrue();
    assertThat(result.get("cacheScope").stringValue()).isEqualTo("public");
    assertThat(result.at("/tools/0/name").stringValue()).isEqualTo("count");
    assertThat(result.at("/tools/1/name").stringValue()).isEqualTo("echo");
    assertThat(result.at("/tools/1/outputSchema").isMissingNode()).isFalse();
  }

  @Test
  void statelessEraHasNoPingSetLevelOrInitialize() {
    TestClient client = new TestClient(server, reader);
    for (String method : new String[] {"ping", "logging/setLevel", "initialize"}) {
      ObjectNode params = TestClient.statelessParams("2026-07-28");
      params.put("level", "info").put("protocolVersion", "2026-07-28");
      assertThat(client.request(method, params).at("/error/code").intValue())
          .as(method)
          .isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    }
  }

  @Test
  void aSessionfulVersionInMetaIsUnsupported() {
    JsonNode reply =
        new TestClient(server, reader)
            .request("tools/list", TestClient.statelessParams("2025-11-25"));
    assertThat(reply.at("/error/code").intValue())
        .isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
  }

  @Test
  void setLevelValidatesTheLevel() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    assertThat(
            client.request("logging/setLevel", "{\"level\":\"warning\"}").get("result").isEmpty())
        .isTrue();
    assertThat(client.session().state().logLevel()).isEqualTo(LogLevel.WARNING);
    JsonNode bad = client.request("logging/setLevel", "{\"level\":\"loud\"}");
    assertThat(bad.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(bad.at("/error/message").stringValue()).contains("loud");
  }

  @Test
  void aResumedSessionNeedsNoNewHandshake() {
    TestClient first = new TestClient(server, reader);
    first.initialize("2025-06-18");
    SessionState carried = first.session().state();
    try (McpServer other = new TestTools().server()) {
      TestClient second = new TestClient(other.resumeSession(carried), reader);
      JsonNode tools = second.request("tools/list", "{}").get("result");
      assertThat(tools.get("tools")).isNotEmpty();
    }
  }
}
