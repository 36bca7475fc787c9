package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.MALLORY;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.READER;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.call;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.previewToken;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The confirmation gate on all three paths for the real write tools, every refusal with nothing
 * sent to Jamf, read-only mode, scope refusal, the typed phrase for erase, and the audit log.
 */
class WriteToolsEndToEndTest {
  static final Set<String> WRITES =
      Set.of("executePolicy", "updateInventory", "sendMdmCommand", "setStaticGroupMembership");
  static final Set<String> READS =
      Set.of(
          "listPolicies",
          "getPolicyDetails",
          "listScripts",
          "getScriptDetails",
          "listConfigurationProfiles",
          "getConfigurationProfileDetails",
          "listComputerGroups",
          "getComputerGroupMembers",
          "listMdmCommands",
          "listPatchTitles");

  /** Started once for the class; effects and audit cleared before each test, closed after all. */
  @RegisterExtension static final WriteToolsFixture fx = new WriteToolsFixture();

  @BeforeEach
  void clean() {
    fx.sim.faults().clear();
  }

  private static ObjectNode restart(String... ids) {
    ObjectNode a = Json.object().put("command", "restart");
    var list = a.putArray("deviceIds");
    for (String id : ids) {
      list.add(id);
    }
    return a;
  }

  /** A {@code confirm}-class command: the token path still serves it. */
  private static ObjectNode logOut(String... ids) {
    ObjectNode a = Json.object().put("command", "logOutUser");
    var list = a.putArray("deviceIds");
    for (String id : ids) {
      list.add(id);
    }
    return a;
  }

  private static dev.jamfmcp.simulator.fleet.MobileDevice mobile(int id) {
    return fx.sim.fleet().mobileDevices().stream()
        .filter(m -> m.id() == id)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyToolIsListedWithTitleSchemasAnnotationsAndTheRightHints() {
    JsonNode tools = fx.tokenClient(READER).request("tools/list", "{}").at("/result/tools");
    List<String> names = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.get("name").stringValue();
      names.add(name);
      if (!WRITES.contains(name) && !READS.contains(name)) {
        continue; // another engineer's tools
      }
      assertThat(tool.path("title").asString("")).as(name).isNotBlank();
      assertThat(tool.path("description").asString("").length()).as(name).isGreaterThan(80);
      assertThat(tool.at("/inputSchema/type").stringValue()).as(name).isEqualTo("object");
      assertThat(tool.at("/outputSchema/type").stringValue()).as(name).isEqualTo("object");
      JsonNode hints = tool.get("annotations");
      for (String hint :
          List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
        assertThat(hints.has(hint)).as(name + " " + hint).isTrue();
      }
      assertThat(hints.get("readOnlyHint").booleanValue()).as(name).isEqualTo(READS.contains(name));
      if (WRITES.contains(name) && !name.equals("updateInventory")) {
        assertThat(tool.at("/inputSchema/properties/confirmationToken").isObject()).isTrue();
      }
      if (WRITES.contains(name)) {
        assertThat(tool.path("description").asString("")).as(name).contains("Approval class: ");
      }
    }
    assertThat(names).containsAll(WRITES).containsAll(READS);
    for (JsonNode tool : tools) {
      if (tool.get("name").stringValue().equals("sendMdmCommand")) {
        assertThat(tool.at("/annotations/destructiveHint").booleanValue()).isTrue();
      }
    }
  }

  @Test
  void tokenPathPreviewsChangesNothingThenRunsOnceAndIsAudited() {
    TestClient client = fx.tokenClient(ALICE);
    String name = mobile(1).name();
    String serial = mobile(1).serialNumber();
    JsonNode first = result(client, "sendMdmCommand", logOut("mobile:1"));
    assertThat(first.at("/structuredContent/status").stringValue())
        .isEqualTo("confirmation_required");
    assertThat(text(first))
        .startsWith("Nothing has been done yet")
        .contains(name)
        .contains(serial)
        .contains("Log out user on 1 device");
    assertThat(first.at("/structuredContent/confirmation/targets/0").stringValue())
        .isEqualTo(name + " (serial " + serial + ", mobile:1)");
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();

    String token = first.at("/structuredContent/confirmation/token").stringValue();
    JsonNode done =
        result(client, "sendMdmCommand", logOut("mobile:1").put("confirmationToken", token));
    assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(done.at("/structuredContent/outcome").stringValue()).isEqualTo("succeeded");
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.commandType()).isEqualTo("LOG_OUT_USER");
              assertThat(c.managementId()).isEqualTo(mobile(1).managementId());
            });
    assertThat(fx.executed())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.principal()).isEqualTo("alice");
              assertThat(e.tool()).isEqualTo("sendMdmCommand");
              assertThat(e.arguments().has("confirmationToken")).isFalse();
              assertThat(e.arguments().get("command").stringValue()).isEqualTo("logOutUser");
              assertThat(e.targets()).containsExactly("mobile:1");
              assertThat(e.outcome()).isEqualTo("succeeded");
              assertThat(e.jamfResponse().at("/0/commandUuid").stringValue())
                  .isEqualTo(fx.effects().mdmCommands().get(0).uuid());
              assertThat(e.time()).isEqualTo(fx.clock.instant());
            });
  }

  @Test
  void everyBadTokenIsRefusedAndNothingReachesJamf() {
    TestClient alice = fx.tokenClient(ALICE);
    String token = previewToken(alice, "sendMdmCommand", logOut("mobile:2"));
    String tampered =
        token.substring(0, 12) + (token.charAt(12) == 'A' ? 'B' : 'A') + token.substring(13);
    List<JsonNode> refusals =
        List.of(
            result(alice, "sendMdmCommand", logOut("mobile:2").put("confirmationToken", tampered)),
            result(
                fx.tokenClient(MALLORY),
                "sendMdmCommand",
                logOut("mobile:2").put("confirmationToken", token)),
            result(alice, "sendMdmCommand", logOut("mobile:3").put("confirmationToken", token)));
    List<String> why =
        List.of("not one this server", "another user", "different tool or different arguments");
    for (int i = 0; i < refusals.size(); i++) {
      assertThat(refusals.get(i).get("isError").booleanValue()).isTrue();
      assertThat(text(refusals.get(i))).contains(why.get(i)).contains("Nothing was done");
    }
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();

    // the untouched token still works once, then is spent
    JsonNode ok =
        result(alice, "sendMdmCommand", logOut("mobile:2").put("confirmationToken", token));
    assertThat(ok.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    JsonNode replay =
        result(alice, "sendMdmCommand", logOut("mobile:2").put("confirmationToken", token));
    assertThat(text(replay)).contains("already been used");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
    assertThat(fx.executed()).hasSize(1);
  }

  @Test
  void anExpiredTokenIsRefused() {
    TestClient alice = fx.tokenClient(ALICE);
    String token = previewToken(alice, "sendMdmCommand", logOut("mobile:4"));
    fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    JsonNode late =
        result(alice, "sendMdmCommand", logOut("mobile:4").put("confirmationToken", token));
    assertThat(late.get("isError").booleanValue()).isTrue();
    assertThat(text(late)).contains("expired");
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();
  }

  @Test
  void thereIsNoConfirmTrueShortcut() {
    JsonNode reply =
        result(fx.tokenClient(ALICE), "sendMdmCommand", restart("computer:1").put("confirm", true));
    assertThat(reply.get("isError").booleanValue()).isTrue();
    fx.assertNothingSentToJamf();
  }

  @Test
  void elicitationPathAsksWhileTheCallWaitsAndRunsOnAccept() {
    TestClient client = new TestClient(fx.server, ALICE);
    client.initialize("2025-06-18"); // declares elicitation
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(callText(5, "sendMdmCommand", restart("computer:5")));
    JsonNode request = awaitElicitation(client);
    assertThat(request.at("/params/message").stringValue())
        .contains(fx.computers().serialNumber(4));
    fx.assertNothingSentToJamf();
    answer(client, request, true, null);
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(result.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
    assertThat(fx.executed()).hasSize(1);
  }

  @Test
  void elicitationDeclinedChangesNothing() {
    TestClient client = new TestClient(fx.server, ALICE);
    client.initialize("2025-11-25");
    CompletableFuture<Optional<String>> reply =
        client.sendAsync(callText(6, "sendMdmCommand", restart("computer:6")));
    JsonNode request = awaitElicitation(client);
    client
        .session()
        .handle(
            new JsonRpcMessage.Response(request.get("id"), Json.object().put("action", "decline")),
            new Caller(ALICE, m -> {}));
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(result.at("/structuredContent/status").stringValue()).isEqualTo("cancelled");
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();
  }

  @Test
  void statelessPathAsksWithInputRequiredAndRunsOnTheRetry() {
    TestClient client = new TestClient(fx.server, ALICE);
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
        .putObject("elicitation");
    params.put("name", "sendMdmCommand").set("arguments", restart("mobile:3"));
    JsonNode first = client.request("tools/call", params).get("result");
    assertThat(first.get("resultType").stringValue()).isEqualTo("input_required");
    assertThat(first.at("/inputRequests/confirm/params/message").stringValue())
        .contains("mobile:3");
    fx.assertNothingSentToJamf();

    ObjectNode retry = params.deepCopy();
    retry.put("requestState", first.get("requestState").stringValue());
    retry
        .putObject("inputResponses")
        .putObject("confirm")
        .put("action", "accept")
        .putObject("content")
        .put("confirm", true);
    JsonNode done = client.request("tools/call", retry).get("result");
    assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.clientType()).isEqualTo("MOBILE_DEVICE"));
    // the same state cannot be replayed
    assertThat(client.request("tools/call", retry).at("/result/isError").booleanValue()).isTrue();
    assertThat(fx.effects().mdmCommands()).hasSize(1);
  }

  @Test
  void eraseIsApprovedOnThePageWithItsPhraseNeverWithAToken() {
    TestClient alice = fx.tokenClient(ALICE);
    ObjectNode erase =
        args(
            "{'deviceIds':['computer:7','mobile:1'],'command':'erase',"
                + "'options':{'pin':'123456'}}");
    JsonNode first = result(alice, "sendMdmCommand", erase);
    assertThat(first.at("/structuredContent/status").stringValue()).isEqualTo("approval_required");
    assertThat(text(first)).contains("cannot be undone").contains("https://mcp.test/approve/ap_");
    assertThat(first.at("/structuredContent/approval/irreversible").booleanValue()).isTrue();
    assertThat(first.at("/structuredContent/confirmation").isMissingNode()).isTrue();
    String id = first.at("/structuredContent/approval/id").stringValue();
    JsonNode early = result(alice, "sendMdmCommand", erase.deepCopy().put("approvalId", id));
    assertThat(text(early)).contains("Not approved yet").contains(id);
    for (String phrase : new String[] {null, "ERASE 3 DEVICES", "erase 1 device"}) {
      assertThat(fx.approvals.decide(id, ALICE, Approvals.Verdict.APPROVE, phrase))
          .isEqualTo(Approvals.Outcome.WRONG_PHRASE);
    }
    fx.assertNothingSentToJamf();
    assertThat(fx.approvals.decide(id, ALICE, Approvals.Verdict.APPROVE, "ERASE 2 DEVICES"))
        .isEqualTo(Approvals.Outcome.APPROVED);
    JsonNode done = result(alice, "sendMdmCommand", erase.deepCopy().put("approvalId", id));
    assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands())
        .extracting(c -> c.commandType())
        .containsExactly("ERASE_DEVICE", "ERASE_DEVICE");
  }

  @Test
  void eraseDemandsTheTypedPhraseInTheElicitation() {
    TestClient client = new TestClient(fx.server, ALICE);
    client.initialize("2025-06-18");
    ObjectNode lock =
        args("{'deviceIds':['computer:8'],'command':'lock'," + "'options':{'pin':'654321'}}");
    CompletableFuture<Optional<String>> wrong =
        client.sendAsync(callText(7, "sendMdmCommand", lock));
    JsonNode request = awaitElicitation(client);
    assertThat(request.at("/params/requestedSchema/required").toString()).contains("phrase");
    answer(client, request, true, "LOCK 2 DEVICES");
    assertThat(TestClient.await(wrong).at("/result/structuredContent/status").stringValue())
        .isEqualTo("cancelled");
    fx.assertNothingSentToJamf();

    client.related().clear();
    CompletableFuture<Optional<String>> right =
        client.sendAsync(callText(8, "sendMdmCommand", lock));
    answer(client, awaitElicitation(client), true, "LOCK 1 DEVICE");
    assertThat(TestClient.await(right).at("/result/structuredContent/status").stringValue())
        .isEqualTo("executed");
    assertThat(fx.effects().mdmCommands())
        .singleElement()
        .satisfies(c -> assertThat(c.commandType()).isEqualTo("DEVICE_LOCK"));
  }

  @Test
  void aReadOnlyCallerIsRefusedByTheEngineAndTheHandlerNeverRuns() {
    JsonNode reply = call(fx.tokenClient(READER), "sendMdmCommand", restart("computer:1"));
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.INSUFFICIENT_SCOPE);
    JsonNode reply2 =
        call(
            fx.tokenClient(READER),
            "setStaticGroupMembership",
            args("{'groupId':'1','add':['computer:1']}"));
    assertThat(reply2.at("/error/code").intValue()).isEqualTo(ErrorCodes.INSUFFICIENT_SCOPE);
    fx.assertNothingSentToJamf();
    assertThat(fx.executed()).isEmpty();
  }

  @Test
  void readOnlyModeOffersNoWriteToolAndRefusesCalls() {
    try (WriteToolsFixture readOnly = new WriteToolsFixture(s -> s.readOnly(true))) {
      TestClient client = readOnly.tokenClient(ALICE);
      List<String> names = new ArrayList<>();
      client
          .request("tools/list", "{}")
          .at("/result/tools")
          .forEach(t -> names.add(t.get("name").stringValue()));
      assertThat(names).containsAll(READS).doesNotContainAnyElementsOf(WRITES);
      for (String write : WRITES) {
        JsonNode reply = call(client, write, args("{'deviceIds':['computer:1']}"));
        assertThat(reply.has("error")).as(write).isTrue();
        assertThat(reply.at("/error/message").stringValue()).contains("unknown tool");
      }
      readOnly.assertNothingSentToJamf();
      assertThat(readOnly.audit).isEmpty();
    }
  }

  private static String callText(int id, String tool, ObjectNode arguments) {
    ObjectNode message =
        Json.object().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
    message.putObject("params").put("name", tool).set("arguments", arguments);
    return message.toString();
  }

  private static void answer(TestClient client, JsonNode request, boolean confirm, String phrase) {
    ObjectNode answer = Json.object().put("action", "accept");
    ObjectNode content = answer.putObject("content").put("confirm", confirm);
    if (phrase != null) {
      content.put("phrase", phrase);
    }
    client
        .session()
        .handle(new JsonRpcMessage.Response(request.get("id"), answer), new Caller(ALICE, m -> {}));
  }

  private static JsonNode awaitElicitation(TestClient client) {
    return await("an elicitation/create")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                client.related().stream()
                    .filter(m -> "elicitation/create".equals(m.path("method").asString("")))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
