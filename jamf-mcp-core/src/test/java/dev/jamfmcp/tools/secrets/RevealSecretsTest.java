package dev.jamfmcp.tools.secrets;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.MALLORY;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.approval.SecretReveal;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets are approve-class reads on the simulator: after the person approved, the secret goes to
 * the approval page (once) and the model gets only where and when; no audit line holds it.
 */
class RevealSecretsTest {
  static WriteToolsFixture fx;

  @BeforeAll
  static void start() {
    fx = new WriteToolsFixture(ConfirmationGate.ApprovalMode.BROWSER, s -> {});
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clean() {
    fx.audit.clear();
  }

  private static String revealed(String tool, ObjectNode arguments, List<String> modelSaw) {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, tool, arguments);
    modelSaw.add(first.toString());
    assertThat(first.at("/structuredContent/status").asString("")).isEqualTo("approval_required");
    String id = first.at("/structuredContent/approval/id").stringValue();
    assertThat(fx.approvals.takeReveal(id)).isEmpty(); // nothing read before the approval
    fx.approveAsPerson(first, ALICE);
    JsonNode done =
        result(alice, tool, arguments.deepCopy().put(ConfirmationGate.APPROVAL_ARGUMENT, id));
    modelSaw.add(done.toString());
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(done.at("/structuredContent/shownOn").asString())
        .isEqualTo("https://mcp.test/approve/" + id);
    assertThat(text(done)).contains("approval page").contains("not given to you");
    SecretReveal reveal = fx.approvals.takeReveal(id).orElseThrow();
    assertThat(reveal.toString()).doesNotContain(reveal.secret());
    assertThat(fx.approvals.takeReveal(id)).as("shown once").isEmpty();
    // Redeemed once: calling again reads nothing more.
    JsonNode again =
        result(alice, tool, arguments.deepCopy().put(ConfirmationGate.APPROVAL_ARGUMENT, id));
    modelSaw.add(again.toString());
    assertThat(text(again)).contains("already been used");
    assertThat(fx.approvals.takeReveal(id)).isEmpty();
    return reveal.secret();
  }

  @Test
  void eachSecretReachesOnlyTheApprovalPage() throws Exception {
    List<String> modelSaw = new java.util.ArrayList<>();
    String key = revealed("revealFileVaultKey", args("{'deviceId':'computer:1'}"), modelSaw);
    String pin = revealed("revealDeviceLockPin", args("{'deviceId':'computer:2'}"), modelSaw);
    String managementId = fx.computers().managementId(2);
    String password =
        revealed(
            "revealLapsPassword",
            args("{'deviceId':'computer:3','username':'jamfadmin'}"),
            modelSaw);

    assertThat(key)
        .isEqualTo(fx.jamf.computers().fileVault("1").path("personalRecoveryKey").asString())
        .matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){5}");
    assertThat(pin)
        .isEqualTo(fx.jamf.computers().deviceLockPin("2").path("pin").asString())
        .matches("[0-9]{6}");
    assertThat(password)
        .isEqualTo(
            fx.jamf
                .computers()
                .lapsPassword(managementId, "jamfadmin")
                .path("password")
                .asString());
    // Each Mac has its own.
    assertThat(fx.jamf.computers().fileVault("4").path("personalRecoveryKey").asString())
        .isNotEqualTo(key);

    String audit = fx.audit.stream().map(AuditEvent::toString).collect(Collectors.joining("\n"));
    assertThat(fx.audit).extracting(AuditEvent::outcome).contains("revealed_on_page");
    for (String secret : List.of(key, pin, password)) {
      assertThat(String.join("\n", modelSaw)).doesNotContain(secret);
      assertThat(audit).doesNotContain(secret);
    }
  }

  @Test
  void anotherUserCannotRedeemTheApprovalAndNothingIsRevealed() {
    TestClient alice = fx.tokenClient(ALICE);
    ObjectNode arguments = args("{'deviceId':'computer:5'}");
    JsonNode first = result(alice, "revealFileVaultKey", arguments);
    String id = fx.approveAsPerson(first, ALICE);
    JsonNode stolen =
        result(
            fx.tokenClient(MALLORY),
            "revealFileVaultKey",
            arguments.deepCopy().put(ConfirmationGate.APPROVAL_ARGUMENT, id));
    assertThat(stolen.at("/structuredContent/status").asString("")).isNotEqualTo("executed");
    assertThat(fx.approvals.takeReveal(id)).isEmpty();
  }

  @Test
  void theLapsSettingsAreAPlainRead() {
    JsonNode settings = result(fx.tokenClient(ALICE), "getLapsSettings", args("{}"));
    assertThat(settings.at("/structuredContent/autoDeployEnabled").asBoolean()).isTrue();
    assertThat(settings.at("/structuredContent/passwordRotationTime").asLong()).isEqualTo(3600);
  }
}
