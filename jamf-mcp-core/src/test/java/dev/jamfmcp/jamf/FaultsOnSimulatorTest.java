package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.org.Department;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.faults.FaultSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Injected faults: idempotent requests are retried (honouring {@code Retry-After}), POSTs never
 * are, so a failed MDM command or push leaves exactly one side effect or none. Waits go through a
 * recording {@link dev.jamfmcp.jamf.Sleeper}, so no test really sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class FaultsOnSimulatorTest {
  private static final int COMPUTERS = 1234;

  private SimulatedJamfPro sim;
  private JamfClient jamf;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  void start() {
    sim = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(COMPUTERS).mobileDevices(20)));
    jamf = Simulators.apiClient(sim).pageSize(100).maxRetries(3).sleeper(sleeps::add).build();
  }

  @AfterAll
  void stop() {
    jamf.close();
    sim.close();
  }

  @BeforeEach
  void reset() {
    jamf.jamfProVersion(); // holds a token from here on: token POSTs are never retried either
    sim.faults().clear();
    sim.sideEffects().clear();
    sleeps.clear();
  }

  /** Faults only for paths under {@code prefix}, with {@code Retry-After: retryAfter}. */
  private void faultsOn(String prefix, int retryAfter) {
    sim.faults().set(FaultSettings.none().withPathPrefix(prefix).withRetryAfterSeconds(retryAfter));
  }

  @Test
  void burstOf503WithRetryAfterThenSuccess() {
    faultsOn("/api/v1/departments", 4);
    sim.faults().failNext(3, 503);
    List<Department> departments = jamf.organization().departments(ListQuery.all()).toList();
    assertThat(departments).hasSize(sim.fleet().departments().size());
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void burstLongerThanTheRetriesIsUnavailable() {
    faultsOn("/api/v1/buildings", 1);
    sim.faults().failNext(4, 503);
    assertThatThrownBy(() -> jamf.organization().buildings(ListQuery.all()).toList())
        .isInstanceOfSatisfying(
            JamfUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void faultsMidScanAreRetriedAndNoComputerIsLostOrRepeated() {
    List<Integer> ids = new ArrayList<>();
    faultsOn("/api/v4/computers-inventory", 2);
    // Which page requests meet the six faults depends on timing (often one page alone is in
    // flight), so this client retries six times: no single page can run out of attempts.
    try (JamfClient patient =
        Simulators.apiClient(sim).pageSize(100).maxRetries(6).sleeper(sleeps::add).build()) {
      for (Computer c : patient.computers().list(ListQuery.all())) {
        ids.add(Integer.valueOf(c.id()));
        if (ids.size() == 150) {
          sim.faults().failNext(3, 503);
          sim.faults().resetNext(2);
          sim.faults().failNext(1, 502);
        }
      }
    }
    assertThat(ids).containsExactlyElementsOf(Simulators.idsInNameOrder(sim.fleet().computers()));
    assertThat(sleeps).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void serverErrorOnAGetIsNotRetried() {
    faultsOn("/api/v1/scripts", 1);
    sim.faults().failNext(1, 500);
    assertThatThrownBy(() -> jamf.scripts().get("1"))
        .isInstanceOfSatisfying(
            JamfServerException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(sleeps).isEmpty();
    assertThat(jamf.scripts().get("1").name()).isEqualTo(sim.fleet().scripts().get(0).name());
  }

  @Test
  void serverErrorOnAnMdmCommandIsNotRetriedAndQueuesNothing() {
    String mac = sim.fleet().computers().managementId(0);
    faultsOn("/api/v2/mdm/commands", 1);
    sim.faults().failNext(1, 500);
    assertThatThrownBy(
            () ->
                jamf.mdm()
                    .send(MdmCommandRequest.of("DEVICE_LOCK", List.of(mac)).with("pin", "123456")))
        .isInstanceOfSatisfying(
            JamfServerException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(sim.sideEffects().mdmCommands()).isEmpty();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void unavailableOnAPostIsNotRetriedEither() {
    String mac = sim.fleet().computers().managementId(0);
    faultsOn("/api/v2/mdm/blank-push", 1);
    sim.faults().failNext(1, 503);
    assertThatThrownBy(() -> jamf.mdm().blankPush(List.of(mac)))
        .isInstanceOf(JamfUnavailableException.class);
    assertThat(sim.sideEffects().blankPushes()).isEmpty();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void connectionCutAfterAPostRanLeavesExactlyOneSideEffect() {
    String mac = sim.fleet().computers().managementId(1);
    faultsOn("/api/v2/mdm/commands", 1);
    sim.faults().resetNext(1);
    assertThatThrownBy(() -> jamf.mdm().send(MdmCommandRequest.of("RESTART_DEVICE", List.of(mac))))
        .isInstanceOf(JamfException.class);
    assertThat(sim.sideEffects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.managementId()).isEqualTo(mac));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void idempotentWritesAreRetriedAndTakeEffectOnce() {
    var target = sim.staticGroups().all().get(0);
    StaticComputerGroup group = jamf.computerGroups().staticGroup(String.valueOf(target.id()));
    faultsOn("/api/v3/computer-groups/static-groups", 1);
    sim.faults().failNext(1, 503);
    jamf.computerGroups().replaceStaticGroupMembers(group, List.of("1", "2"));
    assertThat(sim.sideEffects().groupMembershipChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.after()).containsExactly(1, 2));

    faultsOn("/JSSResource/logflush", 1);
    sim.faults().failNext(2, 503);
    jamf.policies().flushLog(sim.fleet().policies().get(0).id());
    assertThat(sim.sideEffects().logFlushes()).hasSize(1);
    assertThat(sleeps).hasSize(3);
  }
}
