package dev.jamfmcp.tools.updates;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.effects.UpdatePlanCreation;
import dev.jamfmcp.simulator.fleet.Computers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * getSoftwareUpdateStatus and createSoftwareUpdatePlan end to end on the simulator, through the
 * engine with schema validation: counts by outcome match the plans Jamf lists, failed Macs come
 * with their reasons and names in one call, a plan is previewed with its devices and target, needs
 * a person (approve) when it installs and a confirmation for DOWNLOAD_ONLY, and bad input or a plan
 * feature switched off changes nothing.
 */
class SoftwareUpdateToolsEndToEndTest {
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  private static JsonNode read(String arguments) {
    JsonNode r = result(fx.tokenClient(ALICE), "getSoftwareUpdateStatus", args(arguments));
    assertThat(r.path("isError").asBoolean(false)).as(r.toString()).isFalse();
    return r.path("structuredContent");
  }

  /** A managed Mac below the newest macOS, with no plan yet (id not ending in 3). */
  private static int macToUpdate(boolean appleSilicon, int skip) {
    Computers c = fx.computers();
    int seen = 0;
    for (int row = 0; row < c.size(); row++) {
      String v = c.os(row).version();
      if (c.managed(row)
          && c.id(row) % 10 != 3
          && !v.equals("26.1")
          && c.model(row).appleSilicon() == appleSilicon
          && (!appleSilicon || "ESCROWED".equals(c.bootstrapTokenEscrowedStatus(row)))
          && seen++ == skip) {
        return c.id(row);
      }
    }
    throw new AssertionError("no such Mac");
  }

  @Test
  void failedMacPlansComeWithReasonsNamesAndExactCounts() {
    JsonNode all = read("{'deviceType':'computer','limit':100}");
    assertThat(all.path("featureEnabled").asBoolean()).isTrue();
    assertThat(all.at("/availableUpdates/macOS/0").asString()).isEqualTo("26.1");
    JsonNode counts = all.path("planCounts");
    assertThat(
            counts.path("failed").asInt()
                + counts.path("inProgress").asInt()
                + counts.path("completed").asInt()
                + counts.path("canceled").asInt())
        .isEqualTo(counts.path("total").asInt());
    // ids 3, 13, ... 293 of 300 Macs have a plan from the last days, and other tests add some
    assertThat(counts.path("total").asInt()).isGreaterThanOrEqualTo(30);

    JsonNode failed = read("{'deviceType':'computer','outcome':'failed','limit':100}");
    assertThat(failed.path("plans")).hasSize(counts.path("failed").asInt());
    assertThat(failed.path("plans")).isNotEmpty();
    for (JsonNode p : failed.path("plans")) {
      assertThat(p.path("outcome").asString()).isEqualTo("failed");
      assertThat(p.path("errorReasons")).isNotEmpty();
      assertThat(p.at("/device/ref").asString()).startsWith("computer:");
      assertThat(p.at("/device/name").asString()).isNotBlank();
      int id = Integer.parseInt(p.at("/device/ref").asString().substring("computer:".length()));
      int row = fx.computers().rowOf(id);
      String reason = p.at("/errorReasons/0").asString();
      if (reason.equals("NOT_MANAGED")) {
        assertThat(fx.computers().managed(row)).isFalse();
      }
      if (reason.equals("APPLE_SILICON_NO_ESCROW_KEY")) {
        assertThat(fx.computers().bootstrapTokenEscrowedStatus(row)).isNotEqualTo("ESCROWED");
      }
    }
    assertThat(failed.path("errorReasons").size()).isPositive();
    assertThat(failed.path("statusCounts").size()).isPositive();
  }

  @Test
  void aDownloadOnlyPlanIsConfirmedAndAnInstallNeedsAPerson() {
    TestClient alice = fx.tokenClient(ALICE);
    int mac = macToUpdate(true, 0);
    var download =
        args(
            "{'deviceIds':['computer:"
                + mac
                + "'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}");
    JsonNode preview = result(alice, "createSoftwareUpdatePlan", download);
    assertThat(preview.at("/structuredContent/status").asString())
        .isEqualTo("confirmation_required");
    assertThat(text(preview))
        .contains("download only the latest version")
        .contains("computer:" + mac)
        .contains("nothing is installed");
    assertThat(fx.effects().updatePlans()).isEmpty();
    JsonNode done = WriteToolsFixture.confirmed(alice, "createSoftwareUpdatePlan", download);
    assertThat(done.at("/structuredContent/status").asString()).isEqualTo("executed");
    String planId = done.at("/structuredContent/plans/0/planId").asString();
    List<UpdatePlanCreation> created = fx.effects().updatePlans();
    assertThat(created).hasSize(1);
    assertThat(created.get(0).deviceId()).isEqualTo(mac);
    assertThat(created.get(0).updateAction()).isEqualTo("DOWNLOAD_ONLY");

    JsonNode one = read("{'planId':'" + planId + "'}");
    assertThat(one.at("/plans/0/outcome").asString()).isEqualTo("inProgress");
    JsonNode device = read("{'device':'computer:" + mac + "'}");
    assertThat(device.path("plans")).hasSize(1);
    assertThat(device.at("/statuses/0/status").asString()).isEqualTo("DOWNLOADING");

    int other = macToUpdate(true, 1);
    var install =
        args(
            "{'deviceIds':['computer:"
                + other
                + "'],'updateAction':'DOWNLOAD_INSTALL_ALLOW_DEFERRAL','maxDeferrals':3,"
                + "'versionType':'SPECIFIC_VERSION','specificVersion':'26.1'}");
    JsonNode approval = result(alice, "createSoftwareUpdatePlan", install);
    assertThat(approval.at("/structuredContent/status").asString()).isEqualTo("approval_required");
    assertThat(text(approval)).contains("version 26.1").contains("defer 3 times");
    assertThat(fx.effects().updatePlans()).hasSize(1);
    JsonNode installed = fx.agreed(alice, "createSoftwareUpdatePlan", install);
    assertThat(installed.at("/structuredContent/status").asString()).isEqualTo("executed");
    assertThat(fx.effects().updatePlans()).hasSize(2);
    assertThat(fx.effects().updatePlans().get(1).state()).isEqualTo("DDMPlanScheduled");
  }

  @Test
  void aGroupPlanNeedsAPersonAndCoversTheMembers() {
    TestClient alice = fx.tokenClient(ALICE);
    String group = String.valueOf(fx.sim.fleet().smartGroups().get(0).id());
    var args =
        args(
            "{'groupId':'"
                + group
                + "','updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_MINOR'}");
    JsonNode done = fx.agreed(alice, "createSoftwareUpdatePlan", args);
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    int made = done.at("/structuredContent/plans").size();
    assertThat(fx.effects().updatePlans()).hasSize(made);
    JsonNode listed = read("{'groupId':'" + group + "','limit':100}");
    assertThat(listed.at("/planCounts/total").asInt()).isEqualTo(made);
  }

  @Test
  void badInputUnmanagedDevicesAndUnofferedVersionsChangeNothing() {
    TestClient alice = fx.tokenClient(ALICE);
    int unmanaged = -1;
    Computers c = fx.computers();
    for (int row = 0; row < c.size() && unmanaged < 0; row++) {
      if (!c.managed(row)) {
        unmanaged = c.id(row);
      }
    }
    assertThat(unmanaged).isPositive();
    int mac = macToUpdate(false, 0);
    String[] refused = {
      "{'deviceIds':['computer:"
          + unmanaged
          + "'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}",
      "{'deviceIds':['computer:"
          + mac
          + "'],'updateAction':'DOWNLOAD_INSTALL','versionType':'SPECIFIC_VERSION','specificVersion':'99.1'}",
      "{'deviceIds':['computer:"
          + mac
          + "'],'updateAction':'DOWNLOAD_INSTALL_ALLOW_DEFERRAL','versionType':'LATEST_ANY'}",
      "{'deviceIds':['computer:"
          + mac
          + "'],'updateAction':'DOWNLOAD_INSTALL_SCHEDULE','versionType':'LATEST_ANY'}",
      "{'deviceIds':['computer:"
          + mac
          + "'],'updateAction':'DOWNLOAD_INSTALL','versionType':'LATEST_ANY','forceInstallLocalDateTime':'tomorrow'}",
      "{'deviceIds':['computer:"
          + mac
          + "','mobile:1'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}",
      "{'deviceIds':['computer:"
          + mac
          + "'],'groupId':'1','updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}",
      "{'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}"
    };
    for (String a : refused) {
      JsonNode r = result(alice, "createSoftwareUpdatePlan", args(a));
      assertThat(r.path("isError").asBoolean()).as(a + " -> " + r).isTrue();
      assertThat(text(r)).contains("Nothing was done");
    }
    assertThat(text(result(alice, "createSoftwareUpdatePlan", args(refused[0]))))
        .contains("Not MDM-managed");
    assertThat(text(result(alice, "createSoftwareUpdatePlan", args(refused[1])))).contains("26.1");
    fx.assertNothingSentToJamf();
  }

  @Test
  void withPlansSwitchedOffTheToolsSaySo() throws Exception {
    toggle(false);
    try {
      JsonNode r = read("{'deviceType':'computer'}");
      assertThat(r.path("featureEnabled").asBoolean()).isFalse();
      assertThat(r.path("plans")).isEmpty();
      JsonNode raw = result(fx.tokenClient(ALICE), "getSoftwareUpdateStatus", args("{}"));
      assertThat(text(raw)).contains("turned off");
      JsonNode refused =
          result(
              fx.tokenClient(ALICE),
              "createSoftwareUpdatePlan",
              args(
                  "{'deviceIds':['computer:1'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}"));
      assertThat(refused.path("isError").asBoolean()).isTrue();
      assertThat(text(refused)).contains("turned off").contains("Nothing was done");
      fx.assertNothingSentToJamf();
    } finally {
      toggle(true);
    }
  }

  /** Switches the feature as an admin would, with the API (no tool does). */
  private static void toggle(boolean on) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode("sim-client", StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode("sim-secret", StandardCharsets.UTF_8);
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(fx.sim.baseUrl() + "/api/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String bearer =
        dev.jamfmcp.mcp.jsonrpc.Json.mapper()
            .readTree(token.body())
            .path("access_token")
            .asString();
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        fx.sim.baseUrl() + "/api/v1/managed-software-updates/plans/feature-toggle"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"toggle\":" + on + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
  }
}
