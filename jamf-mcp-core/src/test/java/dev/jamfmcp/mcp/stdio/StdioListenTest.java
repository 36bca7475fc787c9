package dev.jamfmcp.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** subscriptions/listen over the 2026-07-28 stdio transport: one channel, many subscriptions. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // hang catcher only
class StdioListenTest {
  private static final String SUB_ID = "io.modelcontextprotocol/subscriptionId";
  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private static String listen(int id, String filter) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"subscriptions/listen\",\"params\":{"
        + META
        + ",\"notifications\":"
        + filter
        + "}}\n";
  }

  @Test
  void acknowledgesNotifiesEndsOnCancelAndClosesWhatIsLeftWhenStdinEnds() throws Exception {
    McpServer server = McpServer.create(c -> {});
    PipedOutputStream toServer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(toServer, 64 * 1024);
    PipedInputStream fromServer = new PipedInputStream(64 * 1024);
    OutputStream stdout = new PipedOutputStream(fromServer);
    CompletableFuture<Void> served =
        CompletableFuture.runAsync(
            () -> {
              try {
                StdioTransport.serve(server, stdin, stdout, Principal.of("local"));
                stdout.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
    try {
      write(toServer, listen(1, "{\"toolsListChanged\":true}"));
      JsonNode ack1 = Json.mapper().readTree(lines.readLine());
      write(toServer, listen(2, "{\"promptsListChanged\":true}"));
      JsonNode ack2 = Json.mapper().readTree(lines.readLine());
      assertThat(ack1.get("method").stringValue())
          .isEqualTo("notifications/subscriptions/acknowledged");
      assertThat(ack1.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(1);
      assertThat(ack2.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(2);
      assertThat(server.openSubscriptions()).isEqualTo(2);

      server.addTool(
          Tool.builder("late")
              .description("Arrives later.")
              .inputSchema("{\"type\":\"object\"}")
              .annotations(ToolAnnotations.readOnly())
              .handler((a, ctx) -> ToolResult.text("late"))
              .build());
      JsonNode changed = Json.mapper().readTree(lines.readLine());
      assertThat(changed.get("method").stringValue()).isEqualTo("notifications/tools/list_changed");
      assertThat(changed.at("/params/_meta").get(SUB_ID).intValue()).isEqualTo(1);

      // The client ends listen 2: no reply comes for it.
      write(
          toServer,
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":2}}\n");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(server::openSubscriptions, n -> n == 1);

      // stdin ends: listen 1 is torn down with its closing result.
      toServer.close();
      JsonNode closing = Json.mapper().readTree(lines.readLine());
      assertThat(closing.get("id").intValue()).isEqualTo(1);
      assertThat(closing.at("/result/_meta").get(SUB_ID).intValue()).isEqualTo(1);
      assertThat(closing.at("/result/resultType").stringValue()).isEqualTo("complete");
      served.get(60, TimeUnit.SECONDS);
      assertThat(lines.readLine()).isNull();
      assertThat(server.openSubscriptions()).isZero();
    } finally {
      server.close();
    }
  }

  private static void write(OutputStream out, String text) throws Exception {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
