package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** subscriptions/listen in the engine: ack, filtered notifications, endings, limits, versions. */
class SubscriptionsEngineTest {
  private static final String V = "2026-07-28";
  private static final String SUB_ID = "io.modelcontextprotocol/subscriptionId";

  private final TestTools tools = new TestTools();
  private McpServer server = tools.server();
  private final Principal alice = Principal.of("alice", "read:jamf");

  @AfterEach
  void close() {
    server.close();
  }

  private static String listen(Object id, String notifications) {
    ObjectNode params = TestClient.statelessParams(V);
    params.set("notifications", Json.mapper().readTree(notifications));
    return JsonRpcCodec.encode(
        new JsonRpcMessage.Request(
            Json.mapper().readTree(String.valueOf(id)), "subscriptions/listen", params));
  }

  private static Tool extra(String name) {
    return Tool.builder(name)
        .description("Added at run time.")
        .inputSchema("{\"type\":\"object\"}")
        .annotations(ToolAnnotations.readOnly())
        .handler((args, ctx) -> ToolResult.text("extra"))
        .build();
  }

  /** Waits (30 s hang catcher, not a timing) for a related message that matches. */
  private static JsonNode awaitRelated(TestClient client, Predicate<JsonNode> match) {
    return await("a matching related message")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> client.related().stream().filter(match).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  private static Predicate<JsonNode> method(String name) {
    return m -> m.path("method").asString("").equals(name);
  }

  private static void awaitCount(McpServer server, int n) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(server::openSubscriptions, open -> open == n);
  }

  @Test
  void acknowledgesFirstWithTheGrantedFilterAndTheSubscriptionId() {
    TestClient client = new TestClient(server, alice);
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(
            listen(
                "\"sub-1\"",
                "{\"toolsListChanged\":true,\"promptsListChanged\":false,"
                    + "\"resourceSubscriptions\":[\"jamf://fleet/overview\"],"
                    + "\"futureThing\":true}"));
    assertThat(reply).isNotDone();
    assertThat(client.related()).hasSize(1);
    JsonNode ack = client.related().get(0);
    assertThat(ack.path("method").stringValue())
        .isEqualTo("notifications/subscriptions/acknowledged");
    assertThat(ack.at("/params/_meta").get(SUB_ID).stringValue()).isEqualTo("sub-1");
    // Only what was asked for and is supported: resource updates are off, unknown types dropped.
    assertThat(ack.at("/params/notifications"))
        .isEqualTo(Json.mapper().readTree("{\"toolsListChanged\":true}"));
    assertThat(server.openSubscriptions()).isEqualTo(1);
  }

  @Test
  void runTimeChangesReachOnlyTheListensThatAskedForThem() throws Exception {
    TestClient toolsListener = new TestClient(server, alice);
    TestClient promptsListener = new TestClient(server, alice);
    toolsListener.sendAsync(listen(7, "{\"toolsListChanged\":true}"));
    promptsListener.sendAsync(listen(8, "{\"promptsListChanged\":true}"));

    server.addTool(extra("extra_tool"));
    JsonNode changed = awaitRelated(toolsListener, method("notifications/tools/list_changed"));
    assertThat(changed.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(7);
    // The filter is applied when the change is published: the prompts listener never gets it.
    assertThat(promptsListener.related()).hasSize(1);

    JsonNode listed =
        new TestClient(server, alice).request("tools/list", TestClient.statelessParams(V));
    assertThat(listed.at("/result/tools").findValuesAsString("name")).contains("extra_tool");

    server.addPrompt(
        new Prompt("extra-prompt", null, "Added", List.of(), (args, ctx) -> List.of()));
    JsonNode prompts = awaitRelated(promptsListener, method("notifications/prompts/list_changed"));
    assertThat(prompts.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(8);
    assertThat(server.removePrompt("extra-prompt")).isTrue();
    assertThat(server.removeTool("extra_tool")).isTrue();
    assertThat(server.removeTool("extra_tool")).isFalse();
    assertThat(server.tools()).extracting(Tool::name).doesNotContain("extra_tool");
    assertThat(
            toolsListener.related().stream().filter(method("notifications/prompts/list_changed")))
        .isEmpty();
  }

  @Test
  void aRefusedRegistrationChangesNothingAndNotifiesNobody() {
    TestClient listener = new TestClient(server, alice);
    listener.sendAsync(listen(1, "{\"toolsListChanged\":true}"));
    int before = server.tools().size();
    assertThatThrownBy(() -> server.addTool(extra("echo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered twice: echo");
    assertThatThrownBy(() -> server.addResource(tools.overview()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.tools()).hasSize(before);
    assertThat(listener.related()).hasSize(1); // the ack only
  }

  @Test
  void resourceUpdatesGoToSubscribersOnlyAndOnlyWhenTheServerReportsThem() throws Exception {
    server.close();
    server = tools.server(c -> c.resourceUpdates(true));
    TestClient subscriber = new TestClient(server, alice);
    TestClient other = new TestClient(server, alice);
    subscriber.sendAsync(
        listen(3, "{\"resourceSubscriptions\":[\"jamf://computers/1\",\"jamf://computers/1\"]}"));
    other.sendAsync(listen(4, "{\"resourcesListChanged\":true}"));
    assertThat(subscriber.related().get(0).at("/params/notifications/resourceSubscriptions"))
        .isEqualTo(Json.mapper().readTree("[\"jamf://computers/1\"]"));
    JsonNode discover =
        new TestClient(server, alice).request("server/discover", TestClient.statelessParams(V));
    assertThat(discover.at("/result/capabilities/resources/subscribe").booleanValue()).isTrue();

    server.resourceUpdated("jamf://computers/2");
    server.resourceUpdated("jamf://computers/1");
    JsonNode updated = awaitRelated(subscriber, method("notifications/resources/updated"));
    assertThat(updated.at("/params/uri").stringValue()).isEqualTo("jamf://computers/1");
    assertThat(updated.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(3);
    assertThat(other.related()).hasSize(1);

    server.addResource(
        new dev.jamfmcp.mcp.resource.Resource(
            "jamf://extra", "extra", null, null, null, java.util.Set.of(), (u, v, c) -> List.of()));
    awaitRelated(other, method("notifications/resources/list_changed"));
    assertThat(server.removeResource("jamf://extra")).isTrue();
  }

  @Test
  void withoutResourceUpdatesSubscribeIsFalseAndNothingIsSent() {
    TestClient subscriber = new TestClient(server, alice);
    subscriber.sendAsync(listen(3, "{\"resourceSubscriptions\":[\"jamf://fleet/overview\"]}"));
    assertThat(subscriber.related().get(0).at("/params/notifications").isEmpty()).isTrue();
    server.resourceUpdated("jamf://fleet/overview");
    JsonNode discover =
        new TestClient(server, alice).request("server/discover", TestClient.statelessParams(V));
    assertThat(discover.at("/result/capabilities/resources/subscribe").booleanValue()).isFalse();
    assertThat(discover.at("/result/capabilities/tools/listChanged").booleanValue()).isTrue();
    assertThat(subscriber.related()).hasSize(1);
  }

  @Test
  void cancellingEndsTheListenWithNoReplyAndFreesItsPlace() throws Exception {
    TestClient client = new TestClient(server, alice);
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(listen(5, "{\"toolsListChanged\":true}"));
    assertThat(server.openSubscriptions()).isEqualTo(1);
    client.notify("notifications/cancelled", "{\"requestId\":5,\"reason\":\"done\"}");
    assertThat(reply.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(server.openSubscriptions()).isZero();
    server.addTool(extra("after_cancel"));
    assertThat(client.related()).hasSize(1);
    // The id is free again.
    client.sendAsync(listen(5, "{\"toolsListChanged\":true}"));
    assertThat(server.openSubscriptions()).isEqualTo(1);
  }

  @Test
  void theServerEndsListensGracefullyWithAResultNamingTheSubscription() throws Exception {
    TestClient first = new TestClient(server, alice);
    TestClient second = new TestClient(server, alice);
    CompletableFuture<Optional<String>> one = first.sendAsync(listen("\"a\"", "{}"));
    CompletableFuture<Optional<String>> two = second.sendAsync(listen(9, "{}"));

    first.session().endSubscriptions();
    JsonNode result = TestClient.await(one);
    assertThat(result.get("id").stringValue()).isEqualTo("a");
    assertThat(result.at("/result/resultType").stringValue()).isEqualTo("complete");
    assertThat(result.at("/result/_meta").get(SUB_ID).stringValue()).isEqualTo("a");
    assertThat(result.at("/result/_meta/io.modelcontextprotocol~1serverInfo/name").stringValue())
        .isEqualTo("test-server");
    assertThat(two).isNotDone();

    server.close();
    assertThat(TestClient.await(two).at("/result/_meta").get(SUB_ID).intValue()).isEqualTo(9);
    assertThat(server.openSubscriptions()).isZero();
  }

  @Test
  void badParamsAreRefusedWithAClearMessageAndHoldNothing() {
    TestClient client = new TestClient(server, alice);
    ObjectNode none = TestClient.statelessParams(V);
    assertBad(client.request("subscriptions/listen", none), "needs a 'notifications' object");
    assertBad(
        client.sendRaw(listen(2, "{\"toolsListChanged\":\"yes\"}")),
        "notifications.toolsListChanged must be true or false");
    assertBad(
        client.sendRaw(listen(3, "{\"resourceSubscriptions\":\"jamf://x\"}")),
        "must be an array of URIs");
    assertBad(client.sendRaw(listen(4, "{\"resourceSubscriptions\":[1]}")), "non-empty URI string");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= 100; i++) {
      many.append(i == 0 ? "" : ",").append("\"jamf://computers/").append(i).append('"');
    }
    assertBad(
        client.sendRaw(listen(5, "{\"resourceSubscriptions\":" + many + "]}")), "at most 100");
    assertBad(client.sendRaw(listen(6, "[true]")), "needs a 'notifications' object");
    assertThat(client.related()).isEmpty();
    assertThat(server.openSubscriptions()).isZero();
  }

  private static void assertBad(JsonNode reply, String message) {
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(reply.at("/error/message").stringValue()).contains(message);
  }

  @Test
  void versionsBefore2026DoNotHaveListenAndDeclareNoListChanged() {
    for (String version : List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25")) {
      TestClient client = new TestClient(server, alice);
      JsonNode init = client.initialize(version);
      assertThat(init.at("/capabilities/tools/listChanged").booleanValue()).isFalse();
      assertThat(init.at("/capabilities/prompts/listChanged").booleanValue()).isFalse();
      assertThat(init.at("/capabilities/resources/subscribe").booleanValue()).isFalse();
      JsonNode reply =
          client.request(
              "subscriptions/listen",
              (ObjectNode)
                  Json.mapper().readTree("{\"notifications\":{\"toolsListChanged\":true}}"));
      assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
      assertThat(client.related()).isEmpty();
    }
    assertThat(server.openSubscriptions()).isZero();
  }

  @Test
  void limitsPerPrincipalAndInTotalRefuseClearlyAndFreeOnCancel() throws Exception {
    server.close();
    server = tools.server(c -> c.maxSubscriptions(3, 2));
    TestClient a = new TestClient(server, alice);
    a.sendAsync(listen(1, "{}"));
    a.sendAsync(listen(2, "{}"));
    JsonNode refused = a.sendRaw(listen(3, "{}"));
    assertThat(refused.at("/error/code").intValue()).isEqualTo(ErrorCodes.SERVER_BUSY);
    assertThat(refused.at("/error/message").stringValue()).contains("for this principal (limit 2)");

    TestClient bob = new TestClient(server, Principal.of("bob", "read:jamf"));
    bob.sendAsync(listen(1, "{}"));
    JsonNode full = bob.sendRaw(listen(2, "{}"));
    assertThat(full.at("/error/message").stringValue()).contains("on this server (limit 3)");
    assertThat(server.openSubscriptions()).isEqualTo(3);

    a.notify("notifications/cancelled", "{\"requestId\":1}");
    awaitCount(server, 2);
    assertThat(a.sendAsync(listen(4, "{}"))).isNotDone();
    assertThat(server.openSubscriptions()).isEqualTo(3);
    assertThatThrownBy(() -> McpServer.create(c -> c.maxSubscriptions(0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSecondListenWithTheIdOfOneInFlightIsRefused() {
    TestClient client = new TestClient(server, alice);
    client.sendAsync(listen(1, "{}"));
    JsonNode twice = client.sendRaw(listen(1, "{}"));
    assertThat(twice.at("/error/code").intValue()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(server.openSubscriptions()).isEqualTo(1);
  }

  @Test
  void aSinkThatFailsOnTheAcknowledgementEndsTheListen() throws Exception {
    McpSession session = server.newSession();
    Caller broken =
        new Caller(
            alice,
            message -> {
              throw new IllegalStateException("stream gone");
            });
    CompletableFuture<Optional<String>> reply = session.handleText(listen(1, "{}"), broken);
    assertThat(reply.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(server.openSubscriptions()).isZero();
  }
}
