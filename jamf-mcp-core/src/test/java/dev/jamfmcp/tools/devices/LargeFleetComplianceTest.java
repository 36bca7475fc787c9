package dev.jamfmcp.tools.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 100,000 computers: checkDeviceCompliance returns exactly the counts the simulator computes from
 * its own fleet, with a handful of requests and never a scan, and the streaming overview counts
 * every computer within the test JVM's 1 GiB heap.
 */
class LargeFleetComplianceTest {
  static final int COMPUTERS = 100_000;
  static JamfToolsFixture f;
  static Fleet fleet;
  static Computers c;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start(b -> b.computers(COMPUTERS).mobileDevices(10));
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
  void exactCountsForSeveralCutoffsWithoutPagingThroughTheFleet() {
    for (int days : List.of(1, 7, 30, 60, 90, 120, 365)) {
      f.sim.requestLog().clear();
      JsonNode s =
          f.data(
                  "checkDeviceCompliance",
                  "{\"daysSinceLastCheckin\":" + days + ",\"includeDevices\":false}")
              .get("summary");
      long cutoff = JamfToolsFixture.NOW.minus(Duration.ofDays(days)).toEpochMilli();
      long critical =
          JamfToolsFixture.NOW.minus(Duration.ofDays(Math.max(days, 90))).toEpochMilli();
      long noncompliant = fleet.countComputers(r -> c.lastContactMillis(r) < cutoff);
      long critical90 = fleet.countComputers(r -> c.lastContactMillis(r) < critical);
      assertThat(s.get("total").asLong()).isEqualTo(COMPUTERS);
      assertThat(s.get("noncompliant").asLong()).as("days %d", days).isEqualTo(noncompliant);
      assertThat(s.get("critical90Plus").asLong()).as("days %d", days).isEqualTo(critical90);
      assertThat(s.get("warning").asLong()).isEqualTo(noncompliant - critical90);
      assertThat(s.get("neverContacted").asLong())
          .isEqualTo(fleet.countComputers(c::neverCheckedIn))
          .isPositive();
      List<String> inventory =
          f.sim.requestLog().recent().stream()
              .filter(r -> r.startsWith("GET /api/v4/computers-inventory"))
              .toList();
      assertThat(inventory)
          .hasSize(4)
          .allSatisfy(r -> assertThat(r).contains("page-size=1").contains("page=0"));
    }
    // the same through the simulator's own RSQL evaluation, as a second ground truth
    String cutoff30 = JamfToolsFixture.NOW.minus(Duration.ofDays(30)).toString();
    assertThat(fleet.countComputers("general.lastContactTime<\"" + cutoff30 + "\""))
        .isEqualTo(
            fleet.countComputers(
                r ->
                    !c.neverCheckedIn(r)
                        && c.lastContactMillis(r)
                            < JamfToolsFixture.NOW.minus(Duration.ofDays(30)).toEpochMilli()));
  }

  @Test
  void deviceListIsOnePageAndTruncationIsReported() {
    var params = JamfToolsFixture.params("checkDeviceCompliance", "{\"limit\":2000}");
    params.putObject("_meta").put("progressToken", "compliance-1");
    JsonNode data = f.client.request("tools/call", params).get("result").get("structuredContent");
    long noncompliant = data.get("summary").get("noncompliant").asLong();
    assertThat(noncompliant).isGreaterThan(2000);
    assertThat(data.get("devices")).hasSize(2000);
    assertThat(data.get("truncated").asBoolean()).isTrue();
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(4);
    assertThat(f.client.related())
        .filteredOn(m -> m.path("method").asString().equals("notifications/progress"))
        .hasSize(4)
        .last()
        .satisfies(m -> assertThat(m.at("/params/total").asInt()).isEqualTo(4));
  }

  /** The whole baseline, exact on 100,000 computers, in the scan's 50 pages and no more. */
  @Test
  void complianceBaselineIsExactInOnePassOfTheFleet() throws Exception {
    JsonNode data =
        f.slowData(
            "checkComplianceBaseline",
            "{\"platform\":\"computers\",\"limit\":50}",
            Duration.ofMinutes(5));
    long[] truth = BaselineTruth.computers(fleet, JamfToolsFixture.NOW);
    JsonNode mac = data.at("/summary/computers");
    assertThat(mac.get("total").asLong()).isEqualTo(COMPUTERS);
    assertThat(mac.get("compliant").asLong()).isEqualTo(truth[0]);
    assertThat(mac.get("failing").asLong()).isEqualTo(truth[1]);
    assertThat(mac.get("unknown").asLong()).isEqualTo(truth[2]);
    assertThat(data.get("devices")).hasSize(50);
    assertThat(data.get("truncated").asBoolean()).isTrue();
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(COMPUTERS / 2000);
  }

  @Test
  void fleetOverviewStreamsEveryComputer() throws Exception {
    JsonNode data = f.slowData("getFleetOverview", "{}", Duration.ofMinutes(5));
    assertThat(data.get("total").asLong()).isEqualTo(COMPUTERS);
    long sum = 0;
    for (JsonNode n : data.get("byModel")) {
      sum += n.asLong();
    }
    assertThat(sum).isEqualTo(COMPUTERS);
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(COMPUTERS / 2000);
  }
}
