package dev.jamfmcp.mcp.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gate's pending actions: kept only for writes with secrets the server generated, and taken
 * together with the use of the confirmation, in one step of the store.
 */
class PendingActionsTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Principal ALICE = Principal.of("alice", "write:jamf");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final ConsumedTokens ledger = ConsumedTokens.inMemory(clock);
  private final ConcurrentLinkedQueue<String> pins = new ConcurrentLinkedQueue<>();

  /** The in-memory store, recording which of its methods the gate calls. */
  private final class Recording implements PendingActionStore {
    final PendingActionStore inMemory = PendingActionStore.inMemory(clock);
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean put(PendingAction action) {
      calls.add("put");
      return inMemory.put(action);
    }

    @Override
    public Optional<PendingAction> get(String id) {
      calls.add("get");
      return inMemory.get(id);
    }

    @Override
    public void remove(String id) {
      calls.add("remove");
      inMemory.remove(id);
    }

    @Override
    public Taken consumeAndTake(ConsumedTokens used, String id, Instant expiresAt) {
      calls.add("consumeAndTake");
      return inMemory.consumeAndTake(used, id, expiresAt);
    }
  }

  private McpServer server(PendingActionStore store) {
    ConfirmationGate gate =
        ConfirmationGate.create(KEY, Duration.ofMinutes(5), clock, ledger)
            .withPendingActions(store);
    return McpServer.create(
        c -> c.tool(tool("lock", gate, true)).tool(tool("rename", gate, false)));
  }

  private Tool tool(String name, ConfirmationGate gate, boolean withPin) {
    ObjectNode input = Json.object().put("type", "object");
    ObjectNode props = input.putObject("properties");
    props.putObject("id").put("type", "string");
    props.set(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema());
    return Tool.builder(name)
        .description("A confirmed write for tests.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema(Json.object()))
        .annotations(ToolAnnotations.destructive(false))
        .requiredScopes("write:jamf")
        .handler(
            (args, ctx) -> {
              String id = args.get("id").asString();
              GatedWrite write =
                  GatedWrite.of(
                      name,
                      ApprovalClass.CONFIRM,
                      args,
                      List.of("device:" + id),
                      Preview.of(name + " " + id, "Changed.", List.of(id), false));
              if (withPin) {
                write = write.withGeneratedSecret("pin", "246810");
              }
              ConfirmationGate.Decision decision = gate.check(write, ctx);
              if (decision instanceof ConfirmationGate.Decision.Stop stop) {
                return stop.result();
              }
              if (withPin) {
                pins.add(
                    ((ConfirmationGate.Decision.Proceed) decision).generatedSecrets().get("pin"));
              }
              return ToolResult.structured(Json.object().put("status", "executed"));
            })
        .build();
  }

  private static JsonNode call(McpServer on, String tool, String arguments) {
    TestClient client = new TestClient(on, ALICE);
    client.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
    return client
        .request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}")
        .get("result");
  }

  private static String confirmed(JsonNode preview) {
    assertThat(preview.at("/structuredContent/status").stringValue())
        .isEqualTo("confirmation_required");
    return "{\"id\":\"1\",\"confirmationToken\":\""
        + preview.at("/structuredContent/confirmation/token").stringValue()
        + "\"}";
  }

  @Test
  void aWriteWithoutGeneratedSecretsKeepsNothing() {
    Recording store = new Recording();
    try (McpServer server = server(store)) {
      String confirmed = confirmed(call(server, "rename", "{\"id\":\"1\"}"));
      JsonNode done = call(server, "rename", confirmed);
      assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
      assertThat(call(server, "rename", confirmed).path("isError").asBoolean()).isTrue();
    }
    assertThat(store.calls).as("a self-contained confirmation needs no store").isEmpty();
  }

  @Test
  void theConfirmedCallUsesTheConfirmationAndTakesItsSecretsInOneStep() {
    Recording store = new Recording();
    try (McpServer server = server(store)) {
      String confirmed = confirmed(call(server, "lock", "{\"id\":\"1\"}"));
      assertThat(store.calls).containsExactly("put");
      JsonNode done = call(server, "lock", confirmed);
      assertThat(done.at("/structuredContent/status").stringValue()).isEqualTo("executed");
      assertThat(pins).containsExactly("246810");
      assertThat(store.calls)
          .as("one call of the store per step")
          .containsExactly("put", "consumeAndTake");

      JsonNode replayed = call(server, "lock", confirmed);
      assertThat(replayed.path("isError").asBoolean()).isTrue();
      assertThat(replayed.toString()).contains("already been used");
      assertThat(pins).as("run once").hasSize(1);
    }
  }

  @Test
  void anInstanceThatDoesNotHoldTheSecretsRunsNothing() {
    try (McpServer minted = server(PendingActionStore.inMemory(clock));
        McpServer other = server(PendingActionStore.inMemory(clock))) {
      String confirmed = confirmed(call(minted, "lock", "{\"id\":\"1\"}"));
      JsonNode done = call(other, "lock", confirmed);
      assertThat(done.at("/structuredContent/status").stringValue())
          .isEqualTo("confirmation_required");
      assertThat(done.toString()).contains("no longer held here");
      assertThat(pins).isEmpty();
      assertThat(call(minted, "lock", confirmed).path("isError").asBoolean())
          .as("the confirmation was used by the refused call")
          .isTrue();
      assertThat(pins).isEmpty();
    }
  }
}
