package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.inventory.Inventory;
import dev.jamfmcp.jamf.inventory.PrestageScope;
import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.PatchTitle;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.InstalledApps;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The inventory reads (client operations of {@code jamf.inventory} and patch status) and the tools
 * built on them, end to end on the simulator through the engine, compared with the simulator's own
 * data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class InventoryOperationsOnSimulatorTest {
  private JamfToolsFixture fx;
  private AdminObjects truth;

  @BeforeAll
  void start() {
    fx = JamfToolsFixture.start(b -> b.computers(300).mobileDevices(40));
    truth = AdminObjects.of(fx.sim.fleet());
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  private JsonNode list(String kind) {
    return fx.data("listJamfObjects", "{\"kind\":\"" + kind + "\"}");
  }

  @Test
  @Covers({
    "Inventory.packages(ListQuery)",
    "Inventory.sites()",
    "Inventory.users(ListQuery)",
    "Inventory.computerPrestages(ListQuery)",
    "Inventory.mobileDevicePrestages(ListQuery)",
    "Inventory.computerExtensionAttributes(ListQuery)",
    "Inventory.mobileDeviceExtensionAttributes(ListQuery)",
    "Inventory.macApps()",
    "Inventory.mobileDeviceApps()",
    "Inventory.mobileDeviceGroups(boolean,ListQuery)"
  })
  void listJamfObjectsReturnsEveryKindAsTheServerHasIt() {
    assertThat(list("packages").path("total").intValue()).isEqualTo(truth.packages().size());
    assertThat(list("packages").at("/items/4/osInstall").booleanValue()).isTrue();
    assertThat(list("sites").at("/items/1/name").stringValue()).isEqualTo("EMEA");
    JsonNode users = list("endUsers");
    assertThat(users.path("total").intValue()).isEqualTo(truth.users().size()).isPositive();
    assertThat(users.at("/items/0/name").stringValue()).isEqualTo(truth.users().get(0).username());
    assertThat(list("computerPrestages").at("/items/0/default").booleanValue()).isTrue();
    assertThat(list("mobilePrestages").at("/items/1/name").stringValue()).isEqualTo("Shared iPads");
    JsonNode eas = list("computerExtensionAttributes");
    assertThat(eas.path("total").intValue()).isEqualTo(4);
    assertThat(eas.at("/items/3/enabled").booleanValue()).isFalse();
    assertThat(list("mobileExtensionAttributes").path("total").intValue()).isEqualTo(2);
    assertThat(list("macApps").at("/items/0/name").stringValue()).isEqualTo("Xcode");
    assertThat(list("mobileApps").at("/items/0/bundleId").stringValue())
        .isEqualTo("com.microsoft.Office.Outlook");
    JsonNode smart = list("mobileSmartGroups");
    assertThat(smart.path("total").intValue()).isEqualTo(3);
    assertThat(smart.at("/items/0/members").intValue())
        .isEqualTo(truth.mobileGroups().get(0).memberIds().size());
    assertThat(list("mobileStaticGroups").path("total").intValue()).isEqualTo(2);
    JsonNode filtered =
        fx.data("listJamfObjects", "{\"kind\":\"packages\",\"query\":\"zoom\",\"limit\":1}");
    assertThat(filtered.path("total").intValue()).isEqualTo(1);
    assertThat(fx.error("listJamfObjects", "{\"kind\":\"printers\"}")).isNotBlank();
  }

  @Test
  @Covers({
    "Inventory.mobileDeviceGroupMembers(boolean,String,ListQuery)",
    "Inventory.mobileDeviceSmartGroup(String)",
    "Inventory.computerSmartGroup(String)"
  })
  void smartGroupCriteriaOfBothKindsAndMobileMembers() {
    AdminObjects.MobileGroup ipads = truth.mobileGroups().get(0);
    List<String> members =
        fx.jamf.inventory().mobileDeviceGroupMembers(true, "1", ListQuery.all()).toList().stream()
            .map(m -> m.mobileDeviceId())
            .toList();
    assertThat(members)
        .containsExactlyElementsOf(ipads.memberIds().stream().map(String::valueOf).toList());
    assertThat(fx.jamf.inventory().mobileDeviceGroupMembers(false, "4", ListQuery.all()).count())
        .isEqualTo(truth.mobileGroups().get(3).memberIds().size());

    JsonNode mobile =
        fx.data("getSmartGroupCriteria", "{\"groupId\":\"1\",\"deviceType\":\"mobile\"}");
    assertThat(mobile.at("/criteria/0/name").stringValue()).isEqualTo("Model");
    assertThat(mobile.at("/criteria/0/value").stringValue()).isEqualTo("iPad");

    int computerGroup = fx.sim.fleet().smartGroups().get(0).id();
    JsonNode computer = fx.data("getSmartGroupCriteria", "{\"groupId\":\"" + computerGroup + "\"}");
    assertThat(computer.path("name").stringValue())
        .isEqualTo(fx.sim.fleet().smartGroups().get(0).name());
    assertThat(computer.path("criteria").size()).isPositive();
    assertThat(fx.error("getSmartGroupCriteria", "{\"groupId\":\"99999\"}")).isNotBlank();
  }

  @Test
  @Covers("Inventory.computerApplications(ListQuery)")
  void findComputersBySoftwareCountsChromeBelow120Exactly() {
    Computers c = fx.sim.fleet().computers();
    int withChrome = 0;
    int below = 0;
    for (int row = 0; row < c.size(); row++) {
      for (InstalledApps.App app : InstalledApps.forRow(fx.sim.fleet().seed(), row)) {
        if (app.name().equals("Google Chrome")) {
          withChrome++;
          if (Integer.parseInt(app.version().split("\\.")[0]) < 120) {
            below++;
          }
        }
      }
    }
    JsonNode result =
        fx.data(
            "findComputersBySoftware",
            "{\"application\":\"chrome\",\"belowVersion\":\"120\",\"limit\":5}");
    assertThat(below).isPositive().isLessThan(withChrome);
    assertThat(result.path("computersScanned").intValue()).isEqualTo(c.size());
    assertThat(result.path("computersWithApplication").intValue()).isEqualTo(withChrome);
    assertThat(result.path("matching").intValue()).isEqualTo(below);
    assertThat(result.path("matchingByVersion").has("120.0.6099.109")).isFalse();
    assertThat(result.path("matchingByVersion").has("119.0.6045.199")).isTrue();
    assertThat(result.path("returned").intValue()).isEqualTo(Math.min(5, below));
  }

  @Test
  @Covers({"PatchTitles.versionCounts(String)", "PatchTitles.report(String,ListQuery)"})
  void patchStatusPerVersionAgreesWithInstalledApps() {
    PatchTitle chrome =
        fx.sim.fleet().patchTitles().stream()
            .filter(t -> t.softwareTitleName().equals("Google Chrome"))
            .findFirst()
            .orElseThrow();
    Computers c = fx.sim.fleet().computers();
    int total = 0;
    int newest = 0;
    for (int row = 0; row < c.size(); row++) {
      for (InstalledApps.App app : InstalledApps.forRow(fx.sim.fleet().seed(), row)) {
        if (app.title().equals("Google Chrome")) {
          total++;
          newest += app.version().equals(chrome.latestVersion()) ? 1 : 0;
        }
      }
    }
    JsonNode status =
        fx.data("getPatchStatus", "{\"titleId\":\"" + chrome.id() + "\",\"limit\":3}");
    assertThat(status.path("newestVersion").stringValue()).isEqualTo(chrome.latestVersion());
    assertThat(status.path("computers").intValue()).isEqualTo(total);
    assertThat(status.path("onNewest").intValue()).isEqualTo(newest);
    assertThat(status.path("behind").intValue()).isEqualTo(total - newest).isPositive();
    assertThat(status.path("behindComputers").size()).isEqualTo(3);
    assertThat(status.at("/behindComputers/0/version").stringValue())
        .isNotEqualTo(chrome.latestVersion());
    assertThat(fx.jamf.patchTitles().report(String.valueOf(chrome.id()), ListQuery.all()).count())
        .isEqualTo(total);
  }

  @Test
  @Covers({"Inventory.computerHistory(int)", "Inventory.mobileDeviceHistory(int)"})
  void deviceHistoryShowsPolicyLogsAndCommands() {
    JsonNode computer = fx.data("getDeviceHistory", "{\"device\":\"computer:7\"}");
    assertThat(computer.path("policyRuns").intValue()).isPositive();
    assertThat(computer.at("/commands/completed/0/name").stringValue())
        .isEqualTo("DeviceInformation");
    JsonNode failed = fx.data("getDeviceHistory", "{\"device\":\"7\",\"failedOnly\":true}");
    assertThat(failed.path("policyRuns").intValue())
        .isEqualTo(computer.path("policyRunsFailed").intValue());
    failed
        .path("policyLogs")
        .forEach(l -> assertThat(l.path("status").stringValue()).isEqualTo("Failed"));
    JsonNode mobile = fx.data("getDeviceHistory", "{\"device\":\"mobile:3\"}");
    assertThat(mobile.at("/commands/completed").size()).isEqualTo(1 + truth.mobileApps().size());
    assertThat(fx.error("getDeviceHistory", "{\"device\":\"printer:3\"}")).contains("device id");
    assertThat(fx.error("getDeviceHistory", "{\"device\":\"computer:999999\"}")).isNotBlank();
  }

  @Test
  void listJamfObjectsListsCategoriesFilteredByJamf() {
    JsonNode all = list("categories");
    assertThat(all.path("total").intValue()).isEqualTo(fx.sim.fleet().categories().size());
    assertThat(all.at("/items/1/name").stringValue()).isEqualTo("Security");
    assertThat(all.at("/items/1/priority").intValue()).isEqualTo(5);
    long before = fx.requests("GET /api/v1/categories?");
    JsonNode some = fx.data("listJamfObjects", "{\"kind\":\"categories\",\"query\":\"TOOL\"}");
    assertThat(some.path("total").intValue()).isEqualTo(1);
    assertThat(some.at("/items/0/name").stringValue()).isEqualTo("Developer Tools");
    assertThat(fx.requests("GET /api/v1/categories?")).isEqualTo(before + 1);
    // the name filter went to Jamf as RSQL
    List<String> sent =
        fx.sim.requestLog().recent().stream()
            .filter(r -> r.startsWith("GET /api/v1/categories?"))
            .toList();
    assertThat(sent.get(sent.size() - 1)).contains("filter=");
  }

  @Test
  @Covers({
    "Inventory.prestageScope(boolean,String)",
    "Inventory.prestageOfEachSerial(boolean)",
    "Inventory.addToPrestageScope(boolean,String,Collection,int)",
    "Inventory.removeFromPrestageScope(boolean,String,Collection,int)"
  })
  void prestageScopesAreReadAndChangedWithTheirVersionLock() {
    Inventory inv = fx.jamf.inventory();
    String first = fx.sim.fleet().computers().serialNumber(0);
    String free = fx.sim.fleet().computers().serialNumber(199);
    PrestageScope corporate = inv.prestageScope(false, "1");
    assertThat(corporate.prestageId()).isEqualTo("1");
    assertThat(corporate.serialNumbers()).contains(first).doesNotContain(free);
    assertThat(corporate.assignments().get(0).userAssigned()).isEqualTo("admin");
    assertThat(inv.prestageOfEachSerial(false)).containsEntry(first, "1").doesNotContainKey(free);

    PrestageScope added =
        inv.addToPrestageScope(false, "1", List.of(free), corporate.versionLock());
    assertThat(added.versionLock()).isEqualTo(corporate.versionLock() + 1);
    assertThat(added.serialNumbers()).contains(free);
    assertThatThrownBy(() -> inv.addToPrestageScope(false, "2", List.of(free), 1))
        .isInstanceOf(JamfBadRequestException.class)
        .satisfies(e -> assertThat(((JamfException) e).errorCode()).contains("ALREADY_SCOPED"));
    assertThatThrownBy(
            () -> inv.removeFromPrestageScope(false, "1", List.of(free), corporate.versionLock()))
        .isInstanceOf(JamfBadRequestException.class)
        .satisfies(e -> assertThat(((JamfException) e).status()).isEqualTo(409));
    PrestageScope removed =
        inv.removeFromPrestageScope(false, "1", List.of(free), added.versionLock());
    assertThat(removed.serialNumbers()).doesNotContain(free);
    assertThat(inv.prestageOfEachSerial(false)).doesNotContainKey(free);

    String iphone = fx.sim.fleet().mobileDevices().get(0).serialNumber();
    assertThat(inv.prestageScope(true, "1").serialNumbers()).contains(iphone);
    assertThat(inv.prestageOfEachSerial(true)).containsEntry(iphone, "1");
    assertThatThrownBy(() -> inv.prestageScope(true, "9"))
        .isInstanceOf(JamfNotFoundException.class);
  }
}
