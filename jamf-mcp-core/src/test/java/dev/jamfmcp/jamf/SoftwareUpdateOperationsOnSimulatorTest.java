package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.updates.CreatedPlan;
import dev.jamfmcp.jamf.updates.PlanConfig;
import dev.jamfmcp.jamf.updates.SoftwareUpdates;
import dev.jamfmcp.jamf.updates.SoftwareUpdates.DeviceType;
import dev.jamfmcp.jamf.updates.SoftwareUpdates.GroupType;
import dev.jamfmcp.jamf.updates.UpdatePlan;
import dev.jamfmcp.jamf.updates.UpdateStatus;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.Computers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The managed software update operations of {@link SoftwareUpdates} against the simulator, checked
 * against its fleet and recorded side effects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SoftwareUpdateOperationsOnSimulatorTest {
  private SimulatedJamfPro sim;
  private JamfClient jamf;

  @BeforeAll
  void start() {
    sim = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(250).mobileDevices(40)));
    jamf = Simulators.apiClient(sim).pageSize(20).build();
  }

  @AfterAll
  void stop() {
    jamf.close();
    sim.stop();
  }

  @Test
  @Covers({
    "SoftwareUpdates.featureToggle()",
    "SoftwareUpdates.availableUpdates()",
    "SoftwareUpdates.plans(ListQuery)",
    "SoftwareUpdates.plan(String)",
    "SoftwareUpdates.statuses(Rsql)"
  })
  void plansPageFilterAndMatchTheFleet() {
    SoftwareUpdates updates = jamf.softwareUpdates();
    assertThat(updates.featureToggle().toggle()).isTrue();
    assertThat(updates.availableUpdates().macOS()).startsWith("26.1");
    assertThat(updates.availableUpdates().iOS()).startsWith("26.1");

    List<UpdatePlan> all = updates.plans(ListQuery.all()).toList(); // 20 per page
    // every page read once, no plan twice (the other tests of this class add plans of their own)
    assertThat(all).hasSize((int) updates.plans(ListQuery.all()).page(0).totalCount());
    assertThat(all.stream().map(UpdatePlan::planUuid).distinct()).hasSize(all.size());
    // ids ending in 3 have a plan from the last days: 25 of 250 Macs, 4 of 40 mobile devices
    assertThat(all.stream().filter(p -> p.recipeId().equals("-1") && seeded(p))).hasSize(25 + 4);
    List<UpdatePlan> macs =
        updates
            .plans(
                ListQuery.all()
                    .withFilter(
                        Rsql.eq("device.objectType", "COMPUTER")
                            .and(Rsql.eq("updateAction", "DOWNLOAD_INSTALL_ALLOW_DEFERRAL"))))
            .toList();
    assertThat(macs).hasSize(25).allSatisfy(p -> assertThat(p.device().deviceId()).endsWith("3"));
    Computers truth = sim.fleet().computers();
    for (UpdatePlan p : macs) {
      int row = truth.rowOf(Long.parseLong(p.device().deviceId()));
      assertThat(
              p.state().equals("PlanFailed") && p.status().errorReasons().contains("NOT_MANAGED"))
          .isEqualTo(!truth.managed(row));
    }
    UpdatePlan first = all.get(0);
    assertThat(updates.plan(first.planUuid())).isEqualTo(first);
    assertThatThrownBy(() -> updates.plan("NO-SUCH-PLAN"))
        .isInstanceOf(JamfNotFoundException.class);

    List<UpdateStatus> statuses = updates.statuses(Rsql.eq("device.objectType", "COMPUTER"));
    assertThat(statuses)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.device().objectType()).isEqualTo("COMPUTER"));
    assertThat(updates.statuses(null).size()).isGreaterThanOrEqualTo(statuses.size());
  }

  /** The seeded plans are the only ones with deferrals (5) in this class. */
  private static boolean seeded(UpdatePlan p) {
    return "DOWNLOAD_INSTALL_ALLOW_DEFERRAL".equals(p.updateAction());
  }

  @Test
  @Covers({
    "SoftwareUpdates.createPlan(Map,PlanConfig)",
    "SoftwareUpdates.computerStatuses(String)",
    "SoftwareUpdates.mobileDeviceStatuses(String)"
  })
  void createdPlansAreRecordedAndReportStatuses() {
    SoftwareUpdates updates = jamf.softwareUpdates();
    int before = sim.sideEffects().updatePlans().size();
    List<CreatedPlan> created =
        updates.createPlan(
            Map.of("4", DeviceType.COMPUTER),
            new PlanConfig(
                PlanConfig.UpdateAction.DOWNLOAD_ONLY,
                PlanConfig.VersionType.LATEST_ANY,
                null,
                null,
                null));
    assertThat(created).hasSize(1);
    assertThat(created.get(0).device().deviceId()).isEqualTo("4");
    assertThat(sim.sideEffects().updatePlans()).hasSize(before + 1);
    UpdatePlan plan = updates.plan(created.get(0).planId());
    assertThat(plan.updateAction()).isEqualTo("DOWNLOAD_ONLY");
    if (!plan.state().equals("PlanFailed")) {
      assertThat(updates.computerStatuses("4")).hasSize(1);
    }
    assertThat(updates.mobileDeviceStatuses("3"))
        .allSatisfy(s -> assertThat(s.device().deviceId()).isEqualTo("3"));
    assertThatThrownBy(
            () ->
                updates.createPlan(
                    Map.of("999999", DeviceType.COMPUTER),
                    new PlanConfig(
                        PlanConfig.UpdateAction.DOWNLOAD_ONLY,
                        PlanConfig.VersionType.LATEST_ANY,
                        null,
                        null,
                        null)))
        .isInstanceOf(JamfBadRequestException.class);
    assertThat(sim.sideEffects().updatePlans()).hasSize(before + 1);
    assertThatThrownBy(
            () ->
                new PlanConfig(
                    PlanConfig.UpdateAction.DOWNLOAD_INSTALL_ALLOW_DEFERRAL,
                    PlanConfig.VersionType.LATEST_ANY,
                    null,
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Covers({
    "SoftwareUpdates.createGroupPlan(String,GroupType,PlanConfig)",
    "SoftwareUpdates.groupPlans(String,GroupType)",
    "SoftwareUpdates.groupStatuses(String,GroupType)"
  })
  void groupPlansCoverTheMembers() {
    SoftwareUpdates updates = jamf.softwareUpdates();
    String group = String.valueOf(sim.fleet().smartGroups().get(0).id());
    List<CreatedPlan> created =
        updates.createGroupPlan(
            group,
            GroupType.COMPUTER_GROUP,
            new PlanConfig(
                PlanConfig.UpdateAction.DOWNLOAD_INSTALL,
                PlanConfig.VersionType.LATEST_MINOR,
                null,
                null,
                "2026-12-24T18:00:00"));
    assertThat(updates.groupPlans(group, GroupType.COMPUTER_GROUP)).hasSameSizeAs(created);
    assertThat(updates.groupStatuses(group, GroupType.COMPUTER_GROUP))
        .allSatisfy(s -> assertThat(s.device().objectType()).isEqualTo("COMPUTER"));
    assertThat(updates.groupStatuses("1", GroupType.MOBILE_DEVICE_GROUP))
        .allSatisfy(s -> assertThat(s.device().objectType()).isEqualTo("MOBILE_DEVICE"));
    assertThatThrownBy(() -> updates.groupPlans("99999", GroupType.COMPUTER_GROUP))
        .isInstanceOf(JamfNotFoundException.class);
  }
}
