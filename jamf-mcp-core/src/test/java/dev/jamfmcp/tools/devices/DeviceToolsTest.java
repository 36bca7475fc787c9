package dev.jamfmcp.tools.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The computer tools end to end on a 500-computer simulated Jamf Pro, checked against its fleet.
 */
class DeviceToolsTest {
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
    f.sim.faults().clear();
    f.sim.requestLog().clear();
  }

  @Test
  void searchFindsByPartOfAnySearchableFieldInOneRequest() {
    String serial = c.serialNumber(7);
    JsonNode data =
        f.data("searchDevices", "{\"query\":\"" + serial.substring(2, 9).toLowerCase() + "\"}");
    assertThat(data.get("devices"))
        .anySatisfy(d -> assertThat(d.get("serial").asString()).isEqualTo(serial));
    JsonNode row = data.get("devices").get(0);
    assertThat(row.get("url").asString()).contains("/computers.html?id=");
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(1);

    String user = firstRow(r -> !c.username(r).isEmpty());
    JsonNode byUser =
        f.data(
            "searchDevices",
            "{\"query\":\"" + c.username(Integer.parseInt(user)) + "\",\"limit\":200}");
    assertThat(byUser.get("totalCount").asLong())
        .isEqualTo(
            (long) fleet.countComputers(r -> anyContains(r, c.username(Integer.parseInt(user)))));
  }

  @Test
  void searchTermsWithQuotesAndRsqlMetacharactersAreLiteral() {
    long obrien = fleet.countComputers(r -> anyContains(r, "O'Brien"));
    assertThat(obrien).isPositive();
    assertThat(
            f.data("searchDevices", "{\"query\":\"O'Brien\",\"limit\":200}")
                .get("totalCount")
                .asLong())
        .isEqualTo(obrien);
    for (String term : List.of("a\\\"b", "x,y;z(", "*", "\\\\", ")==(", "name==*")) {
      JsonNode result = f.call("searchDevices", "{\"query\":\"" + term + "\"}");
      assertThat(result.path("isError").asBoolean()).as(term).isFalse();
      assertThat(result.get("structuredContent").get("totalCount").asLong()).as(term).isZero();
    }
  }

  @Test
  void searchFiltersByDepartmentBuildingModelAndOsVersionServerSide() {
    var dept = fleet.departments().get(2);
    JsonNode data =
        f.data(
            "searchDevices",
            "{\"department\":\""
                + dept.name().toUpperCase()
                + "\",\"osVersion\":\"15\",\"model\":\"macbook\",\"limit\":200}");
    long expected =
        fleet.countComputers(
            r ->
                c.departmentId(r) == dept.id()
                    && c.os(r).version().startsWith("15.")
                    && c.model(r).model().toLowerCase().contains("macbook"));
    assertThat(data.get("totalCount").asLong()).isEqualTo(expected).isPositive();
    assertThat(data.get("devices"))
        .allSatisfy(
            d -> {
              assertThat(d.get("department").asString()).isEqualTo(dept.name());
              assertThat(d.get("osVersion").asString()).startsWith("15.");
            });
    long exact = f.data("searchDevices", "{\"osVersion\":\"15.6\"}").get("totalCount").asLong();
    assertThat(exact).isEqualTo(fleet.countComputers(r -> c.os(r).version().equals("15.6")));
  }

  @Test
  void unknownDepartmentIsAnErrorListingCloseMatches() {
    String name = fleet.departments().get(0).name();
    String message =
        f.error(
            "searchDevices", "{\"department\":\"" + name.substring(0, name.length() - 1) + "x\"}");
    assertThat(message).contains("no department named").contains(name);
  }

  @Test
  void cursorPagesThroughEveryMatchOnceAndRefusesForeignCursors() {
    Set<String> ids = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String args =
          "{\"model\":\"Mac mini\",\"limit\":7"
              + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
              + "}";
      JsonNode data = f.data("searchDevices", args);
      data.get("devices").forEach(d -> assertThat(ids.add(d.get("id").asString())).isTrue());
      cursor = data.get("nextCursor").isNull() ? null : data.get("nextCursor").asString();
      pages++;
      if (pages == 1) {
        assertThat(f.error("searchDevices", "{\"model\":\"iMac\",\"cursor\":\"" + cursor + "\"}"))
            .contains("different search");
      }
    } while (cursor != null);
    assertThat(ids).hasSize(fleet.countComputers(r -> c.model(r).model().contains("Mac mini")));
    assertThat(f.error("searchDevices", "{\"cursor\":\"not-a-cursor\"}"))
        .contains("not one this server issued");
  }

  @Test
  void detailsByIdSerialUdidAndNameWithNamesResolved() {
    int row =
        Integer.parseInt(
            firstRow(r -> c.departmentId(r) != 0 && c.buildingId(r) != 0 && unique(r)));
    String id = String.valueOf(c.id(row));
    for (String identifier :
        List.of(id, c.serialNumber(row), c.udid(row).toLowerCase(), c.name(row))) {
      JsonNode data = f.data("getDeviceDetails", "{\"identifier\":\"" + identifier + "\"}");
      assertThat(data.get("id").asString()).as(identifier).isEqualTo(id);
      assertThat(data.get("department").asString())
          .isEqualTo(fleet.departments().get(c.departmentId(row) - 1).name());
      assertThat(data.get("building").asString())
          .isEqualTo(fleet.buildings().get(c.buildingId(row) - 1).name());
      assertThat(data.get("inventory").has("security")).isTrue();
      assertThat(data.get("inventory").has("applications")).isFalse();
    }
    JsonNode apps =
        f.data(
            "getDeviceDetails", "{\"identifier\":\"" + id + "\",\"sections\":[\"APPLICATIONS\"]}");
    assertThat(apps.get("inventory").get("applications").size()).isPositive();
    assertThat(apps.get("inventory").has("hardware")).isFalse();
  }

  @Test
  void ambiguousNamesListTheCandidatesInsteadOfGuessing() {
    Map<String, Integer> names = new HashMap<>();
    IntStream.range(0, c.size()).forEach(r -> names.merge(c.name(r), 1, Integer::sum));
    String shared =
        names.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
    String message =
        f.error("getDeviceDetails", "{\"identifier\":\"" + shared.replace("\"", "\\\"") + "\"}");
    assertThat(message).contains("names " + names.get(shared) + " computers").contains("serial");
    assertThat(f.error("getDeviceDetails", "{\"identifier\":\"no-such-mac\"}"))
        .contains("searchDevices");
  }

  @Test
  void complianceMatchesGroundTruthInFourRequestsWithoutDevices() {
    long cutoff = JamfToolsFixture.NOW.minus(Duration.ofDays(30)).toEpochMilli();
    long critical = JamfToolsFixture.NOW.minus(Duration.ofDays(90)).toEpochMilli();
    JsonNode data = f.data("checkDeviceCompliance", "{\"includeDevices\":false}");
    JsonNode s = data.get("summary");
    assertThat(s.get("total").asLong()).isEqualTo(c.size());
    assertThat(s.get("noncompliant").asLong())
        .isEqualTo(fleet.countComputers(r -> c.lastContactMillis(r) < cutoff));
    assertThat(s.get("critical90Plus").asLong())
        .isEqualTo(fleet.countComputers(r -> c.lastContactMillis(r) < critical));
    assertThat(s.get("warning").asLong())
        .isEqualTo(s.get("noncompliant").asLong() - s.get("critical90Plus").asLong());
    assertThat(data.get("devices")).isEmpty();
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(4);
    assertThat(f.sim.requestLog().recent()).allSatisfy(r -> assertThat(r).doesNotContain("page=1"));
  }

  @Test
  void complianceListsOldestFirstUpToLimitAndSaysWhenTruncated() {
    var dept = fleet.departments().get(1);
    long cutoff = JamfToolsFixture.NOW.minus(Duration.ofDays(14)).toEpochMilli();
    long expected =
        fleet.countComputers(
            r -> c.departmentId(r) == dept.id() && c.lastContactMillis(r) < cutoff);
    assertThat(expected).isGreaterThan(3);
    JsonNode data =
        f.data(
            "checkDeviceCompliance",
            "{\"daysSinceLastCheckin\":14,\"department\":\"" + dept.name() + "\",\"limit\":3}");
    assertThat(data.get("summary").get("noncompliant").asLong()).isEqualTo(expected);
    assertThat(data.get("devices")).hasSize(3);
    assertThat(data.get("truncated").asBoolean()).isTrue();
    assertThat(data.get("note").asString()).contains("oldest");
    List<Long> days =
        data.get("devices").valueStream().map(d -> d.get("daysSince").asLong()).toList();
    assertThat(days)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a))
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(14));
    assertThat(data.get("devices").get(0).get("department").asString()).isEqualTo(dept.name());
  }

  @Test
  void fleetOverviewCountsEveryComputer() {
    JsonNode data = f.data("getFleetOverview", "{}");
    assertThat(data.get("total").asLong()).isEqualTo(c.size());
    assertThat(data.get("byOsVersion").get("26.1").asLong())
        .isEqualTo(fleet.countComputers(r -> c.os(r).version().equals("26.1")));
    var dept = fleet.departments().get(0);
    assertThat(data.get("byDepartment").get(dept.name()).asLong())
        .isEqualTo(fleet.countComputers(r -> c.departmentId(r) == dept.id()));
    assertThat(data.get("byFileVault").get("NOT_ENCRYPTED").asLong())
        .isEqualTo(fleet.countComputers(r -> "NOT_ENCRYPTED".equals(c.fileVault2Status(r))));
    long week = JamfToolsFixture.NOW.minus(Duration.ofDays(7)).toEpochMilli();
    assertThat(data.get("byCheckIn").get("under7Days").asLong())
        .isEqualTo(fleet.countComputers(r -> c.lastContactMillis(r) > week));
    long sum = 0;
    for (JsonNode n : data.get("byCheckIn")) {
      sum += n.asLong();
    }
    assertThat(sum).isEqualTo(c.size());
    assertThat(f.requests("GET /api/v4/computers-inventory"))
        .isEqualTo(1); // 500 computers: one page of 2000
  }

  @Test
  void securityPostureCountsEveryComputerOfADepartment() {
    var dept = fleet.departments().get(3);
    JsonNode data = f.data("getSecurityPosture", "{\"department\":\"" + dept.name() + "\"}");
    int inDept = fleet.countComputers(r -> c.departmentId(r) == dept.id());
    assertThat(data.get("total").asLong()).isEqualTo(inDept);
    assertThat(data.get("fileVault").get("enabled").asLong())
        .isEqualTo(
            fleet.countComputers(r -> c.departmentId(r) == dept.id() && c.fileVault2Enabled(r)));
    assertThat(data.get("sip").get("enabled").asLong())
        .isEqualTo(
            fleet.countComputers(
                r -> c.departmentId(r) == dept.id() && "ENABLED".equals(c.sipStatus(r))));
    assertThat(data.get("gatekeeper").get("disabled").asLong())
        .isEqualTo(
            fleet.countComputers(
                r -> c.departmentId(r) == dept.id() && "DISABLED".equals(c.gatekeeperStatus(r))));
    assertThat(data.get("firewall").get("enabled").asLong())
        .isEqualTo(
            fleet.countComputers(r -> c.departmentId(r) == dept.id() && c.firewallEnabled(r)));
    JsonNode os = data.get("osCurrency");
    assertThat(os.get("newestVersion").asString()).isEqualTo("26.1");
    assertThat(os.get("onNewestMajor").asLong())
        .isEqualTo(
            fleet.countComputers(
                r -> c.departmentId(r) == dept.id() && c.os(r).version().startsWith("26.")));
  }

  /** NOT_COLLECTED / NOT_AVAILABLE / absent are unknown: neither enabled nor disabled. */
  @Test
  void securityPostureCountsWhatWasNotCollectedAsUnknown() {
    JsonNode data = f.data("getSecurityPosture", "{}");
    int n = c.size();
    long sipUnknown =
        fleet.countComputers(
            r -> List.of("NOT_COLLECTED", "NOT_AVAILABLE").contains(c.sipStatus(r)));
    long gkUnknown = fleet.countComputers(r -> "NOT_COLLECTED".equals(c.gatekeeperStatus(r)));
    long fvUnknown = fleet.countComputers(r -> c.fileVault2Status(r) == null);
    long fwUnknown = fleet.countComputers(r -> !c.firewallCollected(r));
    assertThat(sipUnknown).isPositive();
    assertThat(gkUnknown).isPositive();
    assertThat(fvUnknown).isPositive();
    assertThat(fwUnknown).isPositive();
    JsonNode sip = data.get("sip");
    assertThat(sip.get("unknown").asLong()).isEqualTo(sipUnknown);
    assertThat(sip.get("enabled").asLong())
        .isEqualTo(fleet.countComputers(r -> "ENABLED".equals(c.sipStatus(r))));
    assertThat(sip.get("disabled").asLong())
        .isEqualTo(fleet.countComputers(r -> "DISABLED".equals(c.sipStatus(r))));
    JsonNode gk = data.get("gatekeeper");
    assertThat(gk.get("unknown").asLong()).isEqualTo(gkUnknown);
    assertThat(gk.get("disabled").asLong())
        .isEqualTo(fleet.countComputers(r -> "DISABLED".equals(c.gatekeeperStatus(r))));
    assertThat(gk.get("enabled").asLong()).isEqualTo(n - gkUnknown - gk.get("disabled").asLong());
    assertThat(data.get("fileVault").get("unknown").asLong()).isEqualTo(fvUnknown);
    assertThat(data.get("firewall").get("unknown").asLong()).isEqualTo(fwUnknown);
    assertThat(data.get("firewall").get("enabled").asLong())
        .isEqualTo(fleet.countComputers(c::firewallEnabled));
  }

  @Test
  void aPrincipalWithoutReadScopeIsRefused() {
    var stranger = f.client("write:jamf");
    JsonNode reply = stranger.request("tools/call", JamfToolsFixture.params("searchDevices", "{}"));
    String text = reply.toString();
    assertThat(text).contains("read:jamf");
    assertThat(f.sim.requestLog().count()).isZero();
  }

  @Test
  void jamfFailuresBecomeActionableErrors() {
    f.sim.faults().failNext(10, 503);
    String message = f.error("checkDeviceCompliance", "{}");
    assertThat(message).contains("unavailable").contains("Nothing was changed");
    f.sim.faults().clear();
    f.sim.revokeAllTokens();
    assertThat(f.data("searchDevices", "{\"limit\":1}").get("totalCount").asLong())
        .isEqualTo(c.size());
  }

  private static boolean anyContains(int r, String term) {
    String t = term.toLowerCase();
    return contains(c.name(r), t)
        || contains(c.serialNumber(r), t)
        || contains(c.username(r), t)
        || contains(c.realname(r), t)
        || contains(c.email(r), t)
        || contains(c.lastReportedIp(r), t)
        || contains(c.assetTag(r), t);
  }

  private static boolean contains(String value, String lowerTerm) {
    return value != null && value.toLowerCase().contains(lowerTerm);
  }

  private static boolean unique(int row) {
    return fleet.countComputers(r -> c.name(r).equals(c.name(row))) == 1;
  }

  private static String firstRow(java.util.function.IntPredicate p) {
    return String.valueOf(IntStream.range(0, c.size()).filter(p).findFirst().orElseThrow());
  }
}
