package dev.jamfmcp.tools.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.tools.ComplianceBaseline;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** checkComplianceBaseline end to end on the 500-computer simulator, against its ground truth. */
class BaselineComplianceTest {
  static JamfToolsFixture f;
  static Fleet fleet;
  static Computers c;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    fleet = f.sim.fleet();
    c = fleet.computers();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void clean() {
    f.sim.requestLog().clear();
  }

  @Test
  void theDefaultBaselineCountsEveryDeviceExactlyInOnePassPerPlatform() {
    JsonNode data = f.data("checkComplianceBaseline", "{\"limit\":2000}");
    long[] truth = BaselineTruth.computers(fleet, JamfToolsFixture.NOW);
    JsonNode mac = data.at("/summary/computers");
    assertThat(mac.get("total").asLong()).isEqualTo(c.size());
    assertThat(
            new long[] {
              mac.get("compliant").asLong(),
              mac.get("failing").asLong(),
              mac.get("unknown").asLong()
            })
        .containsExactly(truth);
    assertThat(truth[1]).isPositive();
    assertThat(truth[2]).isPositive(); // not-collected values exist, and are not a verdict
    long[] mobileTruth = BaselineTruth.mobile(fleet, JamfToolsFixture.NOW);
    JsonNode mobile = data.at("/summary/mobileDevices");
    assertThat(
            new long[] {
              mobile.get("compliant").asLong(),
              mobile.get("failing").asLong(),
              mobile.get("unknown").asLong()
            })
        .containsExactly(mobileTruth);
    // one page per platform, only the sections the checks read
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(1);
    assertThat(f.requests("GET /api/v2/mobile-devices/detail")).isEqualTo(1);
    assertThat(f.sim.requestLog().recent())
        .filteredOn(r -> r.startsWith("GET /api/v4/computers-inventory"))
        .allSatisfy(r -> assertThat(r).doesNotContain("HARDWARE").doesNotContain("APPLICATIONS"));
    // every failing device is listed, each with what it failed
    assertThat(data.get("devices")).hasSize((int) (truth[1] + mobileTruth[1]));
    assertThat(data.get("truncated").asBoolean()).isFalse();
    assertThat(data.get("devices"))
        .allSatisfy(
            d -> {
              assertThat(d.get("ref").asString()).matches("(computer|mobile):[0-9]+");
              assertThat(d.get("failed").size()).isPositive();
            });
  }

  @Test
  void notCollectedIsUnknownNeverPassOrFail() {
    // SIP alone: NOT_COLLECTED and NOT_AVAILABLE are neither compliant nor failing
    JsonNode data =
        f.data(
            "checkComplianceBaseline",
            "{\"platform\":\"computers\",\"checkInDays\":0,\"inventoryDays\":0,"
                + "\"minMacOsVersion\":\"off\",\"fileVault\":false,\"gatekeeper\":false,"
                + "\"firewall\":false,\"mdmProfileDays\":0,\"bootstrapToken\":false,"
                + "\"includeDevices\":false}");
    JsonNode mac = data.at("/summary/computers");
    assertThat(mac.get("compliant").asLong())
        .isEqualTo(fleet.countComputers(r -> "ENABLED".equals(c.sipStatus(r))));
    assertThat(mac.get("failing").asLong())
        .isEqualTo(fleet.countComputers(r -> "DISABLED".equals(c.sipStatus(r))));
    long unknown =
        fleet.countComputers(
            r -> List.of("NOT_COLLECTED", "NOT_AVAILABLE").contains(c.sipStatus(r)));
    assertThat(unknown).isPositive();
    assertThat(mac.get("unknown").asLong()).isEqualTo(unknown);
    assertThat(mac.at("/checks/sip/unknown").asLong()).isEqualTo(unknown);
    assertThat(mac.at("/checks").size()).isEqualTo(1);
    assertThat(data.get("summary").has("mobileDevices")).isFalse();
    assertThat(f.requests("GET /api/v2/mobile-devices")).isZero();
  }

  @Test
  void failingDevicesSayWhichChecksFailedAndWhy() {
    int old = -1;
    for (int r = 0; r < c.size() && old < 0; r++) {
      if (c.os(r).major() == 13 && c.managed(r) && !c.neverCheckedIn(r)) {
        old = r;
      }
    }
    assertThat(old).isNotNegative();
    String name = c.name(old);
    JsonNode data =
        f.data("checkComplianceBaseline", "{\"platform\":\"computers\",\"limit\":2000}");
    String id = "computer:" + c.id(old);
    JsonNode device =
        data.get("devices")
            .valueStream()
            .filter(d -> d.get("ref").asString().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(device.get("name").asString()).isEqualTo(name);
    assertThat(device.at("/failed/osVersion").asString())
        .isEqualTo("macOS " + c.os(old).version() + " below 14.0");
    // a Mac that never checked in fails check-in and inventory, and the rest is unknown
    int never = -1;
    for (int r = 0; r < c.size() && never < 0; r++) {
      if (c.neverCheckedIn(r)) {
        never = r;
      }
    }
    assertThat(never).isNotNegative();
    String neverId = "computer:" + c.id(never);
    JsonNode silent =
        data.get("devices")
            .valueStream()
            .filter(d -> d.get("ref").asString().equals(neverId))
            .findFirst()
            .orElseThrow();
    assertThat(silent.at("/failed/checkIn").asString()).isEqualTo("never checked in");
    assertThat(silent.get("unknown").valueStream().map(JsonNode::asString).toList())
        .contains("fileVault", "sip", "gatekeeper", "firewall", "bootstrapToken");
  }

  @Test
  void perCallOverridesAndTheirErrors() {
    JsonNode strict =
        f.data(
            "checkComplianceBaseline",
            "{\"platform\":\"computers\",\"minMacOsVersion\":\"26.1\",\"includeDevices\":false}");
    assertThat(strict.at("/baseline/minMacOsVersion").asString()).isEqualTo("26.1");
    assertThat(strict.at("/summary/computers/checks/osVersion/pass").asLong())
        .isEqualTo(fleet.countComputers(r -> c.os(r).version().equals("26.1")));
    assertThat(f.error("checkComplianceBaseline", "{\"minMacOsVersion\":\"fifteen\"}"))
        .contains("minMacOsVersion must be a version")
        .contains("Nothing was checked");
    var dept = fleet.departments().get(2);
    JsonNode one =
        f.data(
            "checkComplianceBaseline",
            "{\"platform\":\"computers\",\"department\":\"" + dept.name() + "\"}");
    assertThat(one.at("/summary/computers/total").asLong())
        .isEqualTo(fleet.countComputers(r -> c.departmentId(r) == dept.id()));
  }

  @Test
  void theSettingsStringParsesAndRefusesNonsense() {
    ComplianceBaseline b =
        ComplianceBaseline.parse("checkInDays=14, minMacOsVersion=15.0,sip=false");
    assertThat(b.checkInDays()).isEqualTo(14);
    assertThat(b.minMacOsVersion()).isEqualTo("15.0");
    assertThat(b.sip()).isFalse();
    assertThat(b.firewall()).isTrue();
    assertThat(ComplianceBaseline.parse(" ")).isEqualTo(ComplianceBaseline.DEFAULT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComplianceBaseline.parse("color=red"))
        .hasMessageContaining("unknown compliance check 'color'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ComplianceBaseline.parse("checkInDays=-1"))
        .hasMessageContaining("checkInDays");
    assertThat(BaselineCompliance.atLeast("15.10", "15.9")).isTrue();
    assertThat(BaselineCompliance.atLeast("15", "15.0")).isTrue();
    assertThat(BaselineCompliance.atLeast("14.7.2", "15.0")).isFalse();
  }
}
