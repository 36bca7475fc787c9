package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.effects.LogFlush;
import dev.jamfmcp.simulator.fleet.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClassicRoutesTest {
  private static SimulatedJamfPro jamf;
  private static SimClient client;

  @BeforeAll
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(300).mobileDevices(30)));
    client = new SimClient(jamf).login();
  }

  @AfterAll
  static void stop() {
    jamf.stop();
  }

  @BeforeEach
  void forget() {
    jamf.sideEffects().clear();
  }

  @Test
  void policiesListWithIntegerIds() throws Exception {
    SimClient.Reply reply = client.getClassic("/JSSResource/policies");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode policies = reply.json().path("policies");
    assertThat(policies).hasSize(jamf.fleet().policies().size());
    assertThat(policies.get(0).path("id").isInt()).isTrue();
    assertThat(policies.get(0).path("name").asString()).isEqualTo("Update Inventory");
    assertThat(reply.body()).startsWith("{\"policies\":[{\"id\":1,\"name\":");
  }

  @Test
  void policyDetailCarriesGeneralScopeAndSelfService() throws Exception {
    Policy withComputers =
        jamf.fleet().policies().stream()
            .filter(p -> !p.scope().deviceIds().isEmpty())
            .findFirst()
            .orElseThrow();
    JsonNode policy =
        client.getClassic("/JSSResource/policies/id/" + withComputers.id()).json().path("policy");
    assertThat(policy.path("general").path("id").asInt()).isEqualTo(withComputers.id());
    assertThat(policy.path("general").path("frequency").asString())
        .isEqualTo(withComputers.frequency());
    assertThat(policy.path("scope").path("all_computers").asBoolean()).isFalse();
    assertThat(policy.path("scope").path("computers"))
        .hasSize(withComputers.scope().deviceIds().size());
    assertThat(policy.path("scope").path("computers").get(0).path("id").isInt()).isTrue();
    assertThat(policy.path("self_service").path("use_for_self_service").asBoolean())
        .isEqualTo(withComputers.selfService());
    JsonNode grouped =
        client.getClassic("/JSSResource/policies/id/5").json().path("policy").path("scope");
    assertThat(grouped.path("computer_groups").get(0).path("name").asString())
        .isEqualTo("FileVault Not Enabled");
  }

  @Test
  void configurationProfilesForMacsAndMobiles() throws Exception {
    JsonNode mac = client.getClassic("/JSSResource/osxconfigurationprofiles").json();
    assertThat(mac.path("os_x_configuration_profiles")).hasSize(jamf.fleet().macProfiles().size());
    JsonNode macOne =
        client
            .getClassic("/JSSResource/osxconfigurationprofiles/id/1")
            .json()
            .path("os_x_configuration_profile");
    assertThat(macOne.path("general").path("payloads").asString()).contains("<plist");
    assertThat(macOne.path("scope").path("all_computers").asBoolean()).isTrue();
    JsonNode mobile = client.getClassic("/JSSResource/mobiledeviceconfigurationprofiles").json();
    assertThat(mobile.path("configuration_profiles")).hasSize(jamf.fleet().mobileProfiles().size());
    JsonNode mobileOne =
        client
            .getClassic("/JSSResource/mobiledeviceconfigurationprofiles/id/4")
            .json()
            .path("configuration_profile");
    assertThat(mobileOne.path("scope").path("mobile_devices").size()).isPositive();
  }

  @Test
  void classicErrorsAreHtmlStatusPages() throws Exception {
    for (String path :
        new String[] {
          "/JSSResource/policies/id/9999",
          "/JSSResource/nosuchthing",
          "/JSSResource/osxconfigurationprofiles/id/x"
        }) {
      SimClient.Reply reply = client.getClassic(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.header("Content-Type")).startsWith("text/html");
      assertThat(reply.body()).contains("<title>Status page</title>", "Not Found");
    }
  }

  @Test
  void readsWithoutAcceptJsonAreRefused() throws Exception {
    SimClient.Reply reply = client.get("/JSSResource/policies");
    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.body()).contains("Accept: application/json");
  }

  @Test
  void logFlushesAreRecorded() throws Exception {
    assertThat(client.delete("/JSSResource/logflush/policies/id/2/interval/Zero+Days").status())
        .isEqualTo(200);
    assertThat(client.delete("/JSSResource/logflush/policies/interval/Three+Months").status())
        .isEqualTo(200);
    String xml =
        "<logflush><log>policy</log><log_id>4</log_id><interval>THREE MONTHS</interval>"
            + "<computers><computer><id>1</id></computer><computer><id>2</id></computer></computers></logflush>";
    assertThat(client.deleteWithBody("/JSSResource/logflush", xml).status()).isEqualTo(200);
    assertThat(jamf.sideEffects().logFlushes())
        .extracting(LogFlush::policyId, LogFlush::interval, LogFlush::computerIds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "Zero Days", java.util.List.of()),
            org.assertj.core.groups.Tuple.tuple(null, "Three Months", java.util.List.of()),
            org.assertj.core.groups.Tuple.tuple(4, "THREE MONTHS", java.util.List.of(1, 2)));
  }

  @Test
  void badLogFlushesChangeNothing() throws Exception {
    assertThat(client.delete("/JSSResource/logflush/policies/id/999/interval/Zero+Days").status())
        .isEqualTo(404);
    assertThat(client.delete("/JSSResource/logflush/policies/id/2/interval/Forever").status())
        .isEqualTo(400);
    assertThat(client.deleteWithBody("/JSSResource/logflush", "<logflush>").status())
        .isEqualTo(400);
    assertThat(jamf.sideEffects().logFlushes()).isEmpty();
  }
}
