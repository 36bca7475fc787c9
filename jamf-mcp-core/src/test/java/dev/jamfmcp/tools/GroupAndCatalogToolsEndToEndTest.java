package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Groups (reads and setStaticGroupMembership), scripts, profiles and patch titles end to end. */
class GroupAndCatalogToolsEndToEndTest {

  /** Started once for the class; effects and audit cleared before each test, closed after all. */
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  private static StaticGroup staticGroup(String name) {
    return fx.sim.staticGroups().all().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void listAndReadGroupsOfBothKinds() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode all = result(client, "listComputerGroups", args("{}"));
    assertThat(all.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.fleet().smartGroups().size() + fx.sim.staticGroups().all().size());
    JsonNode statics = result(client, "listComputerGroups", args("{'type':'static'}"));
    assertThat(statics.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.staticGroups().all().size());
    SmartGroup smart = fx.sim.fleet().smartGroups().get(0);
    JsonNode smartMembers =
        result(
            client, "getComputerGroupMembers", args("{'groupId':'" + smart.id() + "','limit':5}"));
    assertThat(smartMembers.at("/structuredContent/type").stringValue()).isEqualTo("smart");
    assertThat(smartMembers.at("/structuredContent/total").intValue())
        .isEqualTo(smart.membershipCount());
    assertThat(smartMembers.at("/structuredContent/returned").intValue())
        .isEqualTo(Math.min(5, smart.membershipCount()));
    StaticGroup exec = staticGroup("Executive Macs");
    JsonNode staticMembers =
        result(client, "getComputerGroupMembers", args("{'groupId':'" + exec.id() + "'}"));
    assertThat(staticMembers.at("/structuredContent/type").stringValue()).isEqualTo("static");
    assertThat(staticMembers.at("/structuredContent/total").intValue())
        .isEqualTo(exec.computerIds().size());
    assertThat(staticMembers.at("/structuredContent/members/0/serial").stringValue())
        .isEqualTo(fx.computers().serialNumber(exec.computerIds().get(0) - 1));
  }

  @Test
  void setStaticGroupMembershipAddsAndRemovesExactlyAndIsAudited() {
    StaticGroup kiosk = staticGroup("Kiosk Macs");
    int removed = kiosk.computerIds().get(0);
    int candidate = 1;
    while (kiosk.computerIds().contains(candidate)) {
      candidate++;
    }
    int added = candidate;
    String serial = fx.computers().serialNumber(added - 1);
    var arguments =
        args(
            "{'groupId':'"
                + kiosk.id()
                + "','add':['"
                + serial
                + "'],"
                + "'remove':['computer:"
                + removed
                + "']}");
    JsonNode preview = result(fx.tokenClient(ALICE), "setStaticGroupMembership", arguments);
    assertThat(text(preview)).contains("add 1, remove 1").contains(serial);
    fx.assertNothingSentToJamf();

    JsonNode done = fx.agreed(fx.tokenClient(ALICE), "setStaticGroupMembership", arguments);
    assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    List<Integer> expected = new ArrayList<>(kiosk.computerIds());
    expected.remove(Integer.valueOf(removed));
    expected.add(added);
    assertThat(fx.effects().groupMembershipChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.groupId()).isEqualTo(kiosk.id());
              assertThat(c.after()).containsExactlyInAnyOrderElementsOf(expected);
            });
    assertThat(fx.executed())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.targets())
                    .containsExactly("computer:" + added, "computer:" + removed));

    JsonNode again = result(fx.tokenClient(ALICE), "setStaticGroupMembership", arguments);
    assertThat(again.get("isError").booleanValue()).isTrue();
    assertThat(text(again)).contains("Nothing to change").contains("already a member");
    JsonNode mobile =
        result(
            fx.tokenClient(ALICE),
            "setStaticGroupMembership",
            args("{'groupId':'" + kiosk.id() + "','add':['mobile:1']}"));
    assertThat(text(mobile)).contains("computers only");
    JsonNode smart =
        result(
            fx.tokenClient(ALICE),
            "setStaticGroupMembership",
            args("{'groupId':'" + fx.sim.fleet().smartGroups().get(0).id() + "','add':['1']}"));
    assertThat(text(smart)).contains("No static computer group");
    assertThat(fx.effects().groupMembershipChanges()).hasSize(1);
  }

  @Test
  void scriptsProfilesAndPatchTitles() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode scripts = result(client, "listScripts", args("{}"));
    assertThat(scripts.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.fleet().scripts().size());
    String firstId = scripts.at("/structuredContent/scripts/0/id").stringValue();
    JsonNode script = result(client, "getScriptDetails", args("{'scriptId':'" + firstId + "'}"));
    assertThat(script.at("/structuredContent/contentTruncated").booleanValue()).isFalse();
    assertThat(script.at("/structuredContent/content").stringValue()).isNotBlank();

    JsonNode mac = result(client, "listConfigurationProfiles", args("{'platform':'mac'}"));
    assertThat(mac.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.fleet().macProfiles().size());
    JsonNode mobile =
        result(client, "listConfigurationProfiles", args("{'platform':'mobile','query':'wi-fi'}"));
    assertThat(mobile.at("/structuredContent/total").intValue()).isEqualTo(1);
    JsonNode profile =
        result(
            client, "getConfigurationProfileDetails", args("{'platform':'mac','profileId':'1'}"));
    assertThat(profile.at("/structuredContent/name").stringValue())
        .isEqualTo(fx.sim.fleet().macProfiles().get(0).name());
    assertThat(profile.at("/structuredContent/scope/allDevices").booleanValue()).isTrue();

    JsonNode patch = result(client, "listPatchTitles", args("{}"));
    assertThat(patch.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.fleet().patchTitles().size());
    JsonNode missing = result(client, "getScriptDetails", args("{'scriptId':'99999'}"));
    assertThat(missing.get("isError").booleanValue()).isTrue();
    assertThat(text(missing)).contains("Nothing was changed");
  }
}
