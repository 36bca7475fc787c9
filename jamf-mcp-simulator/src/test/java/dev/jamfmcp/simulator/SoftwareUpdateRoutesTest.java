package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.fleet.Computers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SoftwareUpdateRoutesTest {
  private static final String BASE = "/api/v1/managed-software-updates";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-02T09:00:00Z"));
  private SimulatedJamfPro jamf;
  private SimClient client;
  private Contract contract;

  @BeforeEach
  void start() throws Exception {
    jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(120).mobileDevices(30).clock(clock)));
    client = new SimClient(jamf).login();
    contract = Contract.load();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  private void schema(JsonNode body, String method, String path, int status) {
    assertThat(contract.problems(body, contract.responseSchema(method, path, status))).isEmpty();
  }

  private static String plan(String devices, String config) {
    return "{\"devices\":[" + devices + "],\"config\":" + config + "}";
  }

  /** A managed Mac on macOS 15.x or 26.0.x whose id does not end in 3 (no seeded plan). */
  private int macBelowLatest(boolean appleSilicon) {
    Computers c = jamf.fleet().computers();
    for (int row = 0; row < c.size(); row++) {
      String v = c.os(row).version();
      if (c.managed(row)
          && c.id(row) % 10 != 3
          && (v.startsWith("15.") || v.equals("26.0.1"))
          && c.model(row).appleSilicon() == appleSilicon
          && (!appleSilicon || "ESCROWED".equals(c.bootstrapTokenEscrowedStatus(row)))) {
        return c.id(row);
      }
    }
    throw new AssertionError("no such Mac");
  }

  @Test
  void toggleAvailableUpdatesAndSeededPlansFollowTheSchema() throws Exception {
    JsonNode toggle = client.get(BASE + "/plans/feature-toggle").json();
    assertThat(toggle.path("toggle").asBoolean()).isTrue();
    schema(toggle, "GET", "/v1/managed-software-updates/plans/feature-toggle", 200);

    JsonNode available = client.get(BASE + "/available-updates").json();
    assertThat(available.at("/availableUpdates/macOS/0").asString()).isEqualTo("26.1");
    schema(available, "GET", "/v1/managed-software-updates/available-updates", 200);
    // every macOS version of the fleet is offered
    Computers c = jamf.fleet().computers();
    List<String> offered = new ArrayList<>();
    available.at("/availableUpdates/macOS").forEach(v -> offered.add(v.asString()));
    for (int row = 0; row < c.size(); row++) {
      assertThat(offered).contains(c.os(row).version());
    }

    JsonNode plans = client.get(BASE + "/plans?page-size=500").json();
    schema(plans, "GET", "/v1/managed-software-updates/plans", 200);
    assertThat(plans.path("totalCount").asInt()).isEqualTo(12 + 3);
    List<String> states = new ArrayList<>();
    plans.path("results").forEach(p -> states.add(p.at("/status/state").asString()));
    assertThat(states).contains("PlanFailed", "DDMPlanScheduled");

    JsonNode failedMacs =
        client
            .get(
                BASE
                    + "/plans?filter="
                    + SimClient.encode("state==PlanFailed;device.objectType==COMPUTER"))
            .json();
    for (JsonNode p : failedMacs.path("results")) {
      assertThat(p.at("/status/errorReasons")).isNotEmpty();
      assertThat(p.at("/device/objectType").asString()).isEqualTo("COMPUTER");
    }

    String uuid = plans.at("/results/0/planUuid").asString();
    JsonNode one = client.get(BASE + "/plans/" + uuid).json();
    assertThat(one.path("planUuid").asString()).isEqualTo(uuid);
    schema(one, "GET", "/v1/managed-software-updates/plans/{id}", 200);
    assertThat(client.get(BASE + "/plans/NOPE").status()).isEqualTo(404);

    JsonNode statuses = client.get(BASE + "/update-statuses").json();
    schema(statuses, "GET", "/v1/managed-software-updates/update-statuses", 200);
    assertThat(statuses.path("totalCount").asInt()).isPositive();
  }

  @Test
  void aPlanIsDecidedByItsDeviceAndShowsInStatuses() throws Exception {
    int mac = macBelowLatest(true);
    SimClient.Reply created =
        client.post(
            BASE + "/plans",
            plan(
                "{\"deviceId\":\"" + mac + "\",\"objectType\":\"COMPUTER\"}",
                "{\"updateAction\":\"DOWNLOAD_INSTALL_ALLOW_DEFERRAL\",\"versionType\":"
                    + "\"LATEST_ANY\",\"maxDeferrals\":3}"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    schema(created.json(), "POST", "/v1/managed-software-updates/plans", 201);
    String uuid = created.json().at("/plans/0/planId").asString();
    JsonNode plan = client.get(BASE + "/plans/" + uuid).json();
    assertThat(plan.at("/status/state").asString()).isEqualTo("DDMPlanScheduled");
    assertThat(plan.path("maxDeferrals").asInt()).isEqualTo(3);

    clock.advance(Duration.ofHours(6));
    client = new SimClient(jamf).login(); // the token expired meanwhile
    JsonNode statuses = client.get(BASE + "/update-statuses/computers/" + mac).json();
    assertThat(statuses.path("totalCount").asInt()).isEqualTo(1);
    JsonNode status = statuses.at("/results/0");
    assertThat(status.path("status").asString()).isEqualTo("DOWNLOADING");
    assertThat(status.path("downloadPercentComplete").asDouble()).isEqualTo(0.5);
    assertThat(status.path("productKey").asString()).isEqualTo("macOSUpdate25B78");

    // a second plan while the first is in progress fails
    SimClient.Reply again =
        client.post(
            BASE + "/plans",
            plan(
                "{\"deviceId\":\"" + mac + "\",\"objectType\":\"COMPUTER\"}",
                "{\"updateAction\":\"DOWNLOAD_ONLY\",\"versionType\":\"LATEST_ANY\"}"));
    JsonNode second =
        client.get(BASE + "/plans/" + again.json().at("/plans/0/planId").asString()).json();
    assertThat(second.at("/status/errorReasons/0").asString())
        .isEqualTo("EXISTING_PLAN_FOR_DEVICE_IN_PROGRESS");
  }

  @Test
  void unmanagedMacsDowngradesAndUnknownVersionsFail() throws Exception {
    Computers c = jamf.fleet().computers();
    int unmanaged = -1;
    for (int row = 0; row < c.size() && unmanaged < 0; row++) {
      if (!c.managed(row) && c.id(row) % 10 != 3) {
        unmanaged = c.id(row);
      }
    }
    assertThat(unmanaged).isPositive();
    int mac = macBelowLatest(false);
    String config =
        "{\"updateAction\":\"DOWNLOAD_INSTALL\",\"versionType\":\"SPECIFIC_VERSION\","
            + "\"specificVersion\":\"%s\"}";
    assertThat(reason(unmanaged, config.formatted("26.1"))).isEqualTo("NOT_MANAGED");
    assertThat(reason(mac, config.formatted("13.7.8"))).isEqualTo("DOWNGRADE_NOT_SUPPORTED");
    assertThat(reason(mac, config.formatted("99.1"))).isEqualTo("SPECIFIC_VERSION_UNAVAILABLE");
  }

  private String reason(int computer, String config) throws Exception {
    SimClient.Reply created =
        client.post(
            BASE + "/plans",
            plan("{\"deviceId\":\"" + computer + "\",\"objectType\":\"COMPUTER\"}", config));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode plan =
        client.get(BASE + "/plans/" + created.json().at("/plans/0/planId").asString()).json();
    assertThat(plan.at("/status/state").asString()).isEqualTo("PlanFailed");
    return plan.at("/status/errorReasons/0").asString();
  }

  @Test
  void badRequestsChangeNothing() throws Exception {
    int before = client.get(BASE + "/plans").json().path("totalCount").asInt();
    String latest = "{\"updateAction\":\"DOWNLOAD_ONLY\",\"versionType\":\"LATEST_ANY\"}";
    assertThat(
            client
                .post(
                    BASE + "/plans",
                    plan("{\"deviceId\":\"99999\",\"objectType\":\"COMPUTER\"}", latest))
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .post(
                    BASE + "/plans",
                    plan("{\"deviceId\":\"1\",\"objectType\":\"APPLE_TV\"}", latest))
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .post(
                    BASE + "/plans",
                    plan(
                        "{\"deviceId\":\"1\",\"objectType\":\"COMPUTER\"}",
                        "{\"updateAction\":\"DOWNLOAD_INSTALL_ALLOW_DEFERRAL\","
                            + "\"versionType\":\"LATEST_ANY\"}"))
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .post(
                    BASE + "/plans/group",
                    "{\"group\":{\"groupId\":\"9999\",\"objectType\":\"COMPUTER_GROUP\"},"
                        + "\"config\":"
                        + latest
                        + "}")
                .status())
        .isEqualTo(404);
    assertThat(client.get(BASE + "/plans").json().path("totalCount").asInt()).isEqualTo(before);
  }

  @Test
  void groupPlansAndStatusesCoverTheMembers() throws Exception {
    SimClient.Reply created =
        client.post(
            BASE + "/plans/group",
            "{\"group\":{\"groupId\":\"1\",\"objectType\":\"COMPUTER_GROUP\"},\"config\":"
                + "{\"updateAction\":\"DOWNLOAD_ONLY\",\"versionType\":\"LATEST_ANY\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    int members = created.json().path("plans").size();
    assertThat(members).isPositive();
    JsonNode listed = client.get(BASE + "/plans/group/1?group-type=COMPUTER_GROUP").json();
    assertThat(listed.path("totalCount").asInt()).isEqualTo(members);
    assertThat(client.get(BASE + "/plans/group/1").status()).isEqualTo(400);
    JsonNode statuses = client.get(BASE + "/update-statuses/computer-groups/1").json();
    for (JsonNode s : statuses.path("results")) {
      assertThat(s.at("/device/objectType").asString()).isEqualTo("COMPUTER");
    }
    assertThat(client.get(BASE + "/update-statuses/computers/99999").status()).isEqualTo(404);
  }

  @Test
  void withTheToggleOffNoPlanIsListedOrCreated() throws Exception {
    SimClient.Reply off = client.put(BASE + "/plans/feature-toggle", "{\"toggle\":false}");
    assertThat(off.status()).isEqualTo(200);
    assertThat(client.get(BASE + "/plans/feature-toggle").json().path("toggle").asBoolean())
        .isFalse();
    assertThat(client.get(BASE + "/plans").json().path("totalCount").asInt()).isZero();
    assertThat(
            client
                .post(
                    BASE + "/plans",
                    plan(
                        "{\"deviceId\":\"1\",\"objectType\":\"COMPUTER\"}",
                        "{\"updateAction\":\"DOWNLOAD_ONLY\",\"versionType\":\"LATEST_ANY\"}"))
                .status())
        .isEqualTo(400);
  }
}
