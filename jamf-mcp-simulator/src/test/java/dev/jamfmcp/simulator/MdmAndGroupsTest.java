package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.effects.GroupMembershipChange;
import dev.jamfmcp.simulator.effects.MdmCommand;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MdmAndGroupsTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-02T09:00:00Z"));
  private SimulatedJamfPro jamf;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                c ->
                    c.computers(200)
                        .mobileDevices(10)
                        .clock(clock)
                        .mdmAcknowledgeAfter(Duration.ofSeconds(30))));
    client = new SimClient(jamf).login();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  private SimClient.Reply command(String type, String... managementIds) throws Exception {
    List<String> clients = new ArrayList<>();
    for (String id : managementIds) {
      clients.add("{\"managementId\":\"" + id + "\"}");
    }
    return client.post(
        "/api/v2/mdm/commands",
        "{\"clientData\":["
            + String.join(",", clients)
            + "],\"commandData\":{\"commandType\":\""
            + type
            + "\"}}");
  }

  private JsonNode commandsFor(String managementId) throws Exception {
    return client
        .get(
            "/api/v2/mdm/commands?filter="
                + SimClient.encode("clientManagementId==" + managementId))
        .json();
  }

  @Test
  void queuedCommandsArePendingUntilTheDeviceAnswers() throws Exception {
    String mac = jamf.fleet().computers().managementId(4);
    String phone = jamf.fleet().mobileDevices().get(1).managementId();
    SimClient.Reply reply = command("RESTART_DEVICE", mac, phone);
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json()).hasSize(2);
    assertThat(reply.json().get(0).path("id").asString()).isNotBlank();
    assertThat(reply.json().get(0).path("href").asString())
        .contains(reply.json().get(0).path("id").asString());

    assertThat(jamf.sideEffects().mdmCommands())
        .extracting(MdmCommand::deviceId, MdmCommand::clientType, MdmCommand::commandType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5, "COMPUTER", "RESTART_DEVICE"),
            org.assertj.core.groups.Tuple.tuple(2, "MOBILE_DEVICE", "RESTART_DEVICE"));
    JsonNode listed = commandsFor(mac);
    assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
    assertThat(listed.path("results").get(0).path("commandState").asString()).isEqualTo("PENDING");
    assertThat(listed.path("results").get(0).get("dateCompleted").isNull()).isTrue();

    clock.advance(Duration.ofSeconds(30));
    JsonNode later = commandsFor(mac).path("results").get(0);
    assertThat(later.path("commandState").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(later.path("dateCompleted").asString()).isEqualTo("2026-02-02T09:00:30Z");
    assertThat(
            client
                .get("/api/v2/mdm/commands?filter=" + SimClient.encode("status==acknowledged"))
                .json()
                .path("totalCount")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void explicitAcknowledgementThroughJavaAndAdminRoute() throws Exception {
    jamf.stop();
    jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(20).clock(clock).mdmAcknowledgeAfter(null)));
    client = new SimClient(jamf).login();
    String a = jamf.fleet().computers().managementId(0);
    String b = jamf.fleet().computers().managementId(1);
    command("DEVICE_LOCK", a, b);
    clock.advance(Duration.ofDays(1));
    client.login(); // a day later the old token has long expired
    assertThat(jamf.sideEffects().mdmCommands())
        .allMatch(c -> c.state(clock.instant()).equals("PENDING"));
    String first = jamf.sideEffects().mdmCommands().get(0).uuid();
    assertThat(jamf.sideEffects().acknowledge(first)).isTrue();
    assertThat(commandsFor(a).path("results").get(0).path("commandState").asString())
        .isEqualTo("ACKNOWLEDGED");
    assertThat(client.post("/__sim/mdm/acknowledge", "").status()).isEqualTo(204);
    assertThat(commandsFor(b).path("results").get(0).path("commandState").asString())
        .isEqualTo("ACKNOWLEDGED");
  }

  @Test
  void commandsNeedAFilterAKnownTypeAndKnownDevices() throws Exception {
    SimClient.Reply noFilter = client.get("/api/v2/mdm/commands");
    assertThat(noFilter.status()).isEqualTo(400);
    assertThat(noFilter.json().path("errors").get(0).path("field").asString()).isEqualTo("filter");
    String mac = jamf.fleet().computers().managementId(0);
    assertThat(command("UPDATE_INVENTORY", mac).status()).isEqualTo(400);
    assertThat(command("DEVICE_LOCK", "00000000-0000-4000-8000-000000000000").status())
        .isEqualTo(400);
    assertThat(jamf.sideEffects().mdmCommands()).isEmpty();
  }

  @Test
  void blankPushesAreRecordedWithUnknownIdsReported() throws Exception {
    String mac = jamf.fleet().computers().managementId(3);
    String unknown = "11111111-1111-4111-8111-111111111111";
    SimClient.Reply reply =
        client.post(
            "/api/v2/mdm/blank-push",
            "{\"clientManagementIds\":[\"" + mac + "\",\"" + unknown + "\"]}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("errorUuids").get(0).asString()).isEqualTo(unknown);
    assertThat(jamf.sideEffects().blankPushes())
        .singleElement()
        .satisfies(p -> assertThat(p.managementIds()).containsExactly(mac, unknown));
  }

  @Test
  void smartGroupMembershipMatchesTheFleet() throws Exception {
    SmartGroup group = jamf.fleet().smartGroups().get(3);
    JsonNode members =
        client
            .get("/api/v3/computer-groups/smart-group-membership/" + group.id())
            .json()
            .path("members");
    assertThat(members.size())
        .isEqualTo(group.membershipCount())
        .isEqualTo(jamf.fleet().countComputers(group.criteria()));
    JsonNode listed =
        client
            .get(
                "/api/v3/computer-groups/smart-groups?filter="
                    + SimClient.encode("name==\"" + group.name() + "\""))
            .json()
            .path("results")
            .get(0);
    assertThat(listed.path("membershipCount").asInt()).isEqualTo(group.membershipCount());
    assertThat(
            client
                .get("/api/v3/computer-groups/smart-groups/" + group.id())
                .json()
                .path("criteria")
                .get(0)
                .path("name")
                .asString())
        .isEqualTo("FileVault 2 Status");
    assertThat(client.get("/api/v3/computer-groups/smart-group-membership/999").status())
        .isEqualTo(404);
  }

  @Test
  void staticGroupMembershipChangesAreRecordedAndVisible() throws Exception {
    int groupId = jamf.fleet().staticGroups().get(3).id(); // starts empty
    SimClient.Reply reply =
        client.put(
            "/api/v3/computer-groups/static-groups/" + groupId,
            "{\"name\":\"Lab - Legacy Hardware\",\"assignments\":[\"7\",\"3\",\"7\"]}");
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("assignments").toString()).isEqualTo("[\"3\",\"7\"]");
    assertThat(jamf.sideEffects().groupMembershipChanges())
        .extracting(
            GroupMembershipChange::groupId,
            GroupMembershipChange::before,
            GroupMembershipChange::after)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(groupId, List.of(), List.of(3, 7)));
    JsonNode memberships =
        client.get("/api/v3/computers-inventory-detail/7").json().path("groupMemberships");
    assertThat(memberships.toString()).contains("\"groupId\":\"" + groupId + "\"");
    JsonNode listed =
        client
            .get(
                "/api/v3/computer-groups/static-groups?filter="
                    + SimClient.encode("id==" + groupId))
            .json();
    assertThat(listed.path("results").get(0).path("count").asInt()).isEqualTo(2);

    assertThat(
            client
                .put(
                    "/api/v3/computer-groups/static-groups/" + groupId,
                    "{\"name\":\"x\",\"assignments\":[\"99999\"]}")
                .status())
        .isEqualTo(400);
    assertThat(
            client
                .put("/api/v3/computer-groups/static-groups/" + groupId, "{\"assignments\":[]}")
                .status())
        .isEqualTo(400);
    assertThat(client.put("/api/v3/computer-groups/static-groups/999", "{\"name\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(jamf.sideEffects().groupMembershipChanges()).hasSize(1);
  }
}
