package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The endpoints follow the server's version: v4 inventory and v3 groups on 11.30.1, v3 inventory
 * and v2 groups on 11.27, a clear refusal below the minimum; and lists of values never make a URL
 * over 4 KB.
 */
class EndpointLifecycleOnSimulatorTest {

  private static List<String> paths(SimulatedJamfPro sim) {
    return sim.requestLog().recent().stream().map(r -> r.replaceFirst("\\?.*", "")).toList();
  }

  @Test
  @Covers("JamfClient.serverVersion()")
  void currentJamfProGetsTheEndpointsThatAreNotDeprecated() {
    try (SimulatedJamfPro sim = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(30)));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      sim.requestLog().clear();
      ListQuery query =
          ListQuery.all()
              .withSections(ComputerSection.GENERAL)
              .withFilter(Rsql.ge("general.lastContactTime", "2000-01-01T00:00:00Z"))
              .withSort(Sort.desc("general.lastContactTime"));
      List<Computer> computers = jamf.computers().list(query).toList();
      assertThat(computers).hasSize(30);
      assertThat(computers).allSatisfy(c -> assertThat(c.general().lastContactTime()).isNotNull());
      jamf.computers().detail(computers.get(0).id());
      jamf.computerGroups().smartGroups(ListQuery.all()).toList();
      assertThat(jamf.serverVersion().toString()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
      assertThat(paths(sim))
          .contains(
              "GET /api/v4/computers-inventory",
              "GET /api/v4/computers-inventory-detail/" + computers.get(0).id(),
              "GET /api/v3/computer-groups/smart-groups")
          .noneMatch(p -> p.startsWith("GET /api/v3/computers-inventory"));
      // the filter and sort went out in v4's names
      assertThat(sim.requestLog().recent())
          .anyMatch(
              r ->
                  r.contains("general.lastContact%3E%3D")
                      && r.contains("general.lastContact%3Adesc"));
      assertThat(paths(sim)).filteredOn(p -> p.endsWith("jamf-pro-version")).hasSize(1);
    }
  }

  @Test
  void olderJamfProFallsBackToTheEndpointsItHas() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(
                SimulatorConfig.of(c -> c.computers(30).jamfProVersion("11.27.1-t1")));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      sim.requestLog().clear();
      List<Computer> computers =
          jamf.computers()
              .list(ListQuery.all().withFilter(Rsql.ge("general.lastContactTime", "2000-01-01")))
              .toList();
      assertThat(computers).hasSize(30);
      assertThat(computers.get(0).general().lastContactTime()).isNotNull();
      String groupId = jamf.computerGroups().smartGroups(ListQuery.all()).toList().get(0).id();
      jamf.computerGroups().smartGroupMembers(groupId);
      assertThat(paths(sim))
          .contains(
              "GET /api/v3/computers-inventory",
              "GET /api/v2/computer-groups/smart-groups",
              "GET /api/v2/computer-groups/smart-group-membership/" + groupId)
          .noneMatch(
              p -> p.startsWith("GET /api/v4/") || p.startsWith("GET /api/v3/computer-groups"));
    }
  }

  @Test
  void jamfProBelowTheMinimumIsRefusedWithTheVersionsNamed() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(
                SimulatorConfig.of(c -> c.computers(5).jamfProVersion("11.20.0")));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      assertThat(jamf.serverVersion().isSupported()).isFalse();
      sim.requestLog().clear();
      assertThatThrownBy(() -> jamf.computers().list(ListQuery.all()))
          .isInstanceOf(JamfUnsupportedVersionException.class)
          .hasMessageContaining("Jamf Pro 11.20.0 is older than 11.24.0");
      assertThat(sim.requestLog().count()).isZero();
    }
  }

  @Test
  @Covers("Computers.listAnyIn(ListQuery,Map,int)")
  void twoThousandIdsAreLookedUpInBatchesOfUrlsUnderFourKilobytes() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(2100).mobileDevices(1)));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 2000; i++) {
        ids.add(Integer.toString(i));
      }
      jamf.serverVersion();
      sim.requestLog().clear();
      List<Computer> found =
          jamf.computers()
              .listAnyIn(
                  ListQuery.all().withSections(ComputerSection.GENERAL).withSort(Sort.asc("id")),
                  Map.of("id", ids),
                  2000);
      assertThat(found).extracting(Computer::id).containsExactlyElementsOf(ids);
      List<String> sent = sim.requestLog().recent();
      assertThat(sent).hasSizeGreaterThan(1);
      String base = sim.baseUrl().toString();
      assertThat(sent)
          .allSatisfy(
              r ->
                  assertThat(base.length() + r.length() - r.indexOf(' ') - 1)
                      .isLessThanOrEqualTo(4096));
    }
  }

  @Test
  @Covers("MobileDevices.inventoryAnyIn(ListQuery,Map,int)")
  void mobileLookupsByManyNamesAreBatchedAndEachDeviceComesOnce() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(1).mobileDevices(150)));
        JamfClient jamf = Simulators.apiClient(sim).build()) {
      List<dev.jamfmcp.jamf.mobile.MobileDeviceInventory> all =
          jamf.mobileDevices()
              .inventory(
                  ListQuery.all().withSections(dev.jamfmcp.jamf.mobile.MobileDeviceSection.GENERAL))
              .toList();
      List<String> ids = all.stream().map(m -> m.mobileDeviceId()).toList();
      List<String> names = all.stream().map(m -> m.general().displayName()).toList();
      sim.requestLog().clear();
      List<dev.jamfmcp.jamf.mobile.MobileDeviceInventory> found =
          jamf.mobileDevices()
              .inventoryAnyIn(
                  ListQuery.all().withSections(dev.jamfmcp.jamf.mobile.MobileDeviceSection.GENERAL),
                  Map.of("mobileDeviceId", ids, "displayName", names),
                  1000);
      assertThat(found)
          .extracting(m -> m.mobileDeviceId())
          .containsExactlyInAnyOrderElementsOf(ids);
      assertThat(sim.requestLog().count()).isGreaterThan(1);
    }
  }
}
