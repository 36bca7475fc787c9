package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Resources, templates, prompts and completion. */
class CatalogEngineTest {
  private final McpServer server = new TestTools().server();
  private final Principal reader = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  private TestClient client() {
    TestClient client = new TestClient(server, reader);
    client.initialize("2025-06-18");
    return client;
  }

  @Test
  void listsResourcesTemplatesAndPrompts() {
    TestClient client = client();
    JsonNode resources = client.request("resources/list", "{}").get("result");
    assertThat(resources.at("/resources/0/uri").stringValue()).isEqualTo("jamf://fleet/overview");
    assertThat(resources.at("/resources/0/mimeType").stringValue()).isEqualTo("application/json");
    JsonNode templates = client.request("resources/templates/list", "{}").get("result");
    assertThat(templates.at("/resourceTemplates/0/uriTemplate").stringValue())
        .isEqualTo("jamf://computers/{id}");
    JsonNode prompts = client.request("prompts/list", "{}").get("result");
    assertThat(prompts.at("/prompts/0/name").stringValue()).isEqualTo("troubleshoot-device");
    assertThat(prompts.at("/prompts/0/arguments/0/required").booleanValue()).isTrue();
  }

  @Test
  void anEmptyServerAnswersListsWithEmptyLists() {
    try (McpServer empty = McpServer.create(c -> {})) {
      TestClient client = new TestClient(empty, reader);
      client.initialize("2025-03-26");
      assertThat(client.request("tools/list", "{}").at("/result/tools")).isEmpty();
      assertThat(client.request("resources/list", "{}").at("/result/resources")).isEmpty();
      assertThat(client.request("resources/templates/list", "{}").at("/result/resourceTemplates"))
          .isEmpty();
      assertThat(client.request("prompts/list", "{}").at("/result/prompts")).isEmpty();
    }
  }

  @Test
  void readsFixedAndTemplatedResources() {
    TestClient client = client();
    JsonNode fixed = client.request("resources/read", "{\"uri\":\"jamf://fleet/overview\"}");
    assertThat(fixed.at("/result/contents/0/text").stringValue()).isEqualTo("{\"n\":1}");
    JsonNode templated = client.request("resources/read", "{\"uri\":\"jamf://computers/42\"}");
    assertThat(templated.at("/result/contents/0/uri").stringValue())
        .isEqualTo("jamf://computers/42");
    assertThat(templated.at("/result/contents/0/text").stringValue()).contains("\"42\"");
  }

  @Test
  void resourceNotFoundIsMinus32002UntilTheStatelessEraWhereItIsMinus32602() {
    TestClient client = client();
    JsonNode missing = client.request("resources/read", "{\"uri\":\"jamf://nothing\"}");
    assertThat(missing.at("/error/code").intValue()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
    assertThat(missing.at("/error/data/uri").stringValue()).isEqualTo("jamf://nothing");
    JsonNode badId = client.request("resources/read", "{\"uri\":\"jamf://computers/abc\"}");
    assertThat(badId.at("/error/code").intValue()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
    assertThat(badId.at("/error/message").stringValue()).contains("abc");

    ObjectNode params = TestClient.statelessParams("2026-07-28").put("uri", "jamf://nothing");
    JsonNode modern = new TestClient(server, reader).request("resources/read", params);
    assertThat(modern.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
  }

  @Test
  void statelessReadsAreMarkedUncacheable() {
    ObjectNode params = TestClient.statelessParams("2026-07-28").put("uri", "jamf://computers/1");
    JsonNode result =
        new TestClient(server, reader).request("resources/read", params).get("result");
    assertThat(result.get("ttlMs").intValue()).isZero();
    assertThat(result.get("cacheScope").stringValue()).isEqualTo("private");
  }

  @Test
  void resourcesCheckScopes() {
    TestClient client = new TestClient(server, Principal.of("nobody"));
    client.initialize("2025-06-18");
    JsonNode reply = client.request("resources/read", "{\"uri\":\"jamf://computers/1\"}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INSUFFICIENT_SCOPE);
  }

  @Test
  void rendersPromptsAndChecksRequiredArguments() {
    TestClient client = client();
    JsonNode prompt =
        client.request(
            "prompts/get",
            "{\"name\":\"troubleshoot-device\",\"arguments\":{\"device\":\"MBP-1\",\"symptom\":\"slow\"}}");
    assertThat(prompt.at("/result/messages/0/role").stringValue()).isEqualTo("user");
    assertThat(prompt.at("/result/messages/0/content/text").stringValue())
        .isEqualTo("Troubleshoot MBP-1: slow");
    JsonNode missing = client.request("prompts/get", "{\"name\":\"troubleshoot-device\"}");
    assertThat(missing.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(missing.at("/error/message").stringValue()).contains("device");
    JsonNode unknown = client.request("prompts/get", "{\"name\":\"nope\"}");
    assertThat(unknown.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    JsonNode nonString =
        client.request(
            "prompts/get", "{\"name\":\"troubleshoot-device\",\"arguments\":{\"device\":5}}");
    assertThat(nonString.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
  }

  @Test
  void completionAnswersEmpty() {
    JsonNode result =
        client()
            .request(
                "completion/complete",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"troubleshoot-device\"},"
                    + "\"argument\":{\"name\":\"device\",\"value\":\"MB\"}}")
            .get("result");
    assertThat(result.at("/completion/values")).isEmpty();
    assertThat(result.at("/completion/hasMore").booleanValue()).isFalse();
    assertThat(client().request("completion/complete", "{}").at("/error/code").intValue())
        .isEqualTo(ErrorCodes.INVALID_PARAMS);
  }
}
