package dev.jamfmcp.tools;

import static dev.jamfmcp.mcp.testing.WriteToolsFixture.ALICE;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.MALLORY;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.args;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.result;
import static dev.jamfmcp.mcp.testing.WriteToolsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.WriteToolsFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14 point 2, end to end on the simulator: an {@code approve} action runs only after a person
 * approved it on the approval page, once; declined, expired, another user's or changed approvals
 * run nothing; the 2025-11-25 and 2026-07-28 URL elicitation paths carry the page's URL.
 */
class ApprovalFlowTest {
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
    fx.effects().clear();
    fx.audit.clear();
  }

  private static ObjectNode restart(String id) {
    return args("{'command':'restart','deviceIds':['" + id + "']}");
  }

  private static String status(JsonNode result) {
    return result.at("/structuredContent/status").asString("");
  }

  @Test
  void approvedOnThePageItRunsExactlyOnce() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "sendMdmCommand", restart("computer:101"));
    assertThat(status(first)).isEqualTo("approval_required");
    String id = first.at("/structuredContent/approval/id").stringValue();
    String url = first.at("/structuredContent/approval/url").stringValue();
    assertThat(url).isEqualTo("https://mcp.test/approve/" + id);
    assertThat(text(first))
        .contains("A person must approve at " + url + "; then call this tool again")
        .contains("approvalId=" + id);
    assertThat(fx.approvals.find(id).orElseThrow().request().targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.jamfId()).isEqualTo("101");
              assertThat(t.name()).isEqualTo(fx.computers().name(100));
              assertThat(t.serial()).isEqualTo(fx.computers().serialNumber(100));
              assertThat(t.managementId()).isEqualTo(fx.computers().managementId(100));
            });
    fx.assertNothingSentToJamf();

    fx.approveAsPerson(first, ALICE);
    ObjectNode again = restart("computer:101").put("approvalId", id);
    JsonNode done = result(alice, "sendMdmCommand", again);
    assertThat(status(done)).as(done.toString()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands()).hasSize(1);

    JsonNode twice = result(alice, "sendMdmCommand", again);
    assertThat(twice.get("isError").booleanValue()).isTrue();
    assertThat(text(twice)).contains("already been used").contains("Nothing was done");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
    assertThat(fx.events(AuditEvent.APPROVAL_OPENED)).hasSize(1);
    assertThat(fx.events(AuditEvent.APPROVAL_REDEEMED)).hasSize(1);
    assertThat(fx.events(AuditEvent.REFUSED))
        .extracting(AuditEvent::reason)
        .containsExactly("approval_already_used");
    assertThat(fx.executed()).hasSize(1);
  }

  @Test
  void declinedOnThePageNothingRuns() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "sendMdmCommand", restart("computer:102"));
    String id = first.at("/structuredContent/approval/id").stringValue();
    assertThat(fx.approvals.decide(id, ALICE, Approvals.Verdict.DECLINE, null))
        .isEqualTo(Approvals.Outcome.DECLINED);
    JsonNode run = result(alice, "sendMdmCommand", restart("computer:102").put("approvalId", id));
    assertThat(status(run)).isEqualTo("cancelled");
    assertThat(text(run)).contains("declined");
    fx.assertNothingSentToJamf();
  }

  @Test
  void anExpiredApprovalRunsNothing() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "sendMdmCommand", restart("computer:103"));
    String id = fx.approveAsPerson(first, ALICE);
    fx.clock.advance(Approvals.DEFAULT_TTL.plusSeconds(1));
    JsonNode run = result(alice, "sendMdmCommand", restart("computer:103").put("approvalId", id));
    assertThat(run.get("isError").booleanValue()).isTrue();
    assertThat(text(run)).contains("expired").contains("Nothing was done");
    fx.assertNothingSentToJamf();
  }

  @Test
  void notYetApprovedSaysWhereAndRunsNothing() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "sendMdmCommand", restart("computer:104"));
    String id = first.at("/structuredContent/approval/id").stringValue();
    JsonNode run = result(alice, "sendMdmCommand", restart("computer:104").put("approvalId", id));
    assertThat(status(run)).isEqualTo("approval_required");
    assertThat(text(run)).contains("Not approved yet").contains("https://mcp.test/approve/" + id);
    fx.assertNothingSentToJamf();
  }

  @Test
  void anotherUsersApprovalIdRunsNothingForThem() {
    JsonNode first = result(fx.tokenClient(ALICE), "sendMdmCommand", restart("computer:105"));
    String id = fx.approveAsPerson(first, ALICE);
    JsonNode stolen =
        result(
            fx.tokenClient(MALLORY),
            "sendMdmCommand",
            restart("computer:105").put("approvalId", id));
    fx.assertNothingSentToJamf();
    assertThat(status(stolen)).isEqualTo("approval_required");
    assertThat(stolen.at("/structuredContent/approval/id").stringValue()).isNotEqualTo(id);
    assertThat(fx.events(AuditEvent.REFUSED))
        .extracting(AuditEvent::reason)
        .containsExactly("approval_mismatch");
    // Alice's approval was not spent by the attempt
    JsonNode done =
        result(
            fx.tokenClient(ALICE), "sendMdmCommand", restart("computer:105").put("approvalId", id));
    assertThat(status(done)).isEqualTo("executed");
  }

  @Test
  void aConfirmationTokenNeverOpensAnApproveActionAndAnApprovalIdIsNoToken() {
    TestClient alice = fx.tokenClient(ALICE);
    JsonNode first = result(alice, "sendMdmCommand", restart("computer:106"));
    String id = fx.approveAsPerson(first, ALICE);
    JsonNode asToken =
        result(alice, "sendMdmCommand", restart("computer:106").put("confirmationToken", id));
    assertThat(asToken.get("isError").booleanValue()).isTrue();
    assertThat(text(asToken)).contains("cannot approve");
    // nor as a 2026-07-28 request state
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    params.put("name", "sendMdmCommand").set("arguments", restart("computer:106"));
    params.put("requestState", id);
    JsonNode asState = new TestClient(fx.server, ALICE).request("tools/call", params);
    assertThat(asState.at("/result/isError").booleanValue()).as(asState.toString()).isTrue();
    fx.assertNothingSentToJamf();
    assertThat(fx.events(AuditEvent.REFUSED))
        .extracting(AuditEvent::reason)
        .containsExactly("token_on_approve", "approval_state_malformed");
  }

  /** A 2025-11-25 client that declares URL-mode elicitation, initialized. */
  private static TestClient urlElicitingClient() {
    TestClient client = new TestClient(fx.server, ALICE);
    client.request(
        "initialize",
        "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{\"url\":{}}},"
            + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
    client.notify("notifications/initialized", "{}");
    return client;
  }

  /** Starts a tools/call and returns its reply, once the elicitation/create has been answered. */
  private static CompletableFuture<Optional<String>> callAndAcceptTheUrl(
      TestClient client, int requestId, ObjectNode arguments, String[] elicitationId) {
    ObjectNode message =
        Json.object().put("jsonrpc", "2.0").put("id", requestId).put("method", "tools/call");
    message.putObject("params").put("name", "sendMdmCommand").set("arguments", arguments);
    CompletableFuture<Optional<String>> reply = client.sendAsync(message.toString());
    JsonNode request =
        await("an elicitation/create")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(10))
            .until(
                () ->
                    client.related().stream()
                        .filter(m -> "elicitation/create".equals(m.path("method").asString("")))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    String id = request.at("/params/elicitationId").stringValue();
    assertThat(request.at("/params/mode").stringValue()).isEqualTo("url");
    assertThat(request.at("/params/url").stringValue()).isEqualTo("https://mcp.test/approve/" + id);
    assertThat(request.at("/params/requestedSchema").isMissingNode()).isTrue();
    client
        .session()
        .handle(
            new JsonRpcMessage.Response(request.get("id"), Json.object().put("action", "accept")),
            new Caller(ALICE, m -> {}));
    elicitationId[0] = id;
    return reply;
  }

  private static List<JsonNode> completions(TestClient client) {
    return client.related().stream()
        .filter(m -> "notifications/elicitation/complete".equals(m.path("method").asString("")))
        .toList();
  }

  @Test
  void aUrlElicitingClientWaitsForThePersonAndTheActionRunsOnceInTheSameCall() {
    TestClient client = urlElicitingClient();
    String[] id = new String[1];
    CompletableFuture<Optional<String>> reply =
        callAndAcceptTheUrl(client, 77, restart("computer:107"), id);
    // the call waits for the person; nothing has run
    await("the call waiting on the decision")
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx.events(AuditEvent.APPROVAL_OPENED).size() == 1);
    assertThat(reply).isNotDone();
    fx.assertNothingSentToJamf();

    assertThat(
            fx.approvals.decide(
                id[0],
                ALICE,
                Approvals.Verdict.APPROVE,
                fx.approvals.find(id[0]).orElseThrow().request().phrase()))
        .isEqualTo(Approvals.Outcome.APPROVED);
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(status(result)).as(result.toString()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
    assertThat(completions(client))
        .singleElement()
        .satisfies(n -> assertThat(n.at("/params/elicitationId").stringValue()).isEqualTo(id[0]));
    assertThat(fx.events(AuditEvent.APPROVAL_REDEEMED)).hasSize(1);

    // the approval was used by the waiting call: passing its id again runs nothing
    JsonNode again =
        result(client, "sendMdmCommand", restart("computer:107").put("approvalId", id[0]));
    assertThat(text(again)).contains("already been used");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
  }

  @Test
  void aUrlElicitingClientWhosePersonDeclinesGetsCancelledAndNothingRuns() {
    TestClient client = urlElicitingClient();
    String[] id = new String[1];
    CompletableFuture<Optional<String>> reply =
        callAndAcceptTheUrl(client, 78, restart("computer:110"), id);
    assertThat(fx.approvals.decide(id[0], ALICE, Approvals.Verdict.DECLINE, null))
        .isEqualTo(Approvals.Outcome.DECLINED);
    JsonNode result = TestClient.await(reply).get("result");
    assertThat(status(result)).as(result.toString()).isEqualTo("cancelled");
    assertThat(text(result)).contains("declined");
    assertThat(completions(client)).hasSize(1);
    fx.assertNothingSentToJamf();
  }

  @Test
  void aWaitingCallThatIsCancelledLeavesTheApprovalForTheNextCall() {
    TestClient client = urlElicitingClient();
    String[] id = new String[1];
    CompletableFuture<Optional<String>> reply =
        callAndAcceptTheUrl(client, 79, restart("computer:111"), id);
    await("the call waiting on the decision")
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx.events(AuditEvent.APPROVAL_OPENED).size() == 1);
    client.notify("notifications/cancelled", "{\"requestId\":79}");
    assertThat(TestClient.await(reply)).as("a cancelled request gets no answer").isNull();
    fx.assertNothingSentToJamf();
    fx.approvals.decide(
        id[0],
        ALICE,
        Approvals.Verdict.APPROVE,
        fx.approvals.find(id[0]).orElseThrow().request().phrase());
    JsonNode done =
        result(client, "sendMdmCommand", restart("computer:111").put("approvalId", id[0]));
    assertThat(status(done)).as(done.toString()).isEqualTo("executed");
    assertThat(fx.effects().mdmCommands()).hasSize(1);
  }

  @Test
  void aStatelessClientDeclaringUrlElicitationGetsAnInputRequestAndTheRetryRedeems() {
    ObjectNode params = TestClient.statelessParams("2026-07-28");
    ((ObjectNode) params.get("_meta").get("io.modelcontextprotocol/clientCapabilities"))
        .putObject("elicitation")
        .putObject("url");
    params.put("name", "sendMdmCommand").set("arguments", restart("computer:108"));
    JsonNode first = new TestClient(fx.server, ALICE).request("tools/call", params).get("result");
    assertThat(first.get("resultType").stringValue()).isEqualTo("input_required");
    JsonNode ask = first.at("/inputRequests/approval");
    assertThat(ask.path("method").stringValue()).isEqualTo("elicitation/create");
    assertThat(ask.at("/params/mode").stringValue()).isEqualTo("url");
    String id = ask.at("/params/elicitationId").stringValue();
    assertThat(ask.at("/params/url").stringValue()).isEqualTo("https://mcp.test/approve/" + id);
    String state = first.get("requestState").stringValue();
    assertThat(state).doesNotContain(id);

    ObjectNode retry = params.deepCopy().put("requestState", state);
    retry.putObject("inputResponses").putObject("approval").put("action", "accept");
    JsonNode early = new TestClient(fx.server, ALICE).request("tools/call", retry).get("result");
    assertThat(status(early)).isEqualTo("approval_required");
    fx.assertNothingSentToJamf();

    fx.approvals.decide(id, ALICE, Approvals.Verdict.APPROVE, "APPROVE");
    JsonNode done = new TestClient(fx.server, ALICE).request("tools/call", retry).get("result");
    assertThat(status(done)).as(done.toString()).isEqualTo("executed");
    JsonNode again = new TestClient(fx.server, ALICE).request("tools/call", retry).get("result");
    assertThat(again.get("isError").booleanValue()).isTrue();
    assertThat(fx.effects().mdmCommands()).hasSize(1);

    // the state is for alice only
    JsonNode mallory =
        new TestClient(fx.server, MALLORY).request("tools/call", retry).get("result");
    assertThat(mallory.get("isError").booleanValue()).isTrue();
    assertThat(fx.effects().mdmCommands()).hasSize(1);
  }

  @Test
  void withoutAnApprovalPageAClientWithoutElicitationIsRefusedNamingTheSetting() {
    try (WriteToolsFixture bare =
        new WriteToolsFixture(s -> s.noApprovalPage("the approval page is not served on stdio"))) {
      JsonNode refused = result(bare.tokenClient(ALICE), "sendMdmCommand", restart("computer:109"));
      assertThat(refused.get("isError").booleanValue()).isTrue();
      assertThat(text(refused))
          .contains("needs a person's approval")
          .contains("configure the approval page (Approvals)")
          .contains("not served on stdio");
      bare.assertNothingSentToJamf();
    }
  }
}
