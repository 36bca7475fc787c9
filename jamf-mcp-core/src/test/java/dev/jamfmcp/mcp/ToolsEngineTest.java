package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** tools/list and tools/call: ordering, paging, validation, scopes, errors, versions. */
class ToolsEngineTest {
  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private final Principal reader = Principal.of("alice", "read:jamf");
  private final Principal writer = Principal.of("bob", "read:jamf", "write:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  private TestClient client(Principal principal, String version) {
    TestClient client = new TestClient(server, principal);
    client.initialize(version);
    return client;
  }

  private JsonNode call(TestClient client, String tool, String arguments) {
    return client.request(
        "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
  }

  @Test
  void listsToolsInAStableOrderWithAllFourHints() {
    JsonNode list = client(reader, "2025-11-25").request("tools/list", "{}").get("result");
    List<String> names = new ArrayList<>();
    list.get("tools").forEach(t -> names.add(t.get("name").stringValue()));
    assertThat(names).containsExactly("count", "echo", "fail", "liar", "slow", "wipe");
    JsonNode echo = list.get("tools").get(1);
    assertThat(echo.get("title").stringValue()).isEqualTo("Echo");
    assertThat(echo.at("/inputSchema/required/0").stringValue()).isEqualTo("text");
    assertThat(echo.at("/outputSchema/properties/echo/type").stringValue()).isEqualTo("string");
    JsonNode hints = echo.get("annotations");
    assertThat(hints.get("readOnlyHint").booleanValue()).isTrue();
    assertThat(hints.get("destructiveHint").booleanValue()).isFalse();
    assertThat(hints.get("idempotentHint").booleanValue()).isTrue();
    assertThat(hints.get("openWorldHint").booleanValue()).isTrue();
    JsonNode wipe = list.get("tools").get(5);
    assertThat(wipe.at("/annotations/readOnlyHint").booleanValue()).isFalse();
    assertThat(wipe.at("/annotations/destructiveHint").booleanValue()).isTrue();
    assertThat(list.has("nextCursor")).isFalse();
  }

  @Test
  void olderVersionsSeeOnlyWhatTheyKnow() {
    JsonNode v2024 = client(reader, "2024-11-05").request("tools/list", "{}").at("/result/tools/1");
    assertThat(v2024.has("annotations")).isFalse();
    assertThat(v2024.has("outputSchema")).isFalse();
    assertThat(v2024.has("title")).isFalse();
    JsonNode v2025 = client(reader, "2025-03-26").request("tools/list", "{}").at("/result/tools/1");
    assertThat(v2025.at("/annotations/title").stringValue()).isEqualTo("Echo");
    assertThat(v2025.has("outputSchema")).isFalse();
  }

  @Test
  void pagesWithOpaqueCursorsAndRefusesForgedOnes() {
    try (McpServer paged = tools.server(config -> config.pageSize(4))) {
      TestClient client = new TestClient(paged, reader);
      client.initialize("2025-06-18");
      JsonNode first = client.request("tools/list", "{}").get("result");
      assertThat(first.get("tools")).hasSize(4);
      String cursor = first.get("nextCursor").stringValue();
      JsonNode second =
          client.request("tools/list", "{\"cursor\":\"" + cursor + "\"}").get("result");
      assertThat(second.get("tools")).hasSize(2);
      assertThat(second.at("/tools/0/name").stringValue()).isEqualTo("slow");
      assertThat(second.has("nextCursor")).isFalse();
      for (String forged : new String[] {"garbage!!", "", "dG9vbHM6OTk", cursor + "x"}) {
        JsonNode bad = client.request("tools/list", "{\"cursor\":\"" + forged + "\"}");
        assertThat(bad.at("/error/code").intValue())
            .as(forged)
            .isEqualTo(ErrorCodes.INVALID_PARAMS);
      }
      // a cursor of one list is not accepted by another
      assertThat(
              client
                  .request("prompts/list", "{\"cursor\":\"" + cursor + "\"}")
                  .at("/error/code")
                  .intValue())
          .isEqualTo(ErrorCodes.INVALID_PARAMS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-06-18", "2025-11-25"})
  void callReturnsTextAndMatchingStructuredContent(String version) {
    JsonNode result =
        call(client(reader, version), "echo", "{\"text\":\"hi\",\"times\":2}").get("result");
    assertThat(result.at("/structuredContent/echo").stringValue()).isEqualTo("hihi");
    assertThat(result.at("/content/0/type").stringValue()).isEqualTo("text");
    assertThat(result.at("/content/0/text").stringValue()).contains("\"echo\":\"hihi\"");
    assertThat(result.has("isError")).isFalse();
  }

  @Test
  void versionsWithoutStructuredContentGetTheTextOnly() {
    JsonNode result = call(client(reader, "2025-03-26"), "echo", "{\"text\":\"hi\"}").get("result");
    assertThat(result.has("structuredContent")).isFalse();
    assertThat(result.at("/content/0/text").stringValue()).contains("hi");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                 | text",
        "{\"text\":\"\"}                    | text",
        "{\"text\":5}                       | text",
        "{\"text\":\"a\",\"times\":9}       | times",
        "{\"text\":\"a\",\"times\":\"2\"}   | times",
        "{\"text\":\"a\",\"colour\":\"red\"}| colour"
      })
  void invalidArgumentsAreAnErrorResultNamingTheFieldAndTheHandlerNeverRuns(
      String arguments, String field) {
    for (String version : List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25")) {
      JsonNode result = call(client(reader, version), "echo", arguments).get("result");
      assertThat(result.get("isError").booleanValue()).as(version).isTrue();
      assertThat(result.at("/content/0/text").stringValue())
          .as(version)
          .startsWith("Invalid arguments for tool 'echo'")
          .contains(field);
    }
    assertThat(tools.echoRuns).hasValue(0);
  }

  @Test
  void invalidArgumentsAreAnErrorResultInTheStatelessEraToo() {
    var params = TestClient.statelessParams("2026-07-28");
    params.put("name", "echo").putObject("arguments").put("text", 7);
    JsonNode result = new TestClient(server, reader).request("tools/call", params).get("result");
    assertThat(result.get("isError").booleanValue()).isTrue();
    assertThat(result.get("resultType").stringValue()).isEqualTo("complete");
    assertThat(result.at("/content/0/text").stringValue()).contains("text");
  }

  @Test
  void argumentsThatAreNotAnObjectAreAnErrorResult() {
    JsonNode result = call(client(reader, "2025-06-18"), "echo", "[1,2]").get("result");
    assertThat(result.get("isError").booleanValue()).isTrue();
    assertThat(result.at("/content/0/text").stringValue()).contains("must be a JSON object");
  }

  @Test
  void unknownToolIsInvalidParams() {
    JsonNode reply = call(client(reader, "2025-06-18"), "nope", "{}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(reply.at("/error/message").stringValue()).contains("nope");
  }

  @Test
  void missingScopeIsRefusedAndTheHandlerNeverRuns() {
    JsonNode reply = call(client(reader, "2025-06-18"), "wipe", "{\"id\":\"1\"}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INSUFFICIENT_SCOPE);
    assertThat(reply.at("/error/message").stringValue()).contains("write:jamf");
    assertThat(reply.at("/error/data/missingScopes/0").stringValue()).isEqualTo("write:jamf");
    assertThat(tools.writeRuns).hasValue(0);
    JsonNode allowed = call(client(writer, "2025-06-18"), "wipe", "{\"id\":\"1\"}");
    assertThat(allowed.at("/result/content/0/text").stringValue()).isEqualTo("done");
    assertThat(tools.writeRuns).hasValue(1);
  }

  @Test
  void scopeIsCheckedBeforeArgumentsSoNothingLeaksAboutTheSchema() {
    JsonNode reply = call(client(Principal.of("nobody"), "2025-06-18"), "echo", "{\"bad\":1}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INSUFFICIENT_SCOPE);
  }

  @Test
  void aToolExceptionIsRelayedToTheModel() {
    JsonNode result = call(client(reader, "2025-06-18"), "fail", "{\"polite\":true}").get("result");
    assertThat(result.get("isError").booleanValue()).isTrue();
    assertThat(result.at("/content/0/text").stringValue())
        .isEqualTo("Jamf Pro did not answer within 30 s; nothing was changed");
  }

  @Test
  void aBugBecomesAGenericErrorWithoutInternals() {
    JsonNode result = call(client(reader, "2025-06-18"), "fail", "{}").get("result");
    assertThat(result.get("isError").booleanValue()).isTrue();
    String text = result.at("/content/0/text").stringValue();
    assertThat(text).contains("internal error").contains("reference");
    assertThat(text)
        .doesNotContain("secret")
        .doesNotContain("com.example")
        .doesNotContain("Exception");
  }

  @Test
  void outputThatBreaksItsOwnSchemaIsNeverSent() {
    JsonNode result = call(client(reader, "2025-06-18"), "liar", "{}").get("result");
    assertThat(result.get("isError").booleanValue()).isTrue();
    assertThat(result.has("structuredContent")).isFalse();
    // the bad value itself never reaches the client (the error reference is random hex)
    assertThat(result.toString()).doesNotContain("\"echo\":42");
  }

  @Test
  void callWithoutNameIsInvalidParams() {
    JsonNode reply = client(reader, "2025-06-18").request("tools/call", "{\"arguments\":{}}");
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(reply.at("/error/message").stringValue()).contains("name");
  }
}
