package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.confirm.ConfirmationGate;
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
 * Issue 14's "done when": for every write call that needs a person (class confirm or approve),
 * every string the model receives in a preview on a client without elicitation is replayed in every
 * other way (as a confirmation token in a session with elicitation and one without, as an approval
 * id, as a 2026-07-28 request state with and without elicitation, on another write tool: the token
 * or approval id), and the simulator records nothing. Table-driven over all write tools and MDM
 * commands; the server has the approval page (browser mode) and nobody approves anything.
 *
 * <p>With {@link #TOKEN_PATH_OPENS_APPROVE} false, the preview's own answer, passed back as the
 * preview says, must not run an {@code approve} action either: only a person on the page can.
 */
class ApproveReplayTableTest {
  /** Before the approval page, a client without elicitation confirmed approve actions by token. */
  static final boolean TOKEN_PATH_OPENS_APPROVE = false;

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
    fx = new WriteToolsFixture(ConfirmationGate.ApprovalMode.BROWSER, s -> {});
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
    int smart = fx.sim.fleet().smartGroups().get(8).id();
    return Stream.of(
        new Row(
            "createSmartGroup",
            WriteToolsFixture.args(
                "{'name':'Replay Airs','criteria':[{'name':'Model','searchType':'like',"
                    + "'value':'MacBook Air'}]}"),
            null,
            confirm),
        new Row(
            "updateSmartGroup",
            WriteToolsFixture.args(
                "{'groupId':'"
                    + smart
                    + "','criteria':[{'name':'Apple Silicon','searchType':'is','value':'No'}]}"),
            null,
            approve),
        new Row(
            "updateSmartGroup",
            WriteToolsFixture.args("{'groupId':'" + smart + "','description':'Replayed'}"),
            null,
            confirm),
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
        new Row("sendMdmCommand", mdm("clearPasscode", "mobile:8", null), null, approve),
        new Row("sendMdmCommand", mdm("logOutUser", "mobile:6", null), null, confirm),
        new Row(
            "setPolicyEnabled",
            WriteToolsFixture.args("{'policyName':'Install Google Chrome','enabled':false}"),
            null,
            confirm),
        new Row(
            "assignPrestage",
            WriteToolsFixture.args(
                "{'prestage':'Lab Macs','deviceType':'computer','action':'add','devices':['computer:90']}"),
            null,
            confirm),
        new Row(
            "createSoftwareUpdatePlan",
            WriteToolsFixture.args(
                "{'deviceIds':['computer:"
                    + managedMac()
                    + "'],'updateAction':'DOWNLOAD_ONLY','versionType':'LATEST_ANY'}"),
            null,
            confirm),
        new Row(
            "createSoftwareUpdatePlan",
            WriteToolsFixture.args(
                "{'deviceIds':['computer:"
                    + managedMac()
                    + "'],'updateAction':'DOWNLOAD_INSTALL_RESTART','versionType':'LATEST_ANY'}"),
            null,
            approve),
        new Row(
            "flushMdmCommands",
            WriteToolsFixture.args("{'deviceIds':['computer:9','mobile:11']}"),
            null,
            confirm),
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

  /** The first MDM-managed Mac (an unmanaged one is refused before any preview). */
  private static int managedMac() {
    var computers = fx.sim.fleet().computers();
    int row = 0;
    while (!computers.managed(row)) {
      row++;
    }
    return computers.id(row);
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
          // the reveal tools change nothing to replay: RevealSecretsTest shows their secret
          // reaches only the person's page, never the model
          if (cls != ApprovalClass.NONE && !name.startsWith("reveal")) {
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
    return stateless(row, elicits, false);
  }

  private static ObjectNode stateless(Row row, boolean elicits, boolean url) {
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    if (elicits) {
      ObjectNode e =
          ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
              .putObject("elicitation");
      if (url) {
        e.putObject("url");
      }
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
    return row.arguments().deepCopy().put("confirmationToken", value);
  }

  private static ObjectNode withApprovalId(Row row, String value) {
    return row.arguments().deepCopy().put("approvalId", value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void nothingInAPreviewCompletesTheActionAnyOtherWay(Row row) {
    boolean approve = row.approval() == ApprovalClass.APPROVE;
    JsonNode preview = result(fx.tokenClient(ALICE), row.tool(), row.arguments());
    assertThat(preview.at("/structuredContent/status").asString(""))
        .as(preview.toString())
        .isEqualTo(approve ? "approval_required" : "confirmation_required");
    Set<String> fields = strings(preview);
    String answer =
        approve
            ? preview.at("/structuredContent/approval/id").stringValue()
            : preview.at("/structuredContent/confirmation/token").stringValue();
    assertThat(fields).contains(answer);
    if (approve) {
      assertThat(preview.at("/structuredContent/confirmation").isMissingNode()).isTrue();
    }

    TestClient eliciting = new TestClient(fx.server, ALICE);
    eliciting.initialize("2025-06-18");
    for (String value : fields) {
      // as a confirmation token, in a session whose user has a dialog (and, for approve actions,
      // in one without: no token of any kind opens them there)
      result(eliciting, row.tool(), withToken(row, value));
      if (approve) {
        result(fx.tokenClient(ALICE), row.tool(), withToken(row, value));
      }
      // as an approval id
      result(fx.tokenClient(ALICE), row.tool(), withApprovalId(row, value));
      // as a 2026-07-28 request state, with and without elicitation, with URL elicitation
      for (boolean elicits : List.of(true, false)) {
        new TestClient(fx.server, ALICE)
            .request("tools/call", accepted(stateless(row, elicits), value, row.phrase()));
      }
      new TestClient(fx.server, ALICE)
          .request("tools/call", accepted(stateless(row, true, true), value, row.phrase()));
    }
    // the answer on every other write call of the table
    rows()
        .filter(other -> !other.toString().equals(row.toString()))
        .forEach(
            other -> {
              result(fx.tokenClient(ALICE), other.tool(), withToken(other, answer));
              result(fx.tokenClient(ALICE), other.tool(), withApprovalId(other, answer));
            });
    // a request state minted for a dialog (or, for approve, for the approval page), passed as a
    // confirmation token and as an approval id
    JsonNode asked =
        new TestClient(fx.server, ALICE)
            .request("tools/call", stateless(row, true, approve))
            .get("result");
    String state = asked.get("requestState").stringValue();
    result(fx.tokenClient(ALICE), row.tool(), withToken(row, state));
    result(fx.tokenClient(ALICE), row.tool(), withApprovalId(row, state));
    fx.assertNothingSentToJamf();

    // the preview's own answer, passed back as the preview says
    JsonNode direct =
        result(
            fx.tokenClient(ALICE),
            row.tool(),
            approve ? withApprovalId(row, answer) : withToken(row, answer));
    boolean mayRun = !approve || TOKEN_PATH_OPENS_APPROVE;
    assertThat(direct.at("/structuredContent/status").asString(""))
        .as(direct.toString())
        .isEqualTo(mayRun ? "executed" : "approval_required");
    if (!mayRun) {
      assertThat(text(direct)).contains("Not approved yet");
      fx.assertNothingSentToJamf();
      assertThat(fx.executed()).isEmpty();
    }
  }
}
