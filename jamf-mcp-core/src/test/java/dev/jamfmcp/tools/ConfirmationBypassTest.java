package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.previewToken;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bypasses of issue 14, each replayed end to end on the simulator: a request state standing in
 * for a confirmation token (and back), a token minted where no dialog was possible used to skip the
 * dialog of a session that has one, and a rename between preview and confirmation changing what is
 * erased. Each ran the write before the fix; each refusal leaves an audit event with its reason.
 */
class ConfirmationBypassTest {

  /** Started once for the class; effects and audit cleared before each test, closed after all. */
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  /**
   * A {@code confirm}-class command (approve-class ones never take a token: see {@link
   * ApprovalFlowTest}).
   */
  private static ObjectNode restart(String id) {
    return args(
        "{'command':'logOutUser','deviceIds':['" + id.replace("computer:", "mobile:") + "']}");
  }

  /** A 2026-07-28 client; with elicitation declared or not. */
  private static ObjectNode statelessCall(String tool, ObjectNode arguments, boolean elicits) {
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    if (elicits) {
      ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
          .putObject("elicitation");
    }
    params.put("name", tool).set("arguments", arguments);
    return params;
  }

  private static String requestState(ObjectNode arguments) {
    JsonNode first =
        new TestClient(fx.server, ALICE)
            .request("tools/call", statelessCall("sendMdmCommand", arguments, true))
            .get("result");
    assertThat(first.get("resultType").stringValue()).isEqualTo("input_required");
    return first.get("requestState").stringValue();
  }

  private static void assertRefused(String reason) {
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();
    assertThat(fx.events(AuditEvent.REFUSED))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void aRequestStateIsNotAConfirmationToken() {
    String state = requestState(restart("computer:2"));
    JsonNode replay =
        result(
            fx.tokenClient(ALICE),
            "sendMdmCommand",
            restart("computer:2").put("confirmationToken", state));
    assertThat(replay.get("isError").booleanValue()).as(replay.toString()).isTrue();
    assertThat(text(replay)).contains("not a confirmation token");
    assertRefused("wrong_kind");
  }

  @Test
  void aConfirmationTokenIsNotARequestState() {
    String token = previewToken(fx.tokenClient(ALICE), "sendMdmCommand", restart("computer:3"));
    ObjectNode retry = statelessCall("sendMdmCommand", restart("computer:3"), true);
    retry.put("requestState", token);
    retry
        .putObject("inputResponses")
        .putObject("confirm")
        .put("action", "accept")
        .putObject("content")
        .put("confirm", true);
    JsonNode replay = new TestClient(fx.server, ALICE).request("tools/call", retry).get("result");
    assertThat(replay.get("isError").booleanValue()).as(replay.toString()).isTrue();
    assertRefused("wrong_kind");
  }

  @Test
  void aTokenMintedWithoutElicitationCannotSkipTheDialogOfASessionThatHasOne() {
    String token = previewToken(fx.tokenClient(ALICE), "sendMdmCommand", restart("computer:4"));
    TestClient eliciting = new TestClient(fx.server, ALICE);
    eliciting.initialize("2025-06-18"); // declares elicitation
    JsonNode replay =
        result(eliciting, "sendMdmCommand", restart("computer:4").put("confirmationToken", token));
    assertThat(replay.get("isError").booleanValue()).as(replay.toString()).isTrue();
    assertThat(text(replay)).contains("the user's own dialog");
    assertRefused("wrong_path");
  }

  @Test
  void aRequestStateFromAnElicitingSessionIsRefusedInOneWithout() {
    String state = requestState(restart("computer:5"));
    ObjectNode retry = statelessCall("sendMdmCommand", restart("computer:5"), false);
    retry.put("requestState", state);
    retry
        .putObject("inputResponses")
        .putObject("confirm")
        .put("action", "accept")
        .putObject("content")
        .put("confirm", true);
    JsonNode replay = new TestClient(fx.server, ALICE).request("tools/call", retry).get("result");
    assertThat(replay.get("isError").booleanValue()).as(replay.toString()).isTrue();
    assertRefused("wrong_path");
  }

  /**
   * The erase is approved for the device called X; then X is renamed and another device takes the
   * name X. Calling with the approval must erase nothing and open a fresh approval showing what the
   * name now means.
   */
  @Test
  void aRenameBetweenApprovalAndExecutionErasesNothingAndOpensAFreshApproval() {
    int shown = uniquelyNamedRow(40);
    int other = uniquelyNamedRow(shown + 1);
    String name = fx.computers().name(shown);
    String otherName = fx.computers().name(other);
    String shownSerial = fx.computers().serialNumber(shown);
    String otherSerial = fx.computers().serialNumber(other);
    ObjectNode erase = Json.object().put("command", "erase");
    erase.putArray("deviceIds").add(name);
    erase.putObject("options").put("pin", "246810");
    TestClient alice = fx.tokenClient(ALICE);
    try {
      JsonNode first = result(alice, "sendMdmCommand", erase);
      assertThat(first.at("/structuredContent/approval/targets/0").stringValue())
          .contains(shownSerial);
      String id = fx.approveAsPerson(first, ALICE);

      fx.computers().rename(shown, name + "-RETIRED");
      fx.computers().rename(other, name);

      JsonNode run = result(alice, "sendMdmCommand", erase.deepCopy().put("approvalId", id));
      assertThat(fx.effects().mdmCommands()).as("no ERASE may reach Jamf").isEmpty();
      fx.assertNothingSentToJamf();
      assertThat(run.at("/structuredContent/status").stringValue())
          .as(run.toString())
          .isEqualTo("approval_required");
      assertThat(text(run)).contains("resolve differently").contains("Nothing was done");
      assertThat(run.at("/structuredContent/approval/targets/0").stringValue())
          .contains(otherSerial)
          .doesNotContain(shownSerial);
      assertThat(run.at("/structuredContent/approval/id").stringValue()).isNotEqualTo(id);
      assertThat(fx.events(AuditEvent.REFUSED))
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo("approval_mismatch"));
    } finally {
      fx.computers().rename(other, otherName);
      fx.computers().rename(shown, name);
    }
  }

  /** The first computer row from {@code from} whose name no other computer shares. */
  private static int uniquelyNamedRow(int from) {
    var computers = fx.computers();
    for (int row = from; row < computers.size(); row++) {
      String name = computers.name(row);
      long same = 0;
      for (int r = 0; r < computers.size(); r++) {
        same += computers.name(r).equalsIgnoreCase(name) ? 1 : 0;
      }
      if (same == 1 && !name.equals(computers.serialNumber(row))) {
        return row;
      }
    }
    throw new AssertionError("no uniquely named computer");
  }

  @Test
  void everyRefusedConfirmationIsAuditedWithItsReason() {
    TestClient alice = fx.tokenClient(ALICE);
    String token = previewToken(alice, "sendMdmCommand", restart("computer:6"));
    String tampered =
        token.substring(0, 12) + (token.charAt(12) == 'A' ? 'B' : 'A') + token.substring(13);
    result(alice, "sendMdmCommand", restart("computer:6").put("confirmationToken", tampered));
    result(
        fx.tokenClient(WriteToolsFixture.MALLORY),
        "sendMdmCommand",
        restart("computer:6").put("confirmationToken", token));
    result(alice, "sendMdmCommand", restart("computer:7").put("confirmationToken", token));
    result(alice, "sendMdmCommand", restart("computer:6").put("confirmationToken", token));
    result(alice, "sendMdmCommand", restart("computer:6").put("confirmationToken", token));
    String late = previewToken(alice, "sendMdmCommand", restart("computer:8"));
    fx.clock.advance(Duration.ofMinutes(6));
    result(alice, "sendMdmCommand", restart("computer:8").put("confirmationToken", late));
    assertThat(fx.events(AuditEvent.REFUSED))
        .extracting(AuditEvent::reason)
        .containsExactly("malformed", "other_principal", "other_call", "replayed", "expired");
    assertThat(fx.events(AuditEvent.PREVIEW)).hasSize(2);
    assertThat(fx.events(AuditEvent.CONFIRMED)).hasSize(1);
    assertThat(fx.executed()).hasSize(1);
    assertThat(fx.events(AuditEvent.REFUSED))
        .allSatisfy(
            e -> {
              assertThat(e.tool()).isEqualTo("sendMdmCommand");
              assertThat(e.arguments().has("confirmationToken")).isFalse();
            });
  }
}
