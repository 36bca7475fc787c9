package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two server instances sharing the session and confirmation keys and one ledger of used
 * confirmations ({@link ConsumedTokens}) behind a round-robin proxy with no stickiness: every
 * request of one session lands on the other instance than the last.
 */
class TwoInstancesTest {
  static SimulatedJamfPro jamf;
  static ServerUnderTest a;
  static ServerUnderTest b;
  static RoundRobinProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    jamf =
        SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(100).mdmAcknowledgeAfter(null)));
    ConsumedTokens shared = ConsumedTokens.inMemory(); // stands in for e.g. Redis
    a = ServerUnderTest.start(ServerUnderTest.settings(jamf.baseUrl()), shared, j -> {}, p -> {});
    b = ServerUnderTest.start(ServerUnderTest.settings(jamf.baseUrl()), shared, j -> {}, p -> {});
    proxy = new RoundRobinProxy(a.port(), b.port());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    a.close();
    b.close();
    jamf.close();
  }

  private static McpClient client() {
    return client(proxy);
  }

  private static McpClient client(RoundRobinProxy through) {
    return new McpClient(
        McpClient.newHttp(),
        URI.create("http://127.0.0.1:" + through.port() + "/mcp"),
        Duration.ofSeconds(30));
  }

  private static String lastBackend() {
    return lastBackend(proxy);
  }

  private static String lastBackend(RoundRobinProxy of) {
    return of.routed.get(of.routed.size() - 1).substring(0, 1);
  }

  @Test
  void aWholeSessionWithAConfirmedWriteAlternatesBetweenInstances() throws Exception {
    jamf.sideEffects().clear();
    McpClient client = client();
    client.initialize(); // initialize on one instance, notifications/initialized on the other
    assertThat(client.call("tools/list", Json.object()).path("tools").size())
        .isEqualTo(a.server().tools().size());
    JsonNode list = client.callTool(Mcp.LIST, Json.object().put("limit", 3));
    assertThat(list.path("isError").asBoolean()).isFalse();
    // A confirm-class command: approve-class ones (restart, erase...) need the approval page.
    String device = "mobile:1";
    JsonNode detail = client.callTool(Mcp.DETAIL, Json.object().put("identifier", "1"));
    assertThat(detail.path("isError").asBoolean()).isFalse();

    ObjectNode args = Json.object().put("command", "logOutUser");
    args.putArray("deviceIds").add(device);
    JsonNode preview = client.callTool(Mcp.SEND, args);
    assertThat(preview.path("structuredContent").path("status").asString())
        .isEqualTo("confirmation_required");
    String previewedOn = lastBackend();
    String token = preview.path("structuredContent").path("confirmation").path("token").asString();
    JsonNode executed = client.callTool(Mcp.SEND, args.deepCopy().put("confirmationToken", token));
    assertThat(lastBackend()).as("executed on the other instance").isNotEqualTo(previewedOn);
    assertThat(executed.path("isError").asBoolean()).as(executed.toString()).isFalse();
    assertThat(executed.path("structuredContent").path("status").asString()).isEqualTo("executed");
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);

    // Replayed on the instance that executed it: refused, nothing sent.
    client.call("ping", Json.object()); // shift the rotation by one
    JsonNode replay = client.callTool(Mcp.SEND, args.deepCopy().put("confirmationToken", token));
    assertThat(replay.path("isError").asBoolean()).isTrue();
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);
    assertThat(client.delete()).isEqualTo(204);
    assertThat(proxy.routed.stream().map(r -> r.substring(0, 1)).distinct()).hasSize(2);
  }

  @Test
  void aConfirmationTokenReplayedOnTheOtherInstanceIsRefused() throws Exception {
    jamf.sideEffects().clear();
    JsonNode[] outcomes = confirmThenReplay(proxy);
    assertThat(outcomes[0].path("structuredContent").path("status").asString())
        .isEqualTo("executed");
    assertThat(outcomes[1].path("isError").asBoolean()).isTrue();
    assertThat(outcomes[1].path("content").path(0).path("text").asString())
        .contains("already been used");
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);
  }

  /**
   * The documented limit without a shared ledger: each instance remembers only what it redeemed, so
   * within the token's lifetime (5 minutes) a replay on the other instance runs the write again.
   */
  @Test
  void withoutASharedLedgerAReplayOnTheOtherInstanceRunsAgainAsDocumented() throws Exception {
    try (ServerUnderTest c = ServerUnderTest.start(jamf.baseUrl());
        ServerUnderTest d = ServerUnderTest.start(jamf.baseUrl());
        RoundRobinProxy unshared = new RoundRobinProxy(c.port(), d.port())) {
      jamf.sideEffects().clear();
      JsonNode[] outcomes = confirmThenReplay(unshared);
      assertThat(outcomes[0].path("structuredContent").path("status").asString())
          .isEqualTo("executed");
      assertThat(outcomes[1].path("structuredContent").path("status").asString())
          .isEqualTo("executed");
      assertThat(jamf.sideEffects().mdmCommands()).hasSize(2);
    }
  }

  /** Preview, the confirmed call, and the same confirmed call again (on the other instance). */
  private static JsonNode[] confirmThenReplay(RoundRobinProxy through) throws Exception {
    McpClient client = client(through);
    client.initialize();
    String device = "mobile:1"; // logOutUser: a confirm-class command (the token path)
    ObjectNode args = Json.object().put("command", "logOutUser");
    args.putArray("deviceIds").add(device);
    String token =
        client
            .callTool(Mcp.SEND, args)
            .path("structuredContent")
            .path("confirmation")
            .path("token")
            .asString();
    ObjectNode confirmed = args.deepCopy().put("confirmationToken", token);
    JsonNode executed = client.callTool(Mcp.SEND, confirmed);
    String executedOn = lastBackend(through);
    JsonNode replay = client.callTool(Mcp.SEND, confirmed);
    assertThat(lastBackend(through)).as("replayed on the other instance").isNotEqualTo(executedOn);
    return new JsonNode[] {executed, replay};
  }
}
