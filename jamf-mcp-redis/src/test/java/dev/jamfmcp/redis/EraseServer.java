package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server instance with a confirmed {@code erase} tool whose gate uses the given ledger; every
 * instance made with the same key accepts the others' tokens, as behind a load balancer. Counts the
 * erases it ran.
 */
final class EraseServer implements AutoCloseable {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final Principal ALICE = Principal.of("alice", "write:jamf");

  final AtomicInteger erased = new AtomicInteger();
  final McpServer server;

  EraseServer(ConsumedTokens ledger) {
    ConfirmationGate gate =
        ConfirmationGate.create(KEY, Duration.ofMinutes(5), Clock.systemUTC(), ledger);
    ObjectNode input = Json.object().put("type", "object");
    ObjectNode props = input.putObject("properties");
    props.putObject("ids").put("type", "array").putObject("items").put("type", "string");
    props.set(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema());
    input.putArray("required").add("ids");
    ObjectNode executed = Json.object();
    executed.putObject("erased").put("type", "integer");
    Tool erase =
        Tool.builder("erase")
            .description("Erases devices.")
            .inputSchema(input)
            .outputSchema(ConfirmationGate.outputSchema(executed))
            .annotations(ToolAnnotations.destructive(false))
            .requiredScopes("write:jamf")
            .handler(
                (args, ctx) -> {
                  Preview preview =
                      Preview.of(
                          "Erase " + args.get("ids").size() + " computers",
                          "The computers are wiped.",
                          List.of(args.get("ids").toString()),
                          true);
                  ConfirmationGate.Decision decision = gate.check("erase", args, preview, ctx);
                  if (decision instanceof ConfirmationGate.Decision.Stop stop) {
                    return stop.result();
                  }
                  erased.addAndGet(args.get("ids").size());
                  return ToolResult.structured(
                      Json.object()
                          .put("status", "executed")
                          .put("erased", args.get("ids").size()));
                })
            .build();
    server = McpServer.create(c -> c.tool(erase));
  }

  /** A 2025-06-18 client without elicitation: the token path. */
  TestClient client() {
    TestClient client = new TestClient(server, ALICE);
    client.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");
    return client;
  }

  JsonNode call(String arguments) {
    return client()
        .request("tools/call", "{\"name\":\"erase\",\"arguments\":" + arguments + "}")
        .get("result");
  }

  /** Asks for the preview and returns its confirmation token. */
  String tokenFor(String ids) {
    JsonNode first = call("{\"ids\":" + ids + "}");
    assertThat(first.at("/structuredContent/status").stringValue())
        .isEqualTo("confirmation_required");
    return first.at("/structuredContent/confirmation/token").stringValue();
  }

  JsonNode confirm(String ids, String token) {
    return call("{\"ids\":" + ids + ",\"confirmationToken\":\"" + token + "\"}");
  }

  static boolean executed(JsonNode result) {
    return "executed".equals(result.at("/structuredContent/status").asString(""));
  }

  @Override
  public void close() {
    server.close();
  }
}
