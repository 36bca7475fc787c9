package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.faults.FaultSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jamf Pro misbehaving, end to end: MCP client -> HTTP -> server -> JamfClient -> simulator with
 * faults. The server's Jamf client has a 2 s attempt timeout, a 6 s call timeout and 3 retries of
 * idempotent requests. For each fault: what the caller sees, within what time, that a normal call
 * works afterwards, and how many MDM commands reached Jamf.
 */
class FaultScenariosTest {
  /** The configured call timeout plus room for a loaded machine. */
  static final long CALL_BOUND_MILLIS = 6_000 + 4_000;

  static SimulatedJamfPro jamf;
  static ServerUnderTest server;
  Mcp mcp;

  @BeforeAll
  static void start() {
    jamf =
        SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(300).mdmAcknowledgeAfter(null)));
    server = ServerUnderTest.start(jamf.baseUrl(), ServerUnderTest.quickJamf(), p -> {});
  }

  @AfterAll
  static void stop() {
    server.close();
    jamf.close();
  }

  @AfterEach
  void healthyAfterwards() throws Exception {
    jamf.faults().clear();
    Mcp.Outcome normal = new Mcp(server.mcpUrl()).list();
    assertThat(normal.isError()).as("a normal call after the fault: %s", normal.text()).isFalse();
    assertThat(normal.structured().path("count").asInt()).isEqualTo(5);
  }

  private Mcp mcp() throws Exception {
    if (mcp == null) {
      mcp = new Mcp(server.mcpUrl());
    }
    return mcp;
  }

  @Test
  void burstOf500sIsAnErrorPerCallNotRetried() throws Exception {
    jamf.faults().failNext(3, 500);
    for (int i = 0; i < 3; i++) {
      Mcp.Outcome outcome = mcp().list();
      assertThat(outcome.isError()).isTrue();
      assertThat(outcome.text()).contains("HTTP 500").contains("Nothing was changed");
      assertThat(outcome.millis()).isLessThan(CALL_BOUND_MILLIS);
    }
  }

  @Test
  void shortBurstsOf502And503AreRetriedToSuccess() throws Exception {
    jamf.faults().failNext(2, 503);
    Mcp.Outcome after503 = mcp().list();
    assertThat(after503.isError()).as(after503.text()).isFalse();
    jamf.faults().failNext(3, 502);
    Mcp.Outcome after502 = mcp().list();
    assertThat(after502.isError()).as(after502.text()).isFalse();
  }

  @Test
  void longBurstOf503IsAnActionableErrorWithinTheCallTimeout() throws Exception {
    jamf.faults().failNext(20, 503);
    Mcp.Outcome outcome = mcp().list();
    assertThat(outcome.isError()).isTrue();
    assertThat(outcome.text()).contains("unavailable").contains("Try again shortly");
    assertThat(outcome.millis()).isLessThan(CALL_BOUND_MILLIS);
  }

  @Test
  void answersSlowerThanTheTimeoutAreATimeoutErrorNotAHang() throws Exception {
    jamf.faults().set(FaultSettings.none().withLatency(Duration.ofSeconds(4)));
    Mcp.Outcome outcome = mcp().list();
    assertThat(outcome.isError()).isTrue();
    assertThat(outcome.text()).contains("did not answer in time");
    assertThat(outcome.millis()).isLessThan(CALL_BOUND_MILLIS);
  }

  @Test
  void connectionResetMidBodyIsRetriedForReads() throws Exception {
    jamf.faults().resetNext(2);
    Mcp.Outcome outcome = mcp().list();
    assertThat(outcome.isError()).as(outcome.text()).isFalse();
    jamf.faults().resetNext(20);
    Mcp.Outcome persistent = mcp().list();
    assertThat(persistent.isError()).isTrue();
    assertThat(persistent.text())
        .contains("Jamf Pro is unavailable")
        .contains("Nothing was changed");
    assertThat(persistent.millis()).isLessThan(CALL_BOUND_MILLIS);
  }

  @Test
  void tokenRevokedMidScanIsRefreshedAndTheScanCompletes() throws Exception {
    jamf.faults()
        .set(
            FaultSettings.none()
                .withLatency(Duration.ofMillis(150))
                .withPathPrefix("/api/v3/computers-inventory"));
    ObjectNode scan = Mcp.args().put("nameLike", "*").put("limit", 300).put("pageSize", 20);
    CompletableFuture<Mcp.Outcome> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return mcp().call(StandInTools.LIST, scan);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(400);
    jamf.revokeAllTokens();
    Mcp.Outcome outcome = running.get();
    assertThat(outcome.isError()).as(outcome.text()).isFalse();
    assertThat(outcome.structured().path("count").asInt()).isEqualTo(300);
  }

  @Test
  void writesAreNeverSentTwiceWhateverFails() throws Exception {
    jamf.sideEffects().clear();
    String device =
        mcp().list().structured().path("computers").get(0).path("managementId").asString();
    assertThat(device).isNotBlank();
    int expected = 0;
    // 503 on the POST: not retried, nothing queued.
    expected += confirmThenSend(device, () -> jamf.faults().failNext(1, 503), 0);
    // Connection cut after Jamf queued the command: not retried; the caller must not be told
    // that nothing happened.
    expected += confirmThenSend(device, () -> jamf.faults().resetNext(1), 1);
    // Jamf answers after the timeout (and queues the command anyway): not retried.
    expected +=
        confirmThenSend(
            device,
            () ->
                jamf.faults()
                    .set(
                        FaultSettings.none()
                            .withLatency(Duration.ofSeconds(3))
                            .withPathPrefix("/api/v2/mdm")),
            1);
    // No fault: exactly one.
    expected += confirmThenSend(device, () -> {}, 1);
    Thread.sleep(1500); // let the late one land
    assertThat(jamf.sideEffects().mdmCommands()).hasSize(expected);
    assertThat(expected).isEqualTo(3);
  }

  /** Confirms, injects the fault, executes; returns how many commands Jamf should have queued. */
  private int confirmThenSend(String device, Runnable fault, int queued) throws Exception {
    ObjectNode args = Mcp.args().put("managementId", device).put("commandType", "RESTART_DEVICE");
    Mcp.Outcome preview = mcp().call(StandInTools.SEND, args);
    assertThat(preview.structured().path("status").asString()).isEqualTo("confirmation_required");
    int before = jamf.sideEffects().mdmCommands().size();
    fault.run();
    Mcp.Outcome executed =
        mcp()
            .call(
                StandInTools.SEND,
                args.deepCopy()
                    .put(
                        "confirmationToken",
                        preview.structured().path("confirmation").path("token").asString()));
    jamf.faults().clear();
    assertThat(executed.millis()).isLessThan(CALL_BOUND_MILLIS);
    if (queued == 0) {
      assertThat(executed.isError()).isTrue();
      assertThat(executed.text()).contains("Nothing was changed");
    } else if (executed.isError()) {
      assertThat(executed.text())
          .doesNotContain("Nothing was changed")
          .contains("outcome is unknown");
    }
    Thread.sleep(queued == 1 && executed.isError() ? 1500 : 0);
    assertThat(jamf.sideEffects().mdmCommands().size() - before).isEqualTo(queued);
    return queued;
  }

  @Test
  void jamfDownAtStartUpThenBack() throws Exception {
    int port;
    try (ServerSocket reserve = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = reserve.getLocalPort();
    }
    try (ServerUnderTest early =
        ServerUnderTest.start("http://127.0.0.1:" + port, ServerUnderTest.quickJamf(), p -> {})) {
      Mcp client = new Mcp(early.mcpUrl());
      Mcp.Outcome down = client.list();
      assertThat(down.isError()).isTrue();
      assertThat(down.text())
          .contains("Could not connect to Jamf Pro")
          .contains("Nothing was changed");
      assertThat(down.millis()).isLessThan(CALL_BOUND_MILLIS);
      try (SimulatedJamfPro late =
          SimulatedJamfPro.start(SimulatorConfig.of(c -> c.port(port).computers(50)))) {
        Mcp.Outcome back = client.list();
        assertThat(back.isError()).as(back.text()).isFalse();
        assertThat(back.structured().path("count").asInt()).isEqualTo(5);
      }
    }
  }
}
