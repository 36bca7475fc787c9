package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two server instances sharing the session and confirmation keys behind a round-robin proxy with no
 * stickiness: every request of one session lands on the other instance than the last.
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
    a = ServerUnderTest.start(jamf.baseUrl());
    b = ServerUnderTest.start(jamf.baseUrl());
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
    return new McpClient(
        McpClient.newHttp(),
        URI.create("http://127.0.0.1:" + proxy.port() + "/mcp"),
        Duration.ofSeconds(30));
  }

  private static String lastBackend() {
    return proxy.routed.get(proxy.routed.size() - 1).substring(0, 1);
  }

  @Test
  void aWholeSessionWithAConfirmedWriteAlternatesBetweenInstances() throws Exception {
    jamf.sideEffects().clear();
    McpClient client = client();
    client.initialize(); // initialize on one instance, notifications/initialized on the other
    assertThat(client.call("tools/list", Json.object()).path("tools").size()).isEqualTo(4);
    JsonNode list = client.callTool(StandInTools.LIST, Json.object().put("limit", 3));
    assertThat(list.path("isError").asBoolean()).isFalse();
    String device =
        list.path("structuredContent").path("computers").get(0).path("managementId").asString();
    JsonNode detail = client.callTool(StandInTools.DETAIL, Json.object().put("id", "1"));
    assertThat(detail.path("isError").asBoolean()).isFalse();

    ObjectNode args = Json.object().put("managementId", device).put("commandType", "DEVICE_LOCK");
    JsonNode preview = client.callTool(StandInTools.SEND, args);
    assertThat(preview.path("structuredContent").path("status").asString())
        .isEqualTo("confirmation_required");
    String previewedOn = lastBackend();
    String token = preview.path("structuredContent").path("confirmation").path("token").asString();
    JsonNode executed =
        client.callTool(StandInTools.SEND, args.deepCopy().put("confirmationToken", token));
    assertThat(lastBackend()).as("executed on the other instance").isNotEqualTo(previewedOn);
    assertThat(executed.path("isError").asBoolean()).as(executed.toString()).isFalse();
    assertThat(executed.path("structuredContent").path("status").asString()).isEqualTo("executed");
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);

    // Replayed on the instance that executed it: refused, nothing sent.
    client.call("ping", Json.object()); // shift the rotation by one
    JsonNode replay =
        client.callTool(StandInTools.SEND, args.deepCopy().put("confirmationToken", token));
    assertThat(replay.path("isError").asBoolean()).isTrue();
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);
    assertThat(client.delete()).isEqualTo(204);
    assertThat(proxy.routed.stream().map(r -> r.substring(0, 1)).distinct()).hasSize(2);
  }

  @Test
  @Disabled(
      "Known, open: single use of a confirmation token is checked per instance"
          + " (ConfirmationTokens), so a replay on the other instance within the token's 5 minutes"
          + " sends the write again. Needs a shared used-token store; see docs/RELIABILITY.md.")
  void aConfirmationTokenReplayedOnTheOtherInstanceIsRefused() throws Exception {
    jamf.sideEffects().clear();
    McpClient client = client();
    client.initialize();
    String device =
        client
            .callTool(StandInTools.LIST, Json.object().put("limit", 1))
            .path("structuredContent")
            .path("computers")
            .get(0)
            .path("managementId")
            .asString();
    ObjectNode args = Json.object().put("managementId", device).put("commandType", "DEVICE_LOCK");
    String token =
        client
            .callTool(StandInTools.SEND, args)
            .path("structuredContent")
            .path("confirmation")
            .path("token")
            .asString();
    ObjectNode confirmed = args.deepCopy().put("confirmationToken", token);
    client.callTool(StandInTools.SEND, confirmed);
    client.callTool(StandInTools.SEND, confirmed); // the other instance
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);
  }
}
