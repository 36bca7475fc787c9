package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.audit.LoggingAuditSink;
import dev.jamfmcp.mcp.audit.Secrets;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write tool with secret-bearing options, on every confirmation path: no secret (given or
 * generated) appears in any log line, any audit line, or anything the model receives; audit lines
 * say {@code "set"}; a Mac PIN left out is generated and kept in the pending action only.
 */
class WriteSecretsTest {
  static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
  static final LoggingAuditSink LOGGED = new LoggingAuditSink();
  static WriteToolsFixture fx;

  /** The secret fields each tool declares, as the test below covers them. */
  static final Set<String> COVERED =
      Set.of(
          "sendMdmCommand:pin",
          "sendMdmCommand:password",
          "sendMdmCommand:newPassword",
          "sendMdmCommand:redemptionCode",
          "sendMdmCommand:appleCareToken");

  @BeforeAll
  static void start() {
    fx =
        new WriteToolsFixture(
            s ->
                s.audit(
                    e -> {
                      AUDIT.add(e);
                      LOGGED.record(e);
                    }));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clean() {
    fx.effects().clear();
    AUDIT.clear();
  }

  @Test
  void everySecretFieldOfEveryWriteToolIsMarkedAndCoveredHere() {
    JsonNode tools = fx.tokenClient(ALICE).request("tools/list", "{}").at("/result/tools");
    Set<String> declared = new TreeSet<>();
    for (JsonNode tool : tools) {
      collectSecrets(tool.get("name").stringValue(), tool.get("inputSchema"), declared);
    }
    assertThat(declared).isEqualTo(new TreeSet<>(COVERED));
    JsonNode pin = null;
    for (JsonNode tool : tools) {
      if (tool.get("name").stringValue().equals("sendMdmCommand")) {
        pin = tool.at("/inputSchema/properties/options/properties/pin");
      }
    }
    assertThat(pin.get("writeOnly").booleanValue()).isTrue();
    assertThat(pin.get(Secrets.MARKER).booleanValue()).isTrue();
  }

  private static void collectSecrets(String tool, JsonNode schema, Set<String> into) {
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if (Secrets.isSecret(p.getValue())) {
                into.add(tool + ":" + p.getKey());
              }
              collectSecrets(tool, p.getValue(), into);
            });
  }

  private static ObjectNode mdm(String command, String device, ObjectNode options) {
    ObjectNode a = Json.object().put("command", command);
    a.putArray("deviceIds").add(device);
    if (options != null) {
      a.set("options", options);
    }
    return a;
  }

  /**
   * Preview then confirm on the token path ({@code confirm} actions) or approve on the page ({@code
   * approve} actions) for a client without elicitation; returns every message the client received.
   */
  private static List<JsonNode> tokenPath(ObjectNode arguments) {
    TestClient client = fx.tokenClient(ALICE);
    List<JsonNode> seen = new ArrayList<>();
    JsonNode first = result(client, "sendMdmCommand", arguments);
    seen.add(first);
    ObjectNode again;
    if (first.at("/structuredContent/status").asString("").equals("approval_required")) {
      again = arguments.deepCopy().put("approvalId", fx.approveAsPerson(first, ALICE));
    } else {
      String token = first.at("/structuredContent/confirmation/token").stringValue();
      again = arguments.deepCopy().put("confirmationToken", token);
    }
    JsonNode done = result(client, "sendMdmCommand", again);
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    seen.add(done);
    seen.addAll(client.related());
    return seen;
  }

  private static void assertNowhere(String secret, List<JsonNode> modelFacing, String log) {
    for (JsonNode m : modelFacing) {
      assertThat(m.toString()).as("model-facing").doesNotContain(secret);
    }
    for (AuditEvent e : AUDIT) {
      assertThat(e.toString()).as("audit event").doesNotContain(secret);
    }
    assertThat(log).as("log").doesNotContain(secret).contains(LoggingAuditSink.LOGGER);
  }

  @Test
  void givenPinsAndUnlockTokensAreNeverLoggedAuditedOrShownBack() {
    String lockPin = "735194";
    String erasePin = "864213";
    // the server fetches the unlock token from Jamf Pro; the model never has it
    var withToken =
        fx.sim.fleet().mobileDevices().stream()
            .filter(d -> d.unlockToken() != null)
            .findFirst()
            .orElseThrow();
    String unlockToken = withToken.unlockToken();
    List<JsonNode> seen = new ArrayList<>();
    String log;
    try (CapturedLog captured = new CapturedLog()) {
      seen.addAll(tokenPath(mdm("lock", "computer:11", Json.object().put("pin", lockPin))));
      seen.addAll(tokenPath(mdm("erase", "computer:12", Json.object().put("pin", erasePin))));
      seen.addAll(tokenPath(mdm("clearPasscode", "mobile:" + withToken.id(), Json.object())));
      log = captured.text();
    }
    assertThat(fx.effects().mdmCommands())
        .extracting(c -> c.commandType())
        .containsExactly("DEVICE_LOCK", "ERASE_DEVICE", "CLEAR_PASSCODE");
    for (String secret : List.of(lockPin, erasePin, unlockToken)) {
      assertNowhere(secret, seen, log);
    }
    // each event of each write says "set" where the secret was
    assertThat(AUDIT).hasSize(9); // approval opened, approval redeemed, executed for each
    for (AuditEvent e : AUDIT) {
      JsonNode options = e.arguments().path("options");
      if (options.has("pin")) {
        assertThat(options.path("pin").asString("")).as(e.toString()).isEqualTo(Secrets.REDACTED);
      } else {
        assertThat(options.has("unlockToken")).as(e.toString()).isFalse();
      }
    }
    assertThat(log).contains("\"pin\":\"set\"");
  }

  @Test
  void passwordsCodesAndTokensOfTheOtherCommandsAreNeverLoggedAuditedOrShownBack() {
    String recovery = "Recovery-Lock-Secret-71";
    String verify = "Verify-Lock-Secret-72";
    String admin = "Admin-Password-Secret-73";
    String code = "REDEEM-SECRET-74";
    String appleCare = "AppleCare-Token-Secret-75";
    List<JsonNode> seen = new ArrayList<>();
    String log;
    try (CapturedLog captured = new CapturedLog()) {
      seen.addAll(
          tokenPath(
              mdm("setRecoveryLock", "computer:14", Json.object().put("newPassword", recovery))));
      seen.addAll(
          tokenPath(
              mdm("verifyRecoveryLock", "computer:14", Json.object().put("password", verify))));
      seen.addAll(
          tokenPath(
              mdm(
                  "setAutoAdminPassword",
                  "computer:15",
                  Json.object().put("guid", "g-1").put("password", admin))));
      seen.addAll(
          tokenPath(
              mdm(
                  "applyRedemptionCode",
                  "mobile:3",
                  Json.object().put("identifier", "com.example.app").put("redemptionCode", code))));
      seen.addAll(
          tokenPath(
              mdm(
                  "triggerEnhancedLogCollection",
                  "mobile:3",
                  Json.object().put("appleCareToken", appleCare))));
      log = captured.text();
    }
    assertThat(fx.effects().mdmCommands())
        .extracting(c -> c.commandType())
        .containsExactly(
            "SET_RECOVERY_LOCK",
            "VERIFY_RECOVERY_LOCK",
            "SET_AUTO_ADMIN_PASSWORD",
            "APPLY_REDEMPTION_CODE",
            "TRIGGER_ENHANCED_LOG_COLLECTION");
    for (String secret : List.of(recovery, verify, admin, code, appleCare)) {
      assertNowhere(secret, seen, log);
    }
    assertThat(log)
        .contains("\"newPassword\":\"set\"")
        .contains("\"password\":\"set\"")
        .contains("\"redemptionCode\":\"set\"")
        .contains("\"appleCareToken\":\"set\"");
  }

  @Test
  void aRefusedConfirmationLeavesAJsonLineWithItsReasonOnTheAuditLogger() {
    String log;
    try (CapturedLog captured = new CapturedLog()) {
      tokenPath(mdm("logOutUser", "mobile:16", null));
      TestClient client = fx.tokenClient(ALICE);
      JsonNode first = result(client, "sendMdmCommand", mdm("logOutUser", "mobile:17", null));
      String token = first.at("/structuredContent/confirmation/token").stringValue();
      ObjectNode again = mdm("logOutUser", "mobile:17", null).put("confirmationToken", token);
      result(client, "sendMdmCommand", again);
      result(client, "sendMdmCommand", again); // replayed
      log = captured.text();
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : log.split("\n")) {
      int json = line.indexOf('{');
      if (line.contains(LoggingAuditSink.LOGGER) && json >= 0) {
        lines.add(Json.mapper().readTree(line.substring(json)));
      }
    }
    assertThat(lines)
        .extracting(l -> l.path("event").asString(""))
        .containsExactly(
            "preview", "confirmed", "executed", "preview", "confirmed", "executed", "refused");
    assertThat(lines.get(6).path("reason").asString("")).isEqualTo("replayed");
    assertThat(lines.get(6).path("tool").asString("")).isEqualTo("sendMdmCommand");
  }

  @Test
  void aMissingMacPinIsGeneratedShownOnlyOnTheApprovalPageAndNeverToTheModel() {
    TestClient client = fx.tokenClient(ALICE);
    ObjectNode lock = mdm("lock", "computer:13", null);
    List<JsonNode> seen = new ArrayList<>();
    String log;
    String pin;
    try (CapturedLog captured = new CapturedLog()) {
      JsonNode first = result(client, "sendMdmCommand", lock);
      seen.add(first);
      assertThat(first.at("/structuredContent/status").asString(""))
          .as(first.toString())
          .isEqualTo("approval_required");
      assertThat(first.toString()).contains("new 6-digit PIN, shown only on the approval page");
      String id = first.at("/structuredContent/approval/id").stringValue();
      var approval = fx.approvals.find(id).orElseThrow();
      pin = approval.request().secret();
      assertThat(pin).matches("[0-9]{6}");
      assertThat(approval.toString()).doesNotContain(pin);
      fx.approveAsPerson(first, ALICE);
      JsonNode done = result(client, "sendMdmCommand", lock.deepCopy().put("approvalId", id));
      seen.add(done);
      assertThat(done.at("/structuredContent/status").asString(""))
          .as(done.toString())
          .isEqualTo("executed");
      seen.addAll(client.related());
      log = captured.text();
    }
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.commandType()).isEqualTo("DEVICE_LOCK"));
    assertNowhere(pin, seen, log);
  }

  @Test
  void theDialogPathsShowNoSecretEither() {
    String pin = "591357";
    List<JsonNode> seen = new ArrayList<>();
    String log;
    try (CapturedLog captured = new CapturedLog()) {
      // 2025-06-18 with elicitation: the dialog is asked while the call waits
      TestClient client = new TestClient(fx.server, ALICE);
      client.initialize("2025-06-18");
      ObjectNode params = Json.object().put("name", "sendMdmCommand");
      params.set("arguments", mdm("erase", "computer:14", Json.object().put("pin", pin)));
      CompletableFuture<Optional<String>> reply =
          client.sendAsync(
              Json.mapper()
                  .writeValueAsString(
                      Json.object()
                          .put("jsonrpc", "2.0")
                          .put("id", 77)
                          .put("method", "tools/call")
                          .set("params", params)));
      JsonNode request =
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(10))
              .until(
                  () ->
                      client.related().stream()
                          .filter(m -> "elicitation/create".equals(m.path("method").asString("")))
                          .findFirst(),
                  Optional::isPresent)
              .orElseThrow();
      ObjectNode answer = Json.object().put("action", "accept");
      answer.putObject("content").put("confirm", true).put("phrase", "ERASE 1 DEVICE");
      client
          .session()
          .handle(
              new JsonRpcMessage.Response(request.get("id"), answer), new Caller(ALICE, m -> {}));
      seen.add(TestClient.await(reply));
      seen.addAll(client.related());

      // 2026-07-28 with elicitation: input required, then the retry
      TestClient stateless = new TestClient(fx.server, ALICE);
      ObjectNode call = TestClient.statelessParams("2026-07-28");
      ((ObjectNode) call.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
          .putObject("elicitation");
      call.put("name", "sendMdmCommand")
          .set("arguments", mdm("lock", "computer:15", Json.object().put("pin", pin)));
      JsonNode first = stateless.request("tools/call", call);
      seen.add(first);
      ObjectNode retry = call.deepCopy();
      retry.put("requestState", first.at("/result/requestState").stringValue());
      retry
          .putObject("inputResponses")
          .putObject("confirm")
          .put("action", "accept")
          .putObject("content")
          .put("confirm", true)
          .put("phrase", "LOCK 1 DEVICE");
      seen.add(stateless.request("tools/call", retry));
      log = captured.text();
    }
    assertThat(fx.effects().mdmCommands())
        .extracting(c -> c.commandType())
        .containsExactly("ERASE_DEVICE", "DEVICE_LOCK");
    assertNowhere(pin, seen, log);
  }
}
