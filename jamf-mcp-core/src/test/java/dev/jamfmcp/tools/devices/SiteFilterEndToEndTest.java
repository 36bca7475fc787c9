package dev.jamfmcp.tools.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The site filter of searchDevices and searchMobileDevices (issue #16): Jamf Pro 11.30.1 cannot
 * filter inventory by site, so the tools match it while paging; totals stay exact and the request
 * cost is one site list plus one request per 2,000 devices the other filters match.
 */
class SiteFilterEndToEndTest {
  static JamfToolsFixture f;
  static Fleet fleet;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    fleet = f.sim.fleet();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void clean() {
    f.sim.requestLog().clear();
  }

  static long computerRequests() {
    return f.requests("GET /api/v3/computers-inventory") + f.requests("GET /api/v4/computers");
  }

  @Test
  void searchDevicesBySiteCountsExactlyAndCostsOneScanRequestPer2000() {
    Computers c = fleet.computers();
    int emea = fleet.countComputers(r -> c.siteId(r) == 2);
    int none = fleet.countComputers(r -> c.siteId(r) == 0);
    assertThat(emea).isPositive();
    assertThat(none).as("most devices are in no site").isGreaterThan(c.size() / 2);

    JsonNode data = f.data("searchDevices", "{\"site\":\"emea\",\"limit\":200}");
    assertThat(data.get("totalCount").asInt()).isEqualTo(emea);
    assertThat(data.get("devices")).hasSize(Math.min(emea, 200));
    for (JsonNode row : data.get("devices")) {
      assertThat(c.siteId(Integer.parseInt(row.get("id").asString()) - 1)).isEqualTo(2);
    }
    assertThat(f.requests("GET /api/v1/sites")).isEqualTo(1);
    assertThat(computerRequests()).isEqualTo((c.size() + 1999) / 2000);

    assertThat(f.data("searchDevices", "{\"site\":\"None\"}").get("totalCount").asInt())
        .isEqualTo(none);
  }

  @Test
  void siteCombinesWithServerSideFiltersAndPagesWithoutOverlap() {
    Computers c = fleet.computers();
    int fieldOffices = fleet.countComputers(r -> c.siteId(r) == 1);
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          f.data(
              "searchDevices",
              "{\"site\":\"Field Offices\",\"limit\":50"
                  + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
                  + "}");
      assertThat(page.get("totalCount").asInt()).isEqualTo(fieldOffices);
      page.get("devices").forEach(r -> assertThat(seen.add(r.get("id").asString())).isTrue());
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(seen).hasSize(fieldOffices);

    String building = fleet.buildings().get(2).name(); // New York: site 1
    int inBoth = fleet.countComputers(r -> c.siteId(r) == 1 && c.buildingId(r) == 3);
    JsonNode both =
        f.data("searchDevices", "{\"site\":\"Field Offices\",\"building\":\"" + building + "\"}");
    assertThat(both.get("totalCount").asInt()).isEqualTo(inBoth);
    assertThat(
            f.data("searchDevices", "{\"site\":\"EMEA\",\"building\":\"" + building + "\"}")
                .get("totalCount")
                .asInt())
        .isZero();
  }

  @Test
  void anUnknownSiteNamesTheSitesThereAreAndListJamfObjectsAgrees() {
    assertThat(f.error("searchDevices", "{\"site\":\"Mars\"}"))
        .contains("Field Offices")
        .contains("EMEA");
    JsonNode sites = f.data("listJamfObjects", "{\"kind\":\"sites\"}");
    assertThat(sites.toString()).contains("Field Offices").contains("EMEA");
  }

  @Test
  void searchMobileDevicesBySite() {
    long inSite = fleet.mobileDevices().stream().filter(m -> m.siteId() == 1).count();
    long none = fleet.mobileDevices().stream().filter(m -> m.siteId() == 0).count();
    JsonNode data = f.data("searchMobileDevices", "{\"site\":\"field offices\",\"limit\":200}");
    assertThat(data.get("totalCount").asLong()).isEqualTo(inSite).isPositive();
    for (JsonNode row : data.get("devices")) {
      MobileDevice d = fleet.mobileDevices().get(Integer.parseInt(row.get("id").asString()) - 1);
      assertThat(d.siteId()).isEqualTo(1);
      assertThat(row.get("ref").asString()).isEqualTo("mobile:" + d.id());
    }
    assertThat(f.requests("GET /api/v2/mobile-devices/detail")).isEqualTo(1);
    assertThat(f.data("searchMobileDevices", "{\"site\":\"none\"}").get("totalCount").asLong())
        .isEqualTo(none);
  }

  @Test
  void securityPostureOfOneSiteCountsItsMacsInTheSameRequests() {
    Computers c = fleet.computers();
    int emea = fleet.countComputers(r -> c.siteId(r) == 2);
    JsonNode data = f.data("getSecurityPosture", "{\"site\":\"EMEA\"}");
    assertThat(data.get("total").asInt()).isEqualTo(emea).isPositive();
    assertThat(data.get("site").asString()).isEqualTo("EMEA");
    JsonNode fileVault = data.get("fileVault");
    assertThat(
            fileVault.get("enabled").asInt()
                + fileVault.get("disabled").asInt()
                + fileVault.get("unknown").asInt())
        .isEqualTo(emea);
    assertThat(computerRequests()).isEqualTo((c.size() + 1999) / 2000);
    assertThat(f.requests("GET /api/v1/sites")).isEqualTo(1);
    int none = fleet.countComputers(r -> c.siteId(r) == 0);
    assertThat(f.data("getSecurityPosture", "{\"site\":\"none\"}").get("total").asInt())
        .isEqualTo(none);
  }

  @Test
  void complianceBaselinePerSiteAddsUpToTheWholeFleet() {
    JsonNode all = f.data("checkComplianceBaseline", "{\"includeDevices\":false}").get("summary");
    long computers = 0;
    long mobile = 0;
    long failing = 0;
    for (String site : new String[] {"Field Offices", "EMEA", "none"}) {
      JsonNode summary =
          f.data(
                  "checkComplianceBaseline",
                  "{\"site\":\"" + site + "\",\"includeDevices\":true,\"limit\":2000}")
              .get("summary");
      computers += summary.get("computers").get("total").asLong();
      mobile += summary.get("mobileDevices").get("total").asLong();
      failing += summary.get("computers").get("failing").asLong();
    }
    assertThat(computers).isEqualTo(all.get("computers").get("total").asLong());
    assertThat(mobile).isEqualTo(all.get("mobileDevices").get("total").asLong());
    assertThat(failing).isEqualTo(all.get("computers").get("failing").asLong());
    Computers c = fleet.computers();
    long emeaMobile = fleet.mobileDevices().stream().filter(m -> m.siteId() == 2).count();
    JsonNode emea = f.data("checkComplianceBaseline", "{\"site\":\"emea\",\"limit\":2000}");
    assertThat(emea.get("summary").get("computers").get("total").asInt())
        .isEqualTo(fleet.countComputers(r -> c.siteId(r) == 2));
    assertThat(emea.get("summary").get("mobileDevices").get("total").asLong())
        .isEqualTo(emeaMobile);
    for (JsonNode d : emea.get("devices")) {
      String ref = d.get("ref").asString();
      if (ref.startsWith("computer:")) {
        assertThat(c.siteId(Integer.parseInt(ref.substring(9)) - 1)).isEqualTo(2);
      } else {
        assertThat(fleet.mobileDevices().get(Integer.parseInt(ref.substring(7)) - 1).siteId())
            .isEqualTo(2);
      }
    }
  }
}
