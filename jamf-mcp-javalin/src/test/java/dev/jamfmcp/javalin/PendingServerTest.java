package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.server(CompletionStage)}: the HTTP server starts before the engine exists (the
 * executable's faster start-up). Until the engine is there, liveness answers and everything else
 * says "not yet"; afterwards the plugin serves as if the engine had been given at once.
 */
class PendingServerTest {
  private final McpServer server = new TestTools().server();
  private final CompletableFuture<McpServer> pending = new CompletableFuture<>();
  // Were readiness asked before the server is there, its "false" would be cached for a minute.
  private final McpTestServer http =
      new McpTestServer(
          server, mcp -> mcp.server(pending).readiness(pending::isDone, Duration.ofMinutes(1)));

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(http.uri(path)).GET());
  }

  private void assertNotServingYet() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    HttpResponse<String> init = http.send(http.post("/mcp", McpTestServer.init("2025-11-25")));
    assertThat(init.statusCode()).isEqualTo(503);
    assertThat(init.headers().firstValue("Retry-After")).contains("1");
    assertThat(init.body()).contains("\"code\":-32603").contains("starting");
    assertThat(http.send(http.post("/messages?sessionId=x", "{}")).statusCode()).isEqualTo(503);
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:" + http.app.port())
                .header("Access-Control-Request-Method", "POST"));
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(http.plugin.transport()).isNull();
  }

  @Test
  void servesNothingButLivenessUntilTheServerIsThereThenServesIt() throws Exception {
    assertNotServingYet();

    pending.complete(server);

    assertThat(http.plugin.transport()).isNotNull();
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    String session = http.initialize("2025-11-25");
    HttpResponse<String> list =
        http.send(
            http.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"tools\"");
  }

  @Test
  void aServerThatFailsToAssembleIsNeverServedAndTheAppStillStops() throws Exception {
    pending.completeExceptionally(new IllegalStateException("a broken tool"));

    assertNotServingYet();
    http.app.stop();
    assertThat(http.plugin.transport()).isNull();
  }

  @Test
  void aServerThatArrivesAfterStopIsNotServed() throws Exception {
    http.app.stop();

    pending.complete(server);

    assertThat(http.plugin.transport()).isNull();
  }

  @Test
  void aServerAlreadyThereIsServedAtOnce() throws Exception {
    CompletableFuture<McpServer> done = CompletableFuture.completedFuture(server);
    try (McpTestServer direct = new McpTestServer(server, mcp -> mcp.server(done))) {
      assertThat(direct.plugin.transport()).isNotNull();
      assertThat(
              direct.send(HttpRequest.newBuilder(direct.uri("/health/ready")).GET()).statusCode())
          .isEqualTo(200);
    }
  }
}
