package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The smart group routes over HTTP: what Jamf answers to good and bad saves. */
class SmartGroupRoutesTest {
  private static final String COMPUTER = "/api/v3/computer-groups/smart-groups";
  private static final String MOBILE = "/api/v2/mobile-device-groups/smart-groups";
  private SimulatedJamfPro jamf;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(120).mobileDevices(20)));
    client = new SimClient(jamf).login();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  private static String criterion(int priority, String name, String type, String value) {
    return "{\"name\":\""
        + name
        + "\",\"priority\":"
        + priority
        + ",\"andOr\":\"AND\",\"searchType\":\""
        + type
        + "\",\"value\":\""
        + value
        + "\"}";
  }

  @Test
  void aCreatedGroupIsListedReadCountedAndScopedLikeAGeneratedOne() throws Exception {
    SimClient.Reply created =
        client.post(
            COMPUTER,
            "{\"name\":\"Airs\",\"criteria\":["
                + criterion(0, "Model", "like", "MacBook Air")
                + "]}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.json().path("href").asString()).endsWith("/smart-groups/" + id);
    int members =
        jamf.smartGroups()
            .find(Platform.COMPUTER, Long.parseLong(id))
            .orElseThrow()
            .membershipCount();

    JsonNode detail = client.get(COMPUTER + "/" + id).json();
    assertThat(detail.path("name").asString()).isEqualTo("Airs");
    assertThat(detail.at("/criteria/0/andOr").asString()).isEqualTo("and"); // stored lowercase
    JsonNode listed =
        client.get(COMPUTER + "?filter=" + SimClient.encode("name==Airs")).json().at("/results/0");
    assertThat(listed.path("membershipCount").asInt()).isEqualTo(members);
    assertThat(
            client
                .get("/api/v3/computer-groups/smart-group-membership/" + id)
                .json()
                .path("members")
                .size())
        .isEqualTo(members);
    JsonNode classic = client.getClassic("/JSSResource/computergroups/id/" + id).json();
    assertThat(classic.toString()).contains("\"is_smart\":true");
    // the computer's own record lists the new group among its memberships
    int member =
        jamf.smartGroups()
                .find(Platform.COMPUTER, Long.parseLong(id))
                .orElseThrow()
                .members()
                .nextSetBit(0)
            + 1;
    JsonNode memberships =
        client.get("/api/v4/computers-inventory-detail/" + member).json().path("groupMemberships");
    assertThat(memberships.findValuesAsString("groupId")).contains(id);
    assertThat(jamf.sideEffects().smartGroupSaves())
        .singleElement()
        .satisfies(s -> assertThat(s.created()).isTrue());

    // PUT without criteria keeps them; with a new name renames
    SimClient.Reply renamed = client.put(COMPUTER + "/" + id, "{\"name\":\"All Airs\"}");
    assertThat(renamed.status()).isEqualTo(202);
    assertThat(renamed.json().path("criteria").size()).isEqualTo(1);
    assertThat(jamf.smartGroups().find(Platform.COMPUTER, Long.parseLong(id)).orElseThrow().name())
        .isEqualTo("All Airs");
  }

  @Test
  void badSavesAreRefusedAndChangeNothing() throws Exception {
    List<?> computers = jamf.smartGroups().all(Platform.COMPUTER);
    List<?> mobiles = jamf.smartGroups().all(Platform.MOBILE);
    SimClient.Reply noPriority =
        client.post(
            MOBILE,
            "{\"groupName\":\"x\",\"criteria\":[{\"name\":\"Model\",\"andOr\":\"and\","
                + "\"searchType\":\"is\",\"value\":\"iPad\"}]}");
    assertThat(noPriority.status()).isEqualTo(400);
    assertThat(noPriority.body()).contains("priority is required");
    SimClient.Reply noName =
        client.post(MOBILE, "{\"criteria\":[" + criterion(0, "Model", "is", "iPad") + "]}");
    assertThat(noName.status()).isEqualTo(400);
    SimClient.Reply unknown =
        client.post(
            COMPUTER,
            "{\"name\":\"x\",\"criteria\":[" + criterion(0, "Battery Health", "is", "Good") + "]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/errors/0/description").asString())
        .contains("cannot evaluate field 'Battery Health'");
    SimClient.Reply taken = client.post(MOBILE, "{\"groupName\":\"loaners\",\"criteria\":[]}");
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.json().at("/errors/0/code").asString()).isEqualTo("DUPLICATE_FIELD");
    assertThat(client.put(MOBILE + "/4", "{\"groupName\":\"x\"}").status())
        .as("4 is a static group")
        .isEqualTo(404);
    assertThat(client.put(COMPUTER + "/1", "{\"name\":\"x\",\"criteria\":{}}").status())
        .isEqualTo(400);
    assertThat(jamf.smartGroups().all(Platform.COMPUTER)).isEqualTo(computers);
    assertThat(jamf.smartGroups().all(Platform.MOBILE)).isEqualTo(mobiles);
    assertThat(jamf.sideEffects().smartGroupSaves()).isEmpty();
  }

  @Test
  void jamfProBefore1128HasOnlyTheV2ComputerWrites() throws Exception {
    try (SimulatedJamfPro old =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(10).jamfProVersion("11.27.0")))) {
      SimClient c = new SimClient(old).login();
      String body = "{\"name\":\"Any\",\"criteria\":[]}";
      assertThat(c.post(COMPUTER, body).status()).isEqualTo(404);
      assertThat(c.post("/api/v2/computer-groups/smart-groups", body).status()).isEqualTo(201);
    }
  }
}
