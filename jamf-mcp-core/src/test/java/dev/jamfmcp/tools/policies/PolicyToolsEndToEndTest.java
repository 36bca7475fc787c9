package dev.jamfmcp.tools.policies;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.faults.FaultSettings;
import dev.jamfmcp.simulator.fleet.Policy;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.PolicyContents;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** listPolicies, getPolicyDetails and executePolicy: only what Jamf really allows, said plainly. */
class PolicyToolsEndToEndTest {

  /** Started once for the class; effects and audit cleared before each test, closed after all. */
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  @BeforeEach
  void clean() {
    fx.sim.faults().clear();
  }

  private static Policy policy(String name) {
    return fx.sim.fleet().policies().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void listPoliciesFiltersByNameAndCategory() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode all = result(client, "listPolicies", args("{}"));
    assertThat(all.at("/structuredContent/total").intValue())
        .isEqualTo(fx.sim.fleet().policies().size());
    JsonNode install = result(client, "listPolicies", args("{'query':'install'}"));
    long expected =
        fx.sim.fleet().policies().stream()
            .filter(p -> p.name().toLowerCase().contains("install"))
            .count();
    assertThat(install.at("/structuredContent/total").intValue()).isEqualTo((int) expected);
    Policy chrome = policy("Install Google Chrome");
    String category = fx.sim.fleet().categoryName(chrome.categoryId());
    JsonNode inCategory = result(client, "listPolicies", args("{'category':'" + category + "'}"));
    long inIt =
        fx.sim.fleet().policies().stream()
            .filter(p -> p.categoryId() == chrome.categoryId())
            .count();
    assertThat(inCategory.at("/structuredContent/total").intValue()).isEqualTo((int) inIt);
    assertThat(inCategory.at("/structuredContent/policies/0/url").stringValue())
        .contains("policies.html?id=");
  }

  @Test
  void getPolicyDetailsByIdOrNameSaysHowItRuns() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode byName =
        result(client, "getPolicyDetails", args("{'policyName':'install google chrome'}"));
    assertThat(byName.at("/structuredContent/id").stringValue())
        .isEqualTo(String.valueOf(policy("Install Google Chrome").id()));
    assertThat(byName.at("/structuredContent/howItRuns").stringValue())
        .contains("check-in")
        .contains("Once per computer");
    assertThat(byName.at("/structuredContent/scope/allComputers").booleanValue()).isTrue();
    JsonNode both = result(client, "getPolicyDetails", args("{'policyId':'1','policyName':'x'}"));
    assertThat(text(both)).contains("exactly one");
    JsonNode none = result(client, "getPolicyDetails", args("{'policyName':'Install'}"));
    assertThat(text(none)).contains("No policy is named").contains("Install Slack");
  }

  @Test
  void getPolicyDetailsShowsPackagesScriptsTriggersExclusionsAndSelfService() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode upgrade =
        result(client, "getPolicyDetails", args("{'policyName':'macOS 26 Upgrade'}"));
    assertThat(upgrade.at("/structuredContent/packages/0/name").stringValue())
        .isEqualTo("Install macOS Tahoe 26.1");
    assertThat(upgrade.at("/structuredContent/packages/0/action").stringValue()).isEqualTo("Cache");
    assertThat(upgrade.at("/structuredContent/selfServiceDetails/description").stringValue())
        .contains("macOS 26 Upgrade");
    Policy withScript =
        fx.sim.fleet().policies().stream()
            .filter(p -> !p.scriptIds().isEmpty() && p.id() % 3 == 0)
            .findFirst()
            .orElseThrow();
    PolicyContents contents =
        PolicyContents.of(
            withScript, AdminObjects.of(fx.sim.fleet()).packages(), fx.sim.fleet().computers());
    JsonNode details =
        result(client, "getPolicyDetails", args("{'policyId':'" + withScript.id() + "'}"));
    JsonNode script = details.at("/structuredContent/scripts/0");
    assertThat(script.at("/id").stringValue())
        .isEqualTo(String.valueOf(withScript.scriptIds().get(0)));
    assertThat(script.at("/priority").stringValue()).isIn("Before", "After");
    assertThat(script.at("/parameters/4").stringValue())
        .isEqualTo(contents.scriptParameters().get(0));
    assertThat(script.at("/parameters/5").stringValue()).isEqualTo("--verbose");
    assertThat(script.at("/parameters/6").isMissingNode()).isTrue();
    assertThat(details.at("/structuredContent/scope/exclusions/computers/0/id").asInt())
        .isEqualTo(contents.excludedComputerIds().get(0));
    JsonNode triggers = details.at("/structuredContent/triggers");
    assertThat(triggers.toString().contains("Login")).isEqualTo(contents.triggerLogin());
    assertThat(triggers.toString().contains("Startup")).isEqualTo(contents.triggerStartup());
    assertThat(triggers.toString().contains("Recurring Check-in"))
        .isEqualTo(withScript.triggerCheckin());
  }

  @Test
  void executePolicyChecksScopeFlushesTheLogAndPushesOnlyComputersInScope() {
    Policy beta = policy("Beta Enrollment"); // static:Pilot - macOS Beta, check-in, once
    StaticGroup pilot = fx.sim.staticGroups().find(beta.scope().groupIds().get(0)).orElseThrow();
    int member = pilot.computerIds().get(0);
    int outsider = 1;
    while (pilot.computerIds().contains(outsider)) {
      outsider++;
    }
    ObjectNode arguments =
        args(
            "{'policyName':'Beta Enrollment','deviceIdentifiers':["
                + "'computer:"
                + member
                + "','computer:"
                + outsider
                + "']}");
    TestClient client = fx.tokenClient(ALICE);
    JsonNode preview = result(client, "executePolicy", arguments);
    assertThat(text(preview))
        .contains("The policy's log is flushed")
        .contains("blank push")
        .contains("not in the policy's scope");
    fx.assertNothingSentToJamf();

    JsonNode done = fx.agreed(fx.tokenClient(ALICE), "executePolicy", arguments);
    assertThat(done.at("/structuredContent/outcome").stringValue()).isEqualTo("succeeded");
    assertThat(done.at("/structuredContent/steps/logFlush/status").stringValue()).isEqualTo("done");
    assertThat(done.at("/structuredContent/steps/blankPush/status").stringValue())
        .isEqualTo("done");
    assertThat(done.at("/structuredContent/devices/1/inScope").booleanValue()).isFalse();
    assertThat(done.at("/structuredContent/next").stringValue()).contains("next check-in");
    assertThat(fx.effects().logFlushes())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.policyId()).isEqualTo(beta.id());
              assertThat(f.computerIds()).containsExactly(member);
            });
    assertThat(fx.effects().blankPushes())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.managementIds())
                    .containsExactly(fx.computers().managementId(member - 1)));
    assertThat(fx.executed())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.targets()).containsExactly("computer:" + member);
              assertThat(e.outcome()).isEqualTo("succeeded");
            });
  }

  @Test
  void aPolicyNotRunAtCheckInIsReArmedButNotPushedAndTheAnswerSaysWhy() {
    JsonNode done =
        fx.agreed(
            fx.tokenClient(ALICE),
            "executePolicy",
            args("{'policyName':'Install Rosetta 2','deviceIdentifiers':['computer:3']}"));
    assertThat(done.at("/structuredContent/steps/logFlush/status").stringValue()).isEqualTo("done");
    assertThat(done.at("/structuredContent/steps/blankPush/status").stringValue())
        .isEqualTo("skipped");
    assertThat(done.at("/structuredContent/next").stringValue())
        .contains("A check-in does not run this policy")
        .contains("install_rosetta_2");
    assertThat(fx.effects().blankPushes()).isEmpty();
    assertThat(fx.effects().logFlushes()).hasSize(1);
  }

  @Test
  void policiesJamfCannotBeMadeToRunAreRefusedWithNothingDone() {
    TestClient client = fx.tokenClient(ALICE);
    JsonNode slack =
        result(
            client,
            "executePolicy",
            args("{'policyName':'Install Slack','deviceIdentifiers':['computer:3']}"));
    assertThat(text(slack)).contains("Nothing Jamf allows would make");
    JsonNode disabled =
        result(
            client,
            "executePolicy",
            args("{'policyName':'Legacy Cleanup (disabled)','deviceIdentifiers':['computer:3']}"));
    assertThat(text(disabled)).contains("disabled");
    JsonNode mobile =
        result(client, "executePolicy", args("{'policyId':'2','deviceIdentifiers':['mobile:1']}"));
    assertThat(text(mobile)).contains("computers only");
    for (JsonNode r : List.of(slack, disabled, mobile)) {
      assertThat(r.get("isError").booleanValue()).isTrue();
    }
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();
  }

  @Test
  void aFailedBlankPushAfterTheFlushIsReportedAsPartial() {
    fx.sim.faults().set(FaultSettings.none().withPathPrefix("/api/v2/mdm/blank-push"));
    ObjectNode arguments =
        args(
            "{'policyId':'"
                + policy("Install Google Chrome").id()
                + "','deviceIdentifiers':['computer:5']}");
    TestClient client = fx.tokenClient(ALICE);
    String token = WriteToolsFixture.previewToken(client, "executePolicy", arguments);
    fx.sim.faults().failNext(1, 500);
    JsonNode partial =
        result(client, "executePolicy", arguments.deepCopy().put("confirmationToken", token));
    assertThat(partial.get("isError").booleanValue()).isTrue();
    assertThat(text(partial))
        .startsWith("NOT COMPLETE")
        .contains("log flushed")
        .contains("blank push NOT sent");
    assertThat(partial.at("/structuredContent/steps/blankPush/status").stringValue())
        .isEqualTo("failed");
    assertThat(partial.at("/structuredContent/outcome").stringValue())
        .isEqualTo("partially_succeeded");
    assertThat(fx.effects().logFlushes()).hasSize(1);
    assertThat(fx.effects().blankPushes()).isEmpty();
    assertThat(fx.executed())
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("partially_succeeded"));
  }
}
