package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.SseReader;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A call still running when the server stops past its grace: over real HTTP, the client gets a
 * JSON-RPC error it can show (the TypeScript SDK failed on the old empty 204 with "Unexpected
 * content type: null"), on every way a call can arrive.
 */
class ShutdownOverHttpTest {
  private final TestTools tools = new TestTools();
  private final McpServer server = tools.server();
  private McpTestServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private void start() {
    http = new McpTestServer(server, mcp -> mcp.shutdownGrace(Duration.ofMillis(200)));
  }

  private static String slowCall(int id, String meta) {
    return McpTestServer.request(
        id, "tools/call", "{\"name\":\"slow\",\"arguments\":{}" + meta + "}");
  }

  /** Stops the server (past the grace, since the slow tool never ends by itself). */
  private void stopServerMeanwhile() throws InterruptedException {
    assertThat(tools.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture.runAsync(http.app::stop);
  }

  private static void assertCutOff(String body, int id) {
    JsonNode reply = Json.mapper().readTree(body);
    assertThat(reply.at("/id").intValue()).isEqualTo(id);
    assertThat(reply.at("/error/code").intValue()).isEqualTo(ErrorCodes.REQUEST_CANCELLED);
    assertThat(reply.at("/error/message").asString()).contains("shutting down").contains("retry");
  }

  @Test
  void aCallInASessionGetsAJsonRpcErrorNotAnEmpty204() throws Exception {
    start();
    String session = http.initialize("2025-06-18");
    CompletableFuture<HttpResponse<String>> call =
        http.client.sendAsync(
            http.post("/mcp", slowCall(7, "")).header("Mcp-Session-Id", session).build(),
            HttpResponse.BodyHandlers.ofString());

    stopServerMeanwhile();

    HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertCutOff(response.body(), 7);
    assertThat(tools.slowInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aStatelessCallGetsAJsonRpcErrorToo() throws Exception {
    start();
    CompletableFuture<HttpResponse<String>> call =
        http.client.sendAsync(
            http.post("/mcp", slowCall(8, "," + LegacyStatelessAndPluginTest.META))
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "slow")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    stopServerMeanwhile();

    HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertCutOff(response.body(), 8);
    assertThat(tools.slowInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aLegacySseCallGetsItsErrorOnTheStreamBeforeItCloses() throws Exception {
    start();
    HttpResponse<InputStream> stream =
        http.stream(
            HttpRequest.newBuilder(http.uri("/sse")).header("Accept", "text/event-stream").GET());
    try (SseReader sse = new SseReader(stream.body())) {
      String endpoint = sse.nextEvent().data();
      http.send(http.post(endpoint, McpTestServer.init("2024-11-05")));
      sse.nextEvent();
      http.send(
          http.post(endpoint, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
      assertThat(http.send(http.post(endpoint, slowCall(9, ""))).statusCode()).isEqualTo(202);

      stopServerMeanwhile();

      SseReader.Event event = sse.nextEvent();
      assertThat(event.event()).isEqualTo("message");
      assertCutOff(event.data(), 9);
    }
    assertThat(tools.slowInterrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
