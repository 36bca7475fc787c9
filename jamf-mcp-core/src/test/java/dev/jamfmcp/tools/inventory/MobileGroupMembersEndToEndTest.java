package dev.jamfmcp.tools.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** listJamfObjects with groupId lists a mobile device group's members (static and smart). */
class MobileGroupMembersEndToEndTest {
  static JamfToolsFixture f;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void membersOfSmartAndStaticGroupsAreTheSimulatorsMembers() {
    for (AdminObjects.MobileGroup g : AdminObjects.of(f.sim.fleet()).mobileGroups()) {
      String kind = g.smart() ? "mobileSmartGroups" : "mobileStaticGroups";
      JsonNode data =
          f.data(
              "listJamfObjects",
              "{\"kind\":\"" + kind + "\",\"groupId\":\"" + g.id() + "\",\"limit\":1000}");
      assertThat(data.get("total").asInt()).as(g.name()).isEqualTo(g.memberIds().size());
      List<Integer> ids = new ArrayList<>();
      data.get("items").forEach(d -> ids.add(Integer.parseInt(d.get("id").asString())));
      assertThat(ids).containsExactlyInAnyOrderElementsOf(g.memberIds());
      if (!ids.isEmpty()) {
        assertThat(data.at("/items/0/serial").asString()).isNotEmpty();
      }
    }
  }

  @Test
  void groupIdWithAnotherKindIsRefused() {
    assertThat(f.error("listJamfObjects", "{\"kind\":\"packages\",\"groupId\":\"1\"}"))
        .contains("mobileStaticGroups");
    assertThat(f.error("listJamfObjects", "{\"kind\":\"mobileSmartGroups\",\"groupId\":\"x'y\"}"))
        .contains("/groupId", "[0-9]");
  }
}
