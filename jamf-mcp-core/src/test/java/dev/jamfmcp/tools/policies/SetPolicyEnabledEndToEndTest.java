package dev.jamfmcp.tools.policies;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.READER;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.simulator.fleet.Policy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** setPolicyEnabled end to end on the simulator, through the engine and the confirmation gate. */
class SetPolicyEnabledEndToEndTest {
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  private static Policy enabledPolicy() {
    return fx.sim.fleet().policies().stream().filter(Policy::enabled).findFirst().orElseThrow();
  }

  @Test
  void disablingPreviewsThenConfirmsThenChangesOnlyThatPolicyAndEnablingUndoesIt() {
    Policy policy = enabledPolicy();
    TestClient alice = fx.tokenClient(ALICE);
    ObjectNode disable =
        Json.object().put("policyId", String.valueOf(policy.id())).put("enabled", false);

    JsonNode preview = result(alice, "setPolicyEnabled", disable);
    assertThat(preview.at("/structuredContent/status").asString())
        .isEqualTo("confirmation_required");
    assertThat(preview.toString()).contains("Disable policy '" + policy.name() + "'");
    assertThat(fx.effects().policyEnabledChanges()).isEmpty();

    JsonNode done = WriteToolsFixture.confirmed(alice, "setPolicyEnabled", disable);
    assertThat(done.at("/structuredContent/status").asString()).isEqualTo("executed");
    assertThat(done.at("/structuredContent/changed").booleanValue()).isTrue();
    assertThat(fx.effects().policyEnabledChanges()).isEqualTo(Map.of(policy.id(), false));
    assertThat(fx.jamf.policies().get(policy.id()).general().enabled()).isFalse();
    assertThat(fx.audit).anySatisfy(e -> assertThat(e.toString()).contains("setPolicyEnabled"));

    // already off: nothing to confirm, nothing sent
    JsonNode again = result(alice, "setPolicyEnabled", disable);
    assertThat(again.at("/structuredContent/changed").booleanValue()).isFalse();
    assertThat(again.toString()).contains("already disabled");

    ObjectNode enable =
        Json.object().put("policyName", policy.name().toUpperCase()).put("enabled", true);
    WriteToolsFixture.confirmed(alice, "setPolicyEnabled", enable);
    assertThat(fx.jamf.policies().get(policy.id()).general().enabled()).isTrue();
  }

  @Test
  void aReaderCannotCallItAndAnUnknownPolicyChangesNothing() {
    ObjectNode disable = Json.object().put("policyId", "1").put("enabled", false);
    JsonNode refused =
        fx.tokenClient(READER)
            .request(
                "tools/call",
                Json.object().put("name", "setPolicyEnabled").set("arguments", disable));
    assertThat(refused.toString()).contains("write:jamf");
    JsonNode unknown =
        result(
            fx.tokenClient(ALICE),
            "setPolicyEnabled",
            Json.object().put("policyId", "99999").put("enabled", false));
    assertThat(unknown.path("isError").booleanValue()).isTrue();
    assertThat(fx.effects().policyEnabledChanges()).isEmpty();
  }
}
