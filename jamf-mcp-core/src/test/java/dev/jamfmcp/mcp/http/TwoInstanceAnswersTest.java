package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances share the session key (as replicas behind a balancer do) and serve one session;
 * each asks the person to confirm an erase. An answer the balancer delivers to the wrong instance
 * must be refused there, never taken by that instance's own waiting request (issue #15: a declined
 * erase ran, on the other device).
 */
class TwoInstanceAnswersTest {
  private static final String VERSION = "2025-06-18";
  private final Principal alice = Principal.of("alice", "write:jamf");
  private final List<String> erased = new CopyOnWriteArrayList<>();
  private final McpServer serverA = McpServer.create(c -> c.tool(erase()));
  private final McpServer serverB = McpServer.create(c -> c.tool(erase()));
  private final McpHttpTransport instanceA =
      McpHttpTransport.create(serverA, c -> c.sessionKey(HttpTransportRulesTest.KEY));
  private final McpHttpTransport instanceB =
      McpHttpTransport.create(serverB, c -> c.sessionKey(HttpTransportRulesTest.KEY));

  @AfterEach
  void close() {
    instanceA.close();
    instanceB.close();
    serverA.close();
    serverB.close();
  }

  /** Erases a device (records it) only if the person accepts. */
  private Tool erase() {
    return Tool.builder("erase")
        .description("Erases a device once the user confirms.")
        .annotations(ToolAnnotations.destructive(false))
        .handler(
            (args, ctx) -> {
              String device = args.path("device").asString("");
              ObjectNode params = Json.object().put("message", "Erase " + device + "?");
              params.putObject("requestedSchema").put("type", "object");
              JsonNode answer = ctx.requestFromClient("elicitation/create", params).get();
              if (!"accept".equals(answer.path("action").asString(""))) {
                return ToolResult.text("not erased " + device);
              }
              erased.add(device);
              return ToolResult.text("erased " + device);
            })
        .build();
  }

  private static HttpReply send(McpHttpTransport instance, FakeExchange exchange, Principal p)
      throws Exception {
    instance.handleMcp(exchange, p);
    return exchange.awaitReply();
  }

  private FakeExchange inSession(String session, String json) {
    return FakeExchange.post(json)
        .header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", VERSION);
  }

  /** Starts an erase on an instance; returns its open response stream once it asked the person. */
  private FakeExchange startErase(McpHttpTransport instance, String session, int id, String device)
      throws Exception {
    FakeExchange call =
        inSession(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"erase\","
                + "\"arguments\":{\"device\":\""
                + device
                + "\"}}}");
    instance.handleMcp(call, alice);
    call.output.awaitText("elicitation/create");
    return call;
  }

  /** The id of the elicitation/create request on a response stream. */
  private static String elicitationId(FakeExchange call) {
    return call.output
        .text()
        .lines()
        .filter(line -> line.startsWith("data: ") && line.contains("elicitation/create"))
        .map(line -> Json.mapper().readTree(line.substring("data: ".length())))
        .findFirst()
        .orElseThrow()
        .get("id")
        .stringValue();
  }

  private static String answer(String requestId, String action) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\""
        + requestId
        + "\",\"result\":{\"action\":\""
        + action
        + "\",\"content\":{\"confirm\":true}}}";
  }

  private static String resultText(FakeExchange call, int id) throws Exception {
    call.output.closed.get(30, TimeUnit.SECONDS);
    return call.output
        .text()
        .lines()
        .filter(line -> line.startsWith("data: ") && line.contains("\"id\":" + id + ","))
        .map(line -> Json.mapper().readTree(line.substring("data: ".length())))
        .findFirst()
        .orElseThrow()
        .at("/result/content/0/text")
        .stringValue();
  }

  @Test
  void anAnswerDeliveredToTheOtherInstanceIsRefusedNotTakenByItsOwnRequest() throws Exception {
    HttpReply init =
        send(
            instanceA,
            FakeExchange.post(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\""
                    + VERSION
                    + "\",\"capabilities\":{\"elicitation\":{}},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"),
            alice);
    String session = init.headers().get("Mcp-Session-Id");
    assertThat(session).isNotNull();
    assertThat(
            send(
                    instanceB,
                    inSession(
                        session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    alice)
                .status())
        .isEqualTo(202);

    // The balancer sends one erase to each instance; both ask the person.
    FakeExchange erase19 = startErase(instanceA, session, 1, "mobile:19");
    FakeExchange erase20 = startErase(instanceB, session, 2, "mobile:20");
    String askedByA = elicitationId(erase19);
    String askedByB = elicitationId(erase20);
    assertThat(askedByA).isNotEqualTo(askedByB);

    try (CapturedLog log = new CapturedLog()) {
      // The person declines mobile:19 and accepts mobile:20, but each answer lands on the other
      // instance: each is refused there (logged), and neither instance's own request takes it.
      assertThat(send(instanceA, inSession(session, answer(askedByB, "accept")), alice).status())
          .isEqualTo(202);
      assertThat(send(instanceB, inSession(session, answer(askedByA, "decline")), alice).status())
          .isEqualTo(202);
      assertThat(log.text().split("Dropped a client response", -1)).hasSize(3);
      assertThat(erase19.output.closed).isNotDone();
      assertThat(erase20.output.closed).isNotDone();
    }

    // Retried to the right instances, each answer decides its own device.
    send(instanceA, inSession(session, answer(askedByA, "decline")), alice);
    send(instanceB, inSession(session, answer(askedByB, "accept")), alice);
    assertThat(resultText(erase19, 1)).isEqualTo("not erased mobile:19");
    assertThat(resultText(erase20, 2)).isEqualTo("erased mobile:20");
    assertThat(erased).containsExactly("mobile:20");
  }
}
