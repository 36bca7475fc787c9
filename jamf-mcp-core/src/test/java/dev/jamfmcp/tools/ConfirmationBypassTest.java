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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bypasses of issue 14, each replayed end to end on the simulator: a request state standing in
 * for a confirmation token (and back), a token minted where no dialog was possible used to skip the
 * dialog of a session that has one, and a rename between preview and confirmation changing what is
 * erased. Each ran the write before the fix; each refusal leaves an audit event with its reason.
 */
class ConfirmationBypassTest {
  static WriteToolsFixture fx;

  @BeforeAll
  static void start() {
    fx = new WriteToolsFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clean() {
    fx.effects().clear();
    fx.audit.clear();
  }

  private static ObjectNode restart(String id) {
    return args("{'command':'restart','deviceIds':['" + id + "']}");
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
   * The erase is previewed for the device called X; then X is renamed and another device takes the
   * name X. Confirming must erase nothing and show the person what the name now means.
   */
  @Test
  void aRenameBetweenPreviewAndConfirmationErasesNothingAndGivesAFreshPreview() {
    int shown = uniquelyNamedRow(40);
    int other = uniquelyNamedRow(shown + 1);
    String name = fx.computers().name(shown);
    String otherName = fx.computers().name(other);
    String shownSerial = fx.computers().serialNumber(shown);
    String otherSerial = fx.computers().serialNumber(other);
    ObjectNode erase =
        Json.object().put("command", "erase").put("confirmationPhrase", "ERASE 1 DEVICE");
    erase.putArray("deviceIds").add(name);
    erase.putObject("options").put("pin", "246810");
    TestClient alice = fx.tokenClient(ALICE);
    try {
      ObjectNode preview = erase.deepCopy();
      preview.remove("confirmationPhrase");
      JsonNode first = result(alice, "sendMdmCommand", preview);
      assertThat(first.at("/structuredContent/status").asString(""))
          .as(first.toString())
          .isEqualTo("confirmation_required");
      assertThat(first.at("/structuredContent/confirmation/targets/0").stringValue())
          .contains(shownSerial);
      String token = first.at("/structuredContent/confirmation/token").stringValue();

      fx.computers().rename(shown, name + "-RETIRED");
      fx.computers().rename(other, name);

      JsonNode confirm =
          result(alice, "sendMdmCommand", erase.deepCopy().put("confirmationToken", token));
      assertThat(fx.effects().mdmCommands()).as("no ERASE may reach Jamf").isEmpty();
      fx.assertNothingSentToJamf();
      assertThat(confirm.at("/structuredContent/status").stringValue())
          .as(confirm.toString())
          .isEqualTo("confirmation_required");
      assertThat(text(confirm)).contains("resolve differently").contains("Nothing was done");
      assertThat(confirm.at("/structuredContent/confirmation/targets/0").stringValue())
          .contains(otherSerial)
          .doesNotContain(shownSerial);
      assertThat(confirm.at("/structuredContent/confirmation/token").stringValue())
          .isNotEqualTo(token);
      assertThat(fx.events(AuditEvent.REFUSED))
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo("targets_changed"));
      // the old token stays spent even if the names are put back
      fx.computers().rename(other, otherName);
      fx.computers().rename(shown, name);
      JsonNode again =
          result(alice, "sendMdmCommand", erase.deepCopy().put("confirmationToken", token));
      assertThat(text(again)).contains("already been used");
      assertThat(fx.effects().mdmCommands()).isEmpty();
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
