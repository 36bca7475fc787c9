package dev.jamfmcp.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfRequestListener;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.tools.JamfTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Jamf Pro, a client on it, and an MCP server with the Jamf tools whose gate runs on a
 * clock the test moves and whose audit events are captured. One per test class.
 */
public final class WriteToolsFixture
    implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
  public static final byte[] KEY =
      "write-tools-test-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  public static final Principal ALICE = Principal.of("alice", "read:jamf", "write:jamf");
  public static final Principal MALLORY = Principal.of("mallory", "read:jamf", "write:jamf");
  public static final Principal READER = Principal.of("reader", "read:jamf");

  public final SimulatedJamfPro sim;
  public final JamfClient jamf;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  public final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
  public final McpServer server;

  /**
   * The approvals the gate opens for {@code approve} actions, on the test clock: a test decides as
   * the person with {@link Approvals#decide}.
   */
  public final Approvals approvals = Approvals.builder("https://mcp.test").clock(clock).build();

  /** The gate the tools use (its pending actions hold the secrets the server generated). */
  public final ConfirmationGate gate;

  public WriteToolsFixture() {
    this(s -> {});
  }

  /**
   * Approvals in {@link ConfirmationGate.ApprovalMode#ELICITATION} mode: a client with a dialog
   * confirms there, any other gets the approval page.
   */
  public WriteToolsFixture(Consumer<JamfTools.Settings> settings) {
    this(ConfirmationGate.ApprovalMode.ELICITATION, settings);
  }

  public WriteToolsFixture(
      ConfirmationGate.ApprovalMode mode, Consumer<JamfTools.Settings> settings) {
    this(mode, settings, JamfRequestListener.NONE, c -> {});
  }

  /**
   * As above, with a listener that sees every request the tools send to Jamf, and changes to the
   * simulator's settings (e.g. an older Jamf Pro version).
   */
  public WriteToolsFixture(
      ConfirmationGate.ApprovalMode mode,
      Consumer<JamfTools.Settings> settings,
      JamfRequestListener requests,
      Consumer<SimulatorConfig.Builder> simulator) {
    sim =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                c -> {
                  c.computers(300).mobileDevices(40).threads(8);
                  simulator.accept(c);
                }));
    jamf =
        JamfClient.builder()
            .baseUrl(sim.baseUrl())
            .clientCredentials("sim-client", "sim-secret")
            .maxRetries(0)
            .requestListener(requests)
            .build();
    gate = ConfirmationGate.create(KEY, Duration.ofMinutes(5), clock);
    JamfTools tools =
        JamfTools.create(
            jamf,
            s -> {
              s.confirmationGate(gate).audit(audit::add).clock(clock).approvals(approvals, mode);
              settings.accept(s);
            });
    server = McpServer.create(c -> tools.registerInto(c));
  }

  /** The audit events of executed writes only (not previews, confirmations, refusals). */
  public List<AuditEvent> executed() {
    return audit.stream().filter(e -> AuditEvent.EXECUTED.equals(e.event())).toList();
  }

  /** The audit events of one kind ({@link AuditEvent#REFUSED} ...), in order. */
  public List<AuditEvent> events(String event) {
    return audit.stream().filter(e -> event.equals(e.event())).toList();
  }

  public SideEffects effects() {
    return sim.sideEffects();
  }

  public Computers computers() {
    return sim.fleet().computers();
  }

  /**
   * Asserts Jamf was asked to change nothing at all: no command, push, flush, group or policy
   * change, no smart group created or changed, no software update plan.
   */
  public void assertNothingSentToJamf() {
    assertThat(effects().mdmCommands()).as("MDM commands").isEmpty();
    assertThat(effects().blankPushes()).as("blank pushes").isEmpty();
    assertThat(effects().logFlushes()).as("log flushes").isEmpty();
    assertThat(effects().groupMembershipChanges()).as("group changes").isEmpty();
    assertThat(effects().policyEnabledChanges()).as("policies switched on or off").isEmpty();
    assertThat(effects().smartGroupSaves()).as("smart groups created or changed").isEmpty();
    assertThat(effects().updatePlans()).as("software update plans").isEmpty();
  }

  /** A 2025-06-18 client that declares no elicitation: the token path. */
  public TestClient tokenClient(Principal who) {
    TestClient client = new TestClient(server, who);
    client.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
    client.notify("notifications/initialized", "{}");
    return client;
  }

  /** The whole JSON-RPC response of one tools/call. */
  public static JsonNode call(TestClient client, String tool, ObjectNode arguments) {
    ObjectNode params = Json.object().put("name", tool);
    params.set("arguments", arguments);
    return client.request("tools/call", params);
  }

  public static JsonNode result(TestClient client, String tool, ObjectNode arguments) {
    JsonNode response = call(client, tool, arguments);
    assertThat(response.has("result")).as("%s answered %s", tool, response).isTrue();
    return response.get("result");
  }

  public static ObjectNode args(String json) {
    return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
  }

  /** First call: asserts a confirmation is required and returns the token. */
  public static String previewToken(TestClient client, String tool, ObjectNode arguments) {
    JsonNode first = result(client, tool, arguments);
    assertThat(first.path("isError").asBoolean(false)).as(first.toString()).isFalse();
    assertThat(first.at("/structuredContent/status").stringValue())
        .as(first.toString())
        .isEqualTo("confirmation_required");
    return first.at("/structuredContent/confirmation/token").stringValue();
  }

  /** Preview, then confirm with the token; returns the executed result. */
  public static JsonNode confirmed(TestClient client, String tool, ObjectNode arguments) {
    String token = previewToken(client, tool, arguments);
    ObjectNode again = arguments.deepCopy().put(ConfirmationGate.TOKEN_ARGUMENT, token);
    return result(client, tool, again);
  }

  /**
   * Preview, then have the caller's own person agree the way the gate asks: with the token for a
   * {@code confirm} action, on the approval page ({@link Approvals#decide}) for an {@code approve}
   * one; returns the executed result.
   */
  public JsonNode agreed(TestClient client, String tool, ObjectNode arguments) {
    JsonNode first = result(client, tool, arguments);
    String status = first.at("/structuredContent/status").asString("");
    if ("confirmation_required".equals(status)) {
      String token = first.at("/structuredContent/confirmation/token").stringValue();
      return result(client, tool, arguments.deepCopy().put(ConfirmationGate.TOKEN_ARGUMENT, token));
    }
    assertThat(status).as(first.toString()).isEqualTo("approval_required");
    String id = approveAsPerson(first, client.principal());
    return result(client, tool, arguments.deepCopy().put(ConfirmationGate.APPROVAL_ARGUMENT, id));
  }

  /**
   * First call of an {@code approve} action: asserts an approval is required, has the caller's own
   * person approve it on the page, and returns the approval id to call again with.
   */
  public String approvedId(TestClient client, String tool, ObjectNode arguments) {
    JsonNode first = result(client, tool, arguments);
    assertThat(first.at("/structuredContent/status").asString(""))
        .as(first.toString())
        .isEqualTo("approval_required");
    return approveAsPerson(first, client.principal());
  }

  /** Approves, as {@code person} on the page, the approval an approval_required result names. */
  public String approveAsPerson(JsonNode approvalRequired, Principal person) {
    String id = approvalRequired.at("/structuredContent/approval/id").stringValue();
    String phrase = approvals.find(id).orElseThrow().request().phrase();
    assertThat(approvals.decide(id, person, Approvals.Verdict.APPROVE, phrase))
        .isEqualTo(Approvals.Outcome.APPROVED);
    return id;
  }

  /**
   * The id inside a signed confirmation token or request state (its nonce), for pending actions.
   */
  public static String confirmationId(String token) {
    String body = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
    return Json.mapper()
        .readTree(java.util.Base64.getUrlDecoder().decode(body))
        .path("nonce")
        .asString("");
  }

  public static String text(JsonNode result) {
    StringBuilder all = new StringBuilder();
    result.path("content").forEach(c -> all.append(c.path("text").asString("")).append('\n'));
    return all.toString();
  }

  /** As a static {@code @RegisterExtension}: every test starts with no effects or audit events. */
  @Override
  public void beforeEach(ExtensionContext context) {
    effects().clear();
    audit.clear();
  }

  /** As a static {@code @RegisterExtension}: stopped after the class's last test. */
  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    server.close();
    jamf.close();
    sim.close();
  }
}
