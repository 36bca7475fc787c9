package dev.jamfmcp.mcp.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The gate on all three paths, and every way a confirmation can be wrong. */
class ConfirmationGateTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final AtomicInteger erased = new AtomicInteger();
  private final McpServer server = serverWithKey(KEY);
  private final Principal alice = Principal.of("alice", "write:jamf");
  private final Principal mallory = Principal.of("mallory", "write:jamf");

  /**
   * One instance with the default ledger. Regression: the default ledger judged expiry on the
   * system clock, not the gate's, so with a gate clock behind it every used token was forgotten at
   * once and could be replayed (tokenPathTheTokenConfirmsExactlyOnce failed).
   */
  private McpServer serverWithKey(byte[] key) {
    return serverWithKey(key, null);
  }

  /** One instance: its own gate with this ledger of used confirmations (null: the default). */
  private McpServer serverWithKey(byte[] key, ConsumedTokens ledger) {
    ConfirmationGate gate =
        ledger == null
            ? ConfirmationGate.create(key, Duration.ofMinutes(5), clock)
            : ConfirmationGate.create(key, Duration.ofMinutes(5), clock, ledger);
    ObjectNode input = Json.object().put("type", "object");
    ObjectNode props = input.putObject("properties");
    props.putObject("ids").put("type", "array").putObject("items").put("type", "string");
    props.set(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema());
    input.putArray("required").add("ids");
    input.put("additionalProperties", false);
    ObjectNode executed = Json.object();
    executed.putObject("erased").put("type", "integer");
    Tool erase =
        Tool.builder("erase")
            .description("Erases devices.")
            .inputSchema(input)
            .outputSchema(ConfirmationGate.outputSchema(executed))
            .annotations(ToolAnnotations.destructive(false))
            .requiredScopes("write:jamf")
            .handler(
                (args, ctx) -> {
                  List<String> targets = List.of(args.get("ids").toString());
                  Preview preview =
                      Preview.of(
                          "Erase " + args.get("ids").size() + " computers",
                          "The computers are wiped at their next check-in.",
                          targets,
                          true);
                  ConfirmationGate.Decision decision = gate.check("erase", args, preview, ctx);
                  if (decision instanceof ConfirmationGate.Decision.Stop stop) {
                    return stop.result();
                  }
                  erased.addAndGet(args.get("ids").size());
                  return ToolResult.structured(
                      Json.object()
                          .put("status", "executed")
                          .put("erased", args.get("ids").size()));
                })
            .build();
    return McpServer.create(c -> c.tool(erase));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private static JsonNode call(TestClient client, String arguments) {
    return client
        .request("tools/call", "{\"name\":\"erase\",\"arguments\":" + arguments + "}")
        .get("result");
  }

  private TestClient tokenClient(Principal who) {
    return tokenClient(server, who);
  }

  /** A 2025-06-18 client that declares no elicitation: the token path. */
  private static TestClient tokenClient(McpServer on, Principal who) {
    TestClient client = new TestClient(on, who);
    client.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
    return client;
  }

  private static String tokenOf(JsonNode result) {
    assertThat(result.at("/structuredContent/status").stringValue())
        .isEqualTo("confirmation_required");
    return result.at("/structuredContent/confirmation/token").stringValue();
  }

  @Test
  void tokenPathFirstCallDoesNothingAndShowsThePreview() {
    JsonNode first = call(tokenClient(alice), "{\"ids\":[\"1\",\"2\"]}");
    assertThat(erased).hasValue(0);
    assertThat(first.has("isError")).isFalse();
    assertThat(first.at("/structuredContent/confirmation/action").stringValue())
        .isEqualTo("Erase 2 computers");
    assertThat(first.at("/structuredContent/confirmation/irreversible").booleanValue()).isTrue();
    assertThat(first.at("/content/0/text").stringValue())
        .startsWith("Nothing has been done yet")
        .contains("cannot be undone");
  }

  @Test
  void tokenPathTheTokenConfirmsExactlyOnce() {
    TestClient client = tokenClient(alice);
    String token = tokenOf(call(client, "{\"ids\":[\"1\",\"2\"]}"));
    JsonNode second =
        call(client, "{\"ids\":[\"1\",\"2\"],\"confirmationToken\":\"" + token + "\"}");
    assertThat(second.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(erased).hasValue(2);
    JsonNode replay =
        call(client, "{\"ids\":[\"1\",\"2\"],\"confirmationToken\":\"" + token + "\"}");
    assertThat(replay.get("isError").booleanValue()).isTrue();
    assertThat(replay.at("/content/0/text").stringValue()).contains("already been used");
    assertThat(erased).hasValue(2);
  }

  @Test
  void argumentOrderDoesNotMatterButTheirValuesDo() {
    TestClient client = tokenClient(alice);
    String token = tokenOf(call(client, "{\"ids\":[\"1\"]}"));
    JsonNode other = call(client, "{\"ids\":[\"2\"],\"confirmationToken\":\"" + token + "\"}");
    assertThat(other.get("isError").booleanValue()).isTrue();
    assertThat(other.at("/content/0/text").stringValue())
        .contains("different tool or different" + " arguments")
        .contains("Nothing was done");
    JsonNode reordered = call(client, "{\"confirmationToken\":\"" + token + "\",\"ids\":[\"1\"]}");
    assertThat(reordered.at("/structuredContent/status").stringValue()).isEqualTo("executed");
  }

  @Test
  void anotherUserCannotUseTheToken() {
    String token = tokenOf(call(tokenClient(alice), "{\"ids\":[\"1\"]}"));
    JsonNode stolen =
        call(tokenClient(mallory), "{\"ids\":[\"1\"],\"confirmationToken\":\"" + token + "\"}");
    assertThat(stolen.get("isError").booleanValue()).isTrue();
    assertThat(stolen.at("/content/0/text").stringValue()).contains("another user");
    assertThat(erased).hasValue(0);
  }

  @Test
  void anExpiredTokenIsRefused() {
    TestClient client = tokenClient(alice);
    String token = tokenOf(call(client, "{\"ids\":[\"1\"]}"));
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    JsonNode late = call(client, "{\"ids\":[\"1\"],\"confirmationToken\":\"" + token + "\"}");
    assertThat(late.at("/content/0/text").stringValue()).contains("expired");
    assertThat(erased).hasValue(0);
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    TestClient client = tokenClient(alice);
    String token = tokenOf(call(client, "{\"ids\":[\"1\"]}"));
    String flipped =
        token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
    String signedElsewhere;
    try (McpServer other =
        serverWithKey("another key of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8))) {
      TestClient elsewhere = tokenClient(other, alice);
      signedElsewhere = tokenOf(call(elsewhere, "{\"ids\":[\"1\"]}"));
    }
    for (String bad : List.of(flipped, signedElsewhere, "c1.x.y", "true", "")) {
      JsonNode refused = call(client, "{\"ids\":[\"1\"],\"confirmationToken\":\"" + bad + "\"}");
      assertThat(refused.get("isError").booleanValue()).as(bad).isTrue();
      assertThat(refused.at("/content/0/text").stringValue()).contains("not one this server");
    }
    assertThat(erased).hasValue(0);
  }

  @Test
  void aTokenIsValidOnAnotherInstanceWithTheSameKey() {
    String token = tokenOf(call(tokenClient(alice), "{\"ids\":[\"7\"]}"));
    try (McpServer twin = serverWithKey(KEY)) {
      TestClient client = tokenClient(twin, alice);
      JsonNode done = call(client, "{\"ids\":[\"7\"],\"confirmationToken\":\"" + token + "\"}");
      assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    }
  }

  @Test
  void withOneSharedLedgerATokenUsedOnOneInstanceIsRefusedOnTheOther() {
    ConsumedTokens shared = ConsumedTokens.inMemory(1000, clock);
    try (McpServer a = serverWithKey(KEY, shared);
        McpServer b = serverWithKey(KEY, shared)) {
      TestClient onA = tokenClient(a, alice);
      TestClient onB = tokenClient(b, alice);
      String token = tokenOf(call(onA, "{\"ids\":[\"7\"]}"));
      String confirmed = "{\"ids\":[\"7\"],\"confirmationToken\":\"" + token + "\"}";
      assertThat(call(onB, confirmed).at("/structuredContent/status").stringValue())
          .isEqualTo("executed");
      JsonNode replay = call(onA, confirmed);
      assertThat(replay.get("isError").booleanValue()).isTrue();
      assertThat(replay.at("/content/0/text").stringValue()).contains("already been used");
      assertThat(erased).hasValue(1);
    }
  }

  /**
   * The documented limit of the default: each instance remembers only its own redemptions, so a
   * token can be used once per instance, and only until it expires.
   */
  @Test
  void withoutASharedLedgerATokenWorksOncePerInstanceUntilItExpires() {
    try (McpServer a = serverWithKey(KEY);
        McpServer b = serverWithKey(KEY);
        McpServer c = serverWithKey(KEY)) {
      String token = tokenOf(call(tokenClient(a, alice), "{\"ids\":[\"7\"]}"));
      String confirmed = "{\"ids\":[\"7\"],\"confirmationToken\":\"" + token + "\"}";
      assertThat(call(tokenClient(a, alice), confirmed).has("isError")).isFalse();
      assertThat(call(tokenClient(a, alice), confirmed).get("isError").booleanValue()).isTrue();
      assertThat(call(tokenClient(b, alice), confirmed).has("isError"))
          .as("replayed on another instance within the lifetime: runs again")
          .isFalse();
      assertThat(erased).hasValue(2);
      clock.advance(Duration.ofMinutes(5));
      JsonNode late = call(tokenClient(c, alice), confirmed);
      assertThat(late.get("isError").booleanValue()).isTrue();
      assertThat(late.at("/content/0/text").stringValue()).contains("expired");
      assertThat(erased).as("the window closes with the token's lifetime").hasValue(2);
    }
  }

  @Test
  void aLedgerThatCannotAnswerRefusesTheConfirmationAndNothingRuns() {
    ConsumedTokens down =
        (id, expiresAt) -> {
          throw new IllegalStateException("connection refused");
        };
    try (McpServer a = serverWithKey(KEY, down)) {
      TestClient client = tokenClient(a, alice);
      String token = tokenOf(call(client, "{\"ids\":[\"7\"]}"));
      JsonNode refused = call(client, "{\"ids\":[\"7\"],\"confirmationToken\":\"" + token + "\"}");
      assertThat(refused.get("isError").booleanValue()).isTrue();
      assertThat(refused.at("/content/0/text").stringValue())
          .contains("could not be checked")
          .contains("Nothing was done")
          .doesNotContain("connection refused");
      assertThat(erased).hasValue(0);
    }
  }

  /** Two instances, one ledger, the same token redeemed on both at once: exactly one write. */
  @Test
  void concurrentRedemptionsOnTwoInstancesSharingALedgerRunOnce() throws Exception {
    ConsumedTokens shared = ConsumedTokens.inMemory(1000, clock);
    try (McpServer a = serverWithKey(KEY, shared);
        McpServer b = serverWithKey(KEY, shared)) {
      for (int round = 0; round < 25; round++) {
        String ids = "{\"ids\":[\"r" + round + "\"]";
        String token = tokenOf(call(tokenClient(a, alice), ids + "}"));
        String confirmed = ids + ",\"confirmationToken\":\"" + token + "\"}";
        TestClient onA = tokenClient(a, alice);
        TestClient onB = tokenClient(b, alice);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        CompletableFuture<JsonNode> first =
            CompletableFuture.supplyAsync(() -> awaitThen(start, () -> call(onA, confirmed)));
        CompletableFuture<JsonNode> second =
            CompletableFuture.supplyAsync(() -> awaitThen(start, () -> call(onB, confirmed)));
        long executed =
            java.util.stream.Stream.of(first.get(), second.get())
                .filter(r -> !r.has("isError"))
                .count();
        assertThat(executed).as("round %d", round).isEqualTo(1);
      }
      assertThat(erased).hasValue(25);
    }
  }

  private static <T> T awaitThen(
      java.util.concurrent.CyclicBarrier barrier, java.util.function.Supplier<T> then) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return then.get();
  }

  @Test
  void aRequestStateUsedOnOneInstanceIsRefusedOnAnotherSharingTheLedger() {
    ConsumedTokens shared = ConsumedTokens.inMemory(1000, clock);
    try (McpServer a = serverWithKey(KEY, shared);
        McpServer b = serverWithKey(KEY, shared)) {
      ObjectNode params = TestClient.statelessParams("2026-07-28");
      ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
          .putObject("elicitation");
      params.put("name", "erase").putObject("arguments").putArray("ids").add("3");
      JsonNode first = new TestClient(a, alice).request("tools/call", params).get("result");
      ObjectNode retry = params.deepCopy();
      retry.put("requestState", first.get("requestState").stringValue());
      ObjectNode answer =
          retry.putObject("inputResponses").putObject("confirm").put("action", "accept");
      answer.putObject("content").put("confirm", true);
      JsonNode done = new TestClient(b, alice).request("tools/call", retry).get("result");
      assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
      JsonNode replay = new TestClient(a, alice).request("tools/call", retry).get("result");
      assertThat(replay.get("isError").booleanValue()).isTrue();
      assertThat(replay.at("/content/0/text").stringValue()).contains("already been used");
      assertThat(erased).hasValue(1);
    }
  }

  @Test
  void thereIsNoConfirmTrueShortcut() {
    JsonNode result = call(tokenClient(alice), "{\"ids\":[\"1\"],\"confirm\":true}");
    assertThat(result.get("isError").booleanValue()).isTrue();
    assertThat(erased).hasValue(0);
  }

  @Test
  void elicitationPathAsksTheUserWhileTheCallWaits() {
    TestClient client = new TestClient(server, alice);
    client.initialize("2025-06-18"); // declares elicitation
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":5,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"erase\",\"arguments\":{\"ids\":[\"1\"]}}}");
    JsonNode request = awaitRelated(client);
    assertThat(request.get("method").stringValue()).isEqualTo("elicitation/create");
    assertThat(request.at("/params/message").stringValue()).contains("Erase 1 computers");
    assertThat(request.at("/params/requestedSchema/properties/confirm/type").stringValue())
        .isEqualTo("boolean");
    assertThat(erased).hasValue(0);
    ObjectNode answer = Json.object().put("action", "accept");
    answer.putObject("content").put("confirm", true);
    client
        .session()
        .handle(new JsonRpcMessage.Response(request.get("id"), answer), new Caller(alice, m -> {}));
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(result.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(erased).hasValue(1);
  }

  @Test
  void elicitationDeclinedChangesNothing() {
    TestClient client = new TestClient(server, alice);
    client.initialize("2025-11-25");
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":5,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"erase\",\"arguments\":{\"ids\":[\"1\"]}}}");
    JsonNode request = awaitRelated(client);
    client
        .session()
        .handle(
            new JsonRpcMessage.Response(request.get("id"), Json.object().put("action", "decline")),
            new Caller(alice, m -> {}));
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(result.at("/structuredContent/status").stringValue()).isEqualTo("cancelled");
    assertThat(result.at("/content/0/text").stringValue()).contains("nothing was done");
    assertThat(erased).hasValue(0);
  }

  @Test
  void statelessPathAsksWithAnInputRequiredResultAndRunsOnTheRetry() {
    TestClient client = new TestClient(server, alice);
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
        .putObject("elicitation");
    params.put("name", "erase").putObject("arguments").putArray("ids").add("3");
    JsonNode first = client.request("tools/call", params).get("result");
    assertThat(first.get("resultType").stringValue()).isEqualTo("input_required");
    assertThat(first.at("/inputRequests/confirm/method").stringValue())
        .isEqualTo("elicitation/create");
    String state = first.get("requestState").stringValue();
    assertThat(erased).hasValue(0);

    ObjectNode retry = params.deepCopy();
    retry.put("requestState", state);
    ObjectNode answer =
        retry.putObject("inputResponses").putObject("confirm").put("action", "accept");
    answer.putObject("content").put("confirm", true);
    JsonNode done = client.request("tools/call", retry).get("result");
    assertThat(done.get("resultType").stringValue()).isEqualTo("complete");
    assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(erased).hasValue(1);

    // the same state cannot be replayed, and a state with other arguments is refused
    assertThat(client.request("tools/call", retry).at("/result/isError").booleanValue()).isTrue();
    ObjectNode changed = retry.deepCopy();
    ((ObjectNode) changed.get("arguments")).putArray("ids").add("4");
    assertThat(client.request("tools/call", changed).at("/result/isError").booleanValue()).isTrue();
    assertThat(erased).hasValue(1);
  }

  @Test
  void statelessClientsWithoutElicitationGetTheTokenPath() {
    TestClient client = new TestClient(server, alice);
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    params.put("name", "erase").putObject("arguments").putArray("ids").add("3");
    JsonNode first = client.request("tools/call", params).get("result");
    assertThat(first.get("resultType").stringValue()).isEqualTo("complete");
    assertThat(first.at("/structuredContent/status").stringValue())
        .isEqualTo("confirmation_required");
  }

  private static JsonNode awaitRelated(TestClient client) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(client::related, related -> !related.isEmpty())
        .get(0);
  }
}
