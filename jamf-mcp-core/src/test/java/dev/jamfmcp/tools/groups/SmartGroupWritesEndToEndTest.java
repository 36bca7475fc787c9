package dev.jamfmcp.tools.groups;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Group;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * createSmartGroup and updateSmartGroup end to end on the simulator, through the engine (schema
 * validation included) and the confirmation gate.
 */
class SmartGroupWritesEndToEndTest {
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  private static SmartGroupStore store() {
    return fx.sim.smartGroups();
  }

  private static List<Group> computerGroups() {
    return store().all(Platform.COMPUTER);
  }

  private static long computers(java.util.function.IntPredicate test) {
    Computers c = fx.computers();
    long n = 0;
    for (int row = 0; row < c.size(); row++) {
      if (test.test(row)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void creatingPreviewsThenConfirmsAndReportsTheMembersJamfComputed() {
    ObjectNode create =
        args(
            "{'name':'Old Intel Macs','description':'Upgrade candidates','criteria':["
                + "{'name':'Apple Silicon','searchType':'is','value':'No'},"
                + "{'name':'Operating System Version','searchType':'less than','value':'15',"
                + "'andOr':'and','openingParen':true},"
                + "{'name':'Last Check-in','searchType':'more than x days ago','value':'30',"
                + "'andOr':'or','closingParen':true}]}");
    TestClient alice = fx.tokenClient(ALICE);
    List<Group> before = computerGroups();

    JsonNode preview = result(alice, "createSmartGroup", create);
    assertThat(preview.at("/structuredContent/status").asString())
        .isEqualTo("confirmation_required");
    assertThat(preview.toString())
        .contains("Create smart computer group 'Old Intel Macs'")
        .contains(
            "Apple Silicon is 'No' and (Operating System Version less than '15' or Last"
                + " Check-in more than x days ago '30')")
        .contains("Jamf computes the members when the group is saved");
    assertThat(computerGroups()).isEqualTo(before);

    JsonNode done = WriteToolsFixture.confirmed(alice, "createSmartGroup", create);
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    String id = done.at("/structuredContent/group/id").asString();
    Group created = store().find(Platform.COMPUTER, Long.parseLong(id)).orElseThrow();
    assertThat(created.name()).isEqualTo("Old Intel Macs");
    assertThat(created.description()).isEqualTo("Upgrade candidates");
    Computers c = fx.computers();
    long thirtyDaysAgo = fx.sim.fleet().now().minus(java.time.Duration.ofDays(30)).toEpochMilli();
    long expected =
        computers(
            row ->
                !c.model(row).appleSilicon()
                    && (c.os(row).major() < 15
                        || (!c.neverCheckedIn(row) && c.lastContactMillis(row) < thirtyDaysAgo)));
    assertThat(done.at("/structuredContent/memberCount").asLong())
        .isEqualTo(created.membershipCount())
        .isEqualTo(expected)
        .isPositive();
    assertThat(fx.executed())
        .singleElement()
        .satisfies(e -> assertThat(e.toString()).contains("createSmartGroup"));

    // the existing read shows what was saved, in order
    JsonNode criteria = result(alice, "getSmartGroupCriteria", args("{'groupId':'" + id + "'}"));
    assertThat(criteria.at("/structuredContent/criteria/2/andOr").asString()).isEqualTo("or");
    assertThat(criteria.at("/structuredContent/criteria/1/openingParen").booleanValue()).isTrue();
  }

  @Test
  void aNameInUseOrInvalidCriteriaChangeNothing() {
    TestClient alice = fx.tokenClient(ALICE);
    List<Group> before = computerGroups();
    String staticName = fx.sim.staticGroups().all().get(2).name();
    JsonNode clash =
        result(
            alice,
            "createSmartGroup",
            args(
                "{'name':'"
                    + staticName.toUpperCase(java.util.Locale.ROOT)
                    + "','criteria':[{'name':'Model','searchType':'like','value':'iMac'}]}"));
    assertThat(clash.path("isError").booleanValue()).isTrue();
    assertThat(text(clash))
        .contains("A static computer group named")
        .contains("already exists (id " + fx.sim.staticGroups().all().get(2).id() + ")")
        .contains("Nothing was done");
    String smartName = fx.sim.fleet().smartGroups().get(1).name();
    JsonNode smartClash =
        result(
            alice,
            "createSmartGroup",
            args(
                "{'name':'"
                    + smartName
                    + "','criteria':[{'name':'Model','searchType':'like','value':'iMac'}]}"));
    assertThat(text(smartClash))
        .contains("A smart computer group named")
        .contains("updateSmartGroup");

    JsonNode parens =
        result(
            alice,
            "createSmartGroup",
            args(
                "{'name':'x','criteria':[{'name':'Model','searchType':'like','value':'iMac',"
                    + "'openingParen':true},{'name':'Model','searchType':'like','value':'Air',"
                    + "'andOr':'or','closingParen':true,'openingParen':true}]}"));
    assertThat(text(parens)).contains("opened and never closed").contains("Nothing was done");
    JsonNode days =
        result(
            alice,
            "createSmartGroup",
            args(
                "{'name':'x','criteria':[{'name':'Last Check-in',"
                    + "'searchType':'more than x days ago','value':'a month'}]}"));
    assertThat(text(days)).contains("needs a whole number of days");
    JsonNode date =
        result(
            alice,
            "createSmartGroup",
            args(
                "{'name':'x','criteria':[{'name':'Last Check-in',"
                    + "'searchType':'before (yyyy-mm-dd)','value':'31/12/2025'}]}"));
    assertThat(text(date)).contains("needs a date as yyyy-mm-dd");
    JsonNode unknownType =
        WriteToolsFixture.call(
            alice,
            "createSmartGroup",
            args(
                "{'name':'x','criteria':[{'name':'Model','searchType':'sounds like','value':'a'}]}"));
    assertThat(unknownType.toString()).contains("searchType");
    // Jamf (here the simulator) refuses a field it cannot evaluate: after confirmation, nothing
    // made
    ObjectNode unknownField =
        args(
            "{'name':'Batteries','criteria':[{'name':'Battery Cycle Count','searchType':'is','value':'9'}]}");
    JsonNode refused = WriteToolsFixture.confirmed(alice, "createSmartGroup", unknownField);
    assertThat(refused.path("isError").booleanValue()).isTrue();
    assertThat(text(refused))
        .contains("cannot evaluate field 'Battery Cycle Count'")
        .contains("Nothing was changed");
    assertThat(computerGroups()).isEqualTo(before);
    assertThat(fx.executed())
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("failed"));
  }

  @Test
  void changingCriteriaIsApprovedWithTheCountsBeforeAndAfterAndScopeFollows() {
    Group target =
        computerGroups().stream()
            .filter(g -> g.name().equals("Intel Macs"))
            .findFirst()
            .orElseThrow();
    ObjectNode change =
        args(
            "{'groupId':'"
                + target.id()
                + "','criteria':[{'name':'Apple Silicon','searchType':'is','value':'No'},"
                + "{'name':'Operating System Version','searchType':'greater than or equal',"
                + "'value':'15'}]}");
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "updateSmartGroup", change);
    assertThat(first.at("/structuredContent/status").asString()).isEqualTo("approval_required");
    assertThat(first.toString())
        .contains(
            "criteria from [Apple Silicon is 'No'] to [Apple Silicon is 'No' and Operating System Version greater than or equal '15']")
        .contains("It has " + target.membershipCount() + " members now")
        .contains("every policy, configuration profile and app scoped to or excluding this group");
    assertThat(store().find(Platform.COMPUTER, target.id()).orElseThrow()).isEqualTo(target);

    String approval = fx.approveAsPerson(first, ALICE);
    JsonNode done =
        result(
            alice,
            "updateSmartGroup",
            change
                .deepCopy()
                .put(dev.jamfmcp.mcp.confirm.ConfirmationGate.APPROVAL_ARGUMENT, approval));
    assertThat(done.at("/structuredContent/status").asString())
        .as(done.toString())
        .isEqualTo("executed");
    Group after = store().find(Platform.COMPUTER, target.id()).orElseThrow();
    Computers c = fx.computers();
    assertThat(after.membershipCount())
        .isEqualTo(computers(row -> !c.model(row).appleSilicon() && c.os(row).major() >= 15));
    assertThat(done.at("/structuredContent/memberCountBefore").asInt())
        .isEqualTo(target.membershipCount());
    assertThat(done.at("/structuredContent/memberCountAfter").asInt())
        .isEqualTo(after.membershipCount());
    assertThat(after.name()).isEqualTo(target.name());
    // membership reads follow the new criteria
    JsonNode members =
        result(alice, "getComputerGroupMembers", args("{'groupId':'" + target.id() + "'}"));
    assertThat(members.at("/structuredContent/total").asInt()).isEqualTo(after.membershipCount());

    // a rename alone changes no member: confirm, not approve
    ObjectNode rename = args("{'groupId':'" + target.id() + "','name':'Intel Macs on 15+'}");
    JsonNode renamed = WriteToolsFixture.confirmed(alice, "updateSmartGroup", rename);
    assertThat(renamed.at("/structuredContent/status").asString()).isEqualTo("executed");
    assertThat(store().find(Platform.COMPUTER, target.id()).orElseThrow().name())
        .isEqualTo("Intel Macs on 15+");
    assertThat(store().find(Platform.COMPUTER, target.id()).orElseThrow().criteria())
        .isEqualTo(after.criteria());

    JsonNode same = result(alice, "updateSmartGroup", rename);
    assertThat(text(same)).contains("nothing to change");
    JsonNode unknown = result(alice, "updateSmartGroup", args("{'groupId':'99999','name':'x'}"));
    assertThat(text(unknown)).contains("No smart computer group has id 99999");
    JsonNode empty = result(alice, "updateSmartGroup", args("{'groupId':'" + target.id() + "'}"));
    assertThat(text(empty)).contains("Give criteria, siteId, name or description");
    String otherName = fx.sim.fleet().smartGroups().get(0).name();
    JsonNode clash =
        result(
            alice,
            "updateSmartGroup",
            args("{'groupId':'" + target.id() + "','name':'" + otherName + "'}"));
    assertThat(text(clash)).contains("already exists");
  }

  @Test
  void mobileGroupsAreCreatedAndChangedToo() {
    TestClient alice = fx.tokenClient(ALICE);
    ObjectNode create =
        args(
            "{'platform':'mobile','name':'All iPhones',"
                + "'criteria':[{'name':'Model','searchType':'like','value':'iPhone'}]}");
    JsonNode done = WriteToolsFixture.confirmed(alice, "createSmartGroup", create);
    assertThat(done.at("/structuredContent/group/platform").asString()).isEqualTo("mobile");
    long phones =
        fx.sim.fleet().mobileDevices().stream().filter(d -> d.model().contains("iPhone")).count();
    assertThat(done.at("/structuredContent/memberCount").asLong()).isEqualTo(phones).isPositive();
    String id = done.at("/structuredContent/group/id").asString();
    JsonNode changed =
        fx.agreed(
            alice,
            "updateSmartGroup",
            args(
                "{'platform':'mobile','groupId':'"
                    + id
                    + "','criteria':[{'name':'Model','searchType':'like','value':'iPhone'},"
                    + "{'name':'Supervised','searchType':'is','value':'No'}]}"));
    assertThat(changed.at("/structuredContent/memberCountAfter").asLong())
        .isEqualTo(
            fx.sim.fleet().mobileDevices().stream()
                .filter(d -> d.model().contains("iPhone") && !d.supervised())
                .count());
    JsonNode unknown =
        result(alice, "updateSmartGroup", args("{'platform':'mobile','groupId':'4','name':'x'}"));
    assertThat(text(unknown))
        .contains("No smart mobile device group has id 4")
        .contains("mobileSmartGroups");
  }
}
