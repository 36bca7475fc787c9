package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14's "done when", as far as it holds before the approval page exists: for every write call
 * that needs a person (class confirm or approve), every string the model receives in a preview on a
 * client without elicitation is replayed in every other way (as a confirmation token in a session
 * with elicitation, as a 2026-07-28 request state with and without elicitation, on another write
 * tool: the token), and the simulator records nothing. Table-driven over all write tools and MDM
 * commands.
 *
 * <p>When the approval page lands, set {@link #TOKEN_PATH_OPENS_APPROVE} to false: then the
 * preview's own token, passed back as the preview says, must not run an {@code approve} action
 * either.
 */
class ApproveReplayTableTest {
  /** Today's path: a client without elicitation confirms approve actions with the token. */
  static final boolean TOKEN_PATH_OPENS_APPROVE = true;

  static WriteToolsFixture fx;

  /** One write call: the tool, its arguments, the phrase the user types, the class it needs. */
  record Row(String tool, ObjectNode arguments, String phrase, ApprovalClass approval) {
    @Override
    public String toString() {
      return tool + " " + arguments.path("command").asString("") + " (" + approval.label() + ")";
    }
  }

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

  private static ObjectNode mdm(String command, String device, String options) {
    ObjectNode a =
        WriteToolsFixture.args("{'command':'" + command + "','deviceIds':['" + device + "']}");
    if (options != null) {
      a.set("options", WriteToolsFixture.args(options));
    }
    return a;
  }

  static Stream<Row> rows() {
    StaticGroup kiosk =
        fx.sim.staticGroups().all().stream()
            .filter(g -> g.name().equals("Kiosk Macs"))
            .findFirst()
            .orElseThrow();
    int member = kiosk.computerIds().get(0);
    int outsider = 1;
    while (kiosk.computerIds().contains(outsider)) {
      outsider++;
    }
    ApprovalClass approve = ApprovalClass.APPROVE;
    ApprovalClass confirm = ApprovalClass.CONFIRM;
    return Stream.of(
        new Row("sendMdmCommand", mdm("restart", "computer:21", null), null, approve),
        new Row("sendMdmCommand", mdm("shutDown", "computer:22", null), null, approve),
        new Row(
            "sendMdmCommand",
            mdm("lock", "computer:23", "{'pin':'123456'}"),
            "LOCK 1 DEVICE",
            approve),
        new Row("sendMdmCommand", mdm("lock", "computer:24", null), "LOCK 1 DEVICE", approve),
        new Row(
            "sendMdmCommand",
            mdm("erase", "computer:25", "{'pin':'654321'}"),
            "ERASE 1 DEVICE",
            approve),
        new Row(
            "sendMdmCommand",
            mdm("enableLostMode", "mobile:3", "{'message':'Call IT'}"),
            null,
            approve),
        new Row("sendMdmCommand", mdm("disableLostMode", "mobile:4", null), null, confirm),
        new Row(
            "sendMdmCommand",
            mdm("clearPasscode", "mobile:5", "{'unlockToken':'dG9rZW4='}"),
            null,
            approve),
        new Row("sendMdmCommand", mdm("logOutUser", "mobile:6", null), null, confirm),
        new Row(
            "executePolicy",
            WriteToolsFixture.args(
                "{'policyName':'Install Google Chrome','deviceIdentifiers':['computer:26','computer:27']}"),
            null,
            approve),
        new Row(
            "executePolicy",
            WriteToolsFixture.args(
                "{'policyName':'Install Google Chrome','deviceIdentifiers':['computer:28']}"),
            null,
            confirm),
        new Row(
            "setStaticGroupMembership",
            WriteToolsFixture.args(
                "{'groupId':'" + kiosk.id() + "','remove':['computer:" + member + "']}"),
            null,
            approve),
        new Row(
            "setStaticGroupMembership",
            WriteToolsFixture.args(
                "{'groupId':'" + kiosk.id() + "','add':['computer:" + outsider + "']}"),
            null,
            confirm));
  }

  @Test
  void theTableCoversEveryWriteToolThatAsksAPerson() {
    Set<String> inTable = new LinkedHashSet<>();
    rows().forEach(r -> inTable.add(r.tool()));
    Map<String, ApprovalClass> declared = new TreeMap<>();
    for (Tool t :
        JamfTools.create(fx.jamf, s -> s.confirmationKey(WriteToolsFixture.KEY)).tools()) {
      if (t.approvalClass() != null) {
        declared.put(t.name(), t.approvalClass());
      }
    }
    Set<String> asking = new LinkedHashSet<>();
    declared.forEach(
        (name, cls) -> {
          if (cls != ApprovalClass.NONE) {
            asking.add(name);
          }
        });
    assertThat(inTable).containsExactlyInAnyOrderElementsOf(asking);
    assertThat(declared).containsEntry("updateInventory", ApprovalClass.NONE);
  }

  /** Every string value anywhere in the result, and every quoted token in its text. */
  private static Set<String> strings(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    Matcher quoted = Pattern.compile("\"([A-Za-z0-9._-]{20,})\"").matcher(node.toString());
    while (quoted.find()) {
      out.add(quoted.group(1));
    }
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isString()) {
      out.add(node.stringValue());
    }
    node.forEach(child -> collect(child, out));
  }

  private static ObjectNode stateless(Row row, boolean elicits) {
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    if (elicits) {
      ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
          .putObject("elicitation");
    }
    params.put("name", row.tool()).set("arguments", row.arguments().deepCopy());
    return params;
  }

  private static ObjectNode accepted(ObjectNode params, String state, String phrase) {
    ObjectNode retry = params.deepCopy().put("requestState", state);
    ObjectNode content =
        retry
            .putObject("inputResponses")
            .putObject("confirm")
            .put("action", "accept")
            .putObject("content")
            .put("confirm", true);
    if (phrase != null) {
      content.put("phrase", phrase);
    }
    return retry;
  }

  private static ObjectNode withToken(Row row, String value) {
    ObjectNode a = row.arguments().deepCopy().put("confirmationToken", value);
    if (row.phrase() != null) {
      a.put("confirmationPhrase", row.phrase());
    }
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void nothingInAPreviewCompletesTheActionAnyOtherWay(Row row) {
    JsonNode preview = result(fx.tokenClient(ALICE), row.tool(), row.arguments());
    assertThat(preview.at("/structuredContent/status").asString(""))
        .as(preview.toString())
        .isEqualTo("confirmation_required");
    Set<String> fields = strings(preview);
    String token = preview.at("/structuredContent/confirmation/token").stringValue();
    assertThat(fields).contains(token);

    TestClient eliciting = new TestClient(fx.server, ALICE);
    eliciting.initialize("2025-06-18");
    for (String value : fields) {
      // as a confirmation token, in a session whose user has a dialog
      result(eliciting, row.tool(), withToken(row, value));
      // as a 2026-07-28 request state, with and without elicitation
      for (boolean elicits : List.of(true, false)) {
        new TestClient(fx.server, ALICE)
            .request("tools/call", accepted(stateless(row, elicits), value, row.phrase()));
      }
    }
    // the token on every other write call of the table
    rows()
        .filter(other -> !other.toString().equals(row.toString()))
        .forEach(other -> result(fx.tokenClient(ALICE), other.tool(), withToken(other, token)));
    // a request state minted for a dialog, passed as a confirmation token
    JsonNode asked =
        new TestClient(fx.server, ALICE).request("tools/call", stateless(row, true)).get("result");
    String state = asked.get("requestState").stringValue();
    result(fx.tokenClient(ALICE), row.tool(), withToken(row, state));
    fx.assertNothingSentToJamf();

    // the preview's own token, passed back as the preview says
    JsonNode direct = result(fx.tokenClient(ALICE), row.tool(), withToken(row, token));
    boolean mayRun = row.approval() != ApprovalClass.APPROVE || TOKEN_PATH_OPENS_APPROVE;
    assertThat(direct.at("/structuredContent/status").asString(""))
        .as(direct.toString())
        .isEqualTo(mayRun ? "executed" : "confirmation_required");
  }
}
