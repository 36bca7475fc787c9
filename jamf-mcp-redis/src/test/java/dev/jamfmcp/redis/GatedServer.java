package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.GatedWrite;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server instance whose gate keeps approvals and pending actions in the given Redis: {@code
 * wipe} is approve-class (the approval page), {@code lock} is confirm-class with a PIN the server
 * generates, {@code rename} is confirm-class without one, {@code look} is a read. Instances on the
 * same Redis behave as one service behind a balancer.
 */
final class GatedServer implements AutoCloseable {
  final AtomicInteger wiped = new AtomicInteger();
  final AtomicInteger renamed = new AtomicInteger();
  final ConcurrentLinkedQueue<String> lockPins = new ConcurrentLinkedQueue<>();
  final Approvals approvals;
  final McpServer server;

  GatedServer(RedisClusterState redis, String pin) {
    Clock clock = Clock.systemUTC();
    approvals =
        Approvals.builder("https://mcp.example.com")
            .store(redis.approvalStore(clock, Duration.ofMinutes(1)))
            .clock(clock)
            .build();
    ConfirmationGate gate =
        ConfirmationGate.create(
                EraseServer.KEY, Duration.ofMinutes(5), clock, redis.consumedTokens(clock))
            .withPendingActions(redis.pendingActions(clock))
            .withApprovals(approvals, ConfirmationGate.ApprovalMode.BROWSER);
    server =
        McpServer.create(
            c ->
                c.tool(tool("wipe", ConfirmationGate.APPROVAL_ARGUMENT, gate, null))
                    .tool(tool("lock", ConfirmationGate.TOKEN_ARGUMENT, gate, pin))
                    .tool(tool("rename", ConfirmationGate.TOKEN_ARGUMENT, gate, ""))
                    .tool(look()));
  }

  /** A read: no gate, no Redis. */
  private static Tool look() {
    ObjectNode input = Json.object().put("type", "object");
    input.putObject("properties").putObject("id").put("type", "string");
    return Tool.builder("look")
        .description("A read for tests.")
        .inputSchema(input)
        .annotations(ToolAnnotations.readOnly())
        .handler(
            (args, ctx) ->
                ToolResult.structured(Json.object().put("id", args.path("id").asString(""))))
        .build();
  }

  private Tool tool(String name, String gateArgument, ConfirmationGate gate, String pin) {
    ObjectNode input = Json.object().put("type", "object");
    ObjectNode props = input.putObject("properties");
    props.putObject("id").put("type", "string");
    props.set(
        gateArgument,
        pin == null
            ? ConfirmationGate.approvalArgumentSchema()
            : ConfirmationGate.tokenArgumentSchema());
    input.putArray("required").add("id");
    ObjectNode executed = Json.object();
    executed.putObject("id").put("type", "string");
    return Tool.builder(name)
        .description("A gated write for tests.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema(executed))
        .annotations(ToolAnnotations.destructive(false))
        .requiredScopes("write:jamf")
        .handler(
            (args, ctx) -> {
              String id = args.get("id").asString();
              Preview preview =
                  Preview.of(name + " device " + id, "The device is changed.", List.of(id), true);
              GatedWrite write =
                  GatedWrite.of(
                      name,
                      pin == null ? ApprovalClass.APPROVE : ApprovalClass.CONFIRM,
                      args,
                      List.of("device:" + id),
                      preview);
              if (pin != null && !pin.isEmpty()) {
                write = write.withGeneratedSecret("pin", pin);
              }
              ConfirmationGate.Decision decision = gate.check(write, ctx);
              if (decision instanceof ConfirmationGate.Decision.Stop stop) {
                return stop.result();
              }
              Map<String, String> secrets =
                  ((ConfirmationGate.Decision.Proceed) decision).generatedSecrets();
              if (pin == null) {
                wiped.incrementAndGet();
              } else if (!pin.isEmpty()) {
                lockPins.add(secrets.get("pin"));
              } else {
                renamed.incrementAndGet();
              }
              return ToolResult.structured(Json.object().put("status", "executed").put("id", id));
            })
        .build();
  }

  JsonNode call(String tool, String arguments) {
    TestClient client = new TestClient(server, EraseServer.ALICE);
    client.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
    return client
        .request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}")
        .get("result");
  }

  @Override
  public void close() {
    server.close();
  }
}
