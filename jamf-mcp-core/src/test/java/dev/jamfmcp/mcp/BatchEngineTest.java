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

/** JSON-RPC batches: accepted in 2025-03-26 only, initialize never inside one. */
class BatchEngineTest {
  private final McpServer server = new TestTools().server();
  private final Principal reader = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aBatchIn20250326GetsAnArrayOfRepliesForItsRequestsOnly() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-03-26");
    JsonNode replies =
        client.sendRaw(
            "["
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}},"
                + "42,"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}"
                + "]");
    assertThat(replies.isArray()).isTrue();
    assertThat(replies).hasSize(5);
    assertThat(replies.get(0).get("id").intValue()).isEqualTo(1);
    assertThat(replies.get(1).get("id").stringValue()).isEqualTo("b");
    assertThat(replies.get(1).at("/result/content/0/text").stringValue()).contains("x");
    assertThat(replies.get(2).get("id").isNull()).isTrue();
    assertThat(replies.get(2).at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(replies.get(3).at("/error/code").intValue()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    assertThat(replies.get(4).get("id").intValue()).isEqualTo(4);
    assertThat(replies.get(4).at("/error/message").stringValue()).contains("batch");
  }

  @Test
  void aBatchOfNotificationsGetsNoReply() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-03-26");
    assertThat(client.sendRaw("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]"))
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-11-05", "2025-06-18", "2025-11-25"})
  void otherVersionsRefuseBatchesWithOneError(String version) {
    TestClient client = new TestClient(server, reader);
    client.initialize(version);
    JsonNode reply = client.sendRaw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    assertThat(reply.isObject()).isTrue();
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(reply.at("/error/message").stringValue()).contains(version);
  }

  @Test
  void aBatchBeforeInitializeIsRefused() {
    JsonNode reply =
        new TestClient(server, reader)
            .sendRaw(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}]");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
  }

  @Test
  void anEmptyBatchIsOneInvalidRequest() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-03-26");
    JsonNode reply = client.sendRaw("[]");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
  }
}
