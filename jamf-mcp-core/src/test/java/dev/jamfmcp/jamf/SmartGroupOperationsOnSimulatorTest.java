package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.groups.SmartCriterion;
import dev.jamfmcp.jamf.groups.SmartGroupSpec;
import dev.jamfmcp.jamf.groups.SmartGroups;
import dev.jamfmcp.jamf.groups.SmartGroups.Platform;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Creating, reading and updating smart groups through the client, against the simulator. */
@Timeout(60)
class SmartGroupOperationsOnSimulatorTest {

  private static SmartCriterion c(
      int priority, String andOr, String name, String type, String value) {
    return new SmartCriterion(name, priority, andOr, type, value, false, false);
  }

  @Test
  @Covers({
    "SmartGroups.create(Platform,SmartGroupSpec)",
    "SmartGroups.get(Platform,String)",
    "SmartGroups.update(Platform,String,SmartGroupSpec)",
    "SmartGroups.memberCount(Platform,String)",
    "SmartGroups.named(Platform,String)"
  })
  void computerAndMobileGroupsAreCreatedReadUpdatedAndCounted() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(400).mobileDevices(30)));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      SmartGroups groups = jamf.smartGroups();
      Computers truth = sim.fleet().computers();
      SmartGroupSpec airs =
          new SmartGroupSpec(
              "MacBook Airs",
              "Every Air",
              null,
              List.of(c(0, "and", "Model", "like", "MacBook Air")));
      String id = groups.create(Platform.COMPUTER, airs);
      long airCount = countComputers(truth, "MacBook Air");
      assertThat(groups.memberCount(Platform.COMPUTER, id)).isEqualTo(airCount).isPositive();
      assertThat(jamf.computerGroups().smartGroupMembers(id)).hasSize((int) airCount);
      SmartGroupSpec read = groups.get(Platform.COMPUTER, id);
      assertThat(read.name()).isEqualTo("MacBook Airs");
      assertThat(read.description()).isEqualTo("Every Air");
      assertThat(read.siteId()).isEqualTo("-1");
      assertThat(read.criteria()).containsExactlyElementsOf(airs.criteria());

      SmartGroupSpec pros =
          new SmartGroupSpec(
              "MacBook Airs and Pros",
              read.description(),
              read.siteId(),
              List.of(
                  c(0, "and", "Model", "like", "MacBook Air"),
                  c(1, "or", "Model", "like", "MacBook Pro")));
      groups.update(Platform.COMPUTER, id, pros);
      assertThat(groups.memberCount(Platform.COMPUTER, id))
          .isEqualTo(airCount + countComputers(truth, "MacBook Pro"));
      assertThat(groups.get(Platform.COMPUTER, id).name()).isEqualTo("MacBook Airs and Pros");

      assertThat(groups.named(Platform.COMPUTER, "macbook airs and pros"))
          .contains(new SmartGroups.Existing(id, true));
      StaticGroup kiosk = sim.staticGroups().all().get(2);
      assertThat(groups.named(Platform.COMPUTER, kiosk.name()))
          .contains(new SmartGroups.Existing(String.valueOf(kiosk.id()), false));
      assertThat(groups.named(Platform.COMPUTER, "No such group")).isEmpty();
      assertThatThrownBy(() -> groups.create(Platform.COMPUTER, pros))
          .isInstanceOfSatisfying(JamfException.class, e -> assertThat(e.status()).isEqualTo(422));
      assertThatThrownBy(
              () ->
                  groups.create(
                      Platform.COMPUTER,
                      new SmartGroupSpec(
                          "EA", null, null, List.of(c(0, "and", "Battery Cycles", "is", "3")))))
          .isInstanceOf(JamfBadRequestException.class)
          .hasMessageContaining("cannot evaluate field 'Battery Cycles'");
      assertThatThrownBy(() -> groups.get(Platform.COMPUTER, "9999"))
          .isInstanceOf(JamfNotFoundException.class);

      SmartGroupSpec iphones =
          new SmartGroupSpec(
              "iPhones", null, null, List.of(c(0, "and", "Model", "like", "iPhone")));
      String mobileId = groups.create(Platform.MOBILE, iphones);
      long phones =
          sim.fleet().mobileDevices().stream()
              .map(MobileDevice::model)
              .filter(m -> m.contains("iPhone"))
              .count();
      assertThat(groups.memberCount(Platform.MOBILE, mobileId)).isEqualTo(phones).isPositive();
      assertThat(groups.get(Platform.MOBILE, mobileId).criteria())
          .containsExactlyElementsOf(iphones.criteria());
      groups.update(
          Platform.MOBILE,
          mobileId,
          new SmartGroupSpec(
              "iPhones, supervised",
              null,
              "-1",
              List.of(
                  c(0, "and", "Model", "like", "iPhone"), c(1, "and", "Supervised", "is", "Yes"))));
      assertThat(groups.memberCount(Platform.MOBILE, mobileId))
          .isEqualTo(
              sim.fleet().mobileDevices().stream()
                  .filter(d -> d.model().contains("iPhone") && d.supervised())
                  .count());
      assertThat(groups.named(Platform.MOBILE, "iPhones, supervised"))
          .contains(new SmartGroups.Existing(mobileId, true));
      assertThat(groups.named(Platform.MOBILE, "Loaners"))
          .map(SmartGroups.Existing::smart)
          .contains(false);
      assertThat(sim.smartGroups().all(SmartGroupStore.Platform.MOBILE)).hasSize(4);
    }
  }

  @Test
  void jamfProBefore1128GetsTheV2ComputerGroupWrites() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(
                SimulatorConfig.of(c -> c.computers(30).jamfProVersion("11.27.1-t1")));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      SmartGroupSpec spec =
          new SmartGroupSpec(
              "Named", null, null, List.of(c(0, "and", "Computer Name", "like", "a")));
      String id = jamf.smartGroups().create(Platform.COMPUTER, spec);
      jamf.smartGroups().update(Platform.COMPUTER, id, spec);
      assertThat(jamf.smartGroups().get(Platform.COMPUTER, id).name()).isEqualTo("Named");
      assertThat(sim.requestLog().recent().stream().map(r -> r.replaceFirst("\\?.*", "")))
          .contains(
              "POST /api/v2/computer-groups/smart-groups",
              "PUT /api/v2/computer-groups/smart-groups/" + id)
          .noneMatch(p -> p.contains("/api/v3/computer-groups"));
    }
  }

  private static long countComputers(Computers truth, String model) {
    long n = 0;
    for (int row = 0; row < truth.size(); row++) {
      if (truth.model(row).model().contains(model)) {
        n++;
      }
    }
    return n;
  }
}
