package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.testing.TestTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK client switches a toolset on: it hears {@code
 * notifications/tools/list_changed} on the call's stream, lists the tools again by itself, and then
 * calls the tool that was off.
 */
class ToolsetSwitchingOverHttpTest {
  private final TestTools tools = new TestTools();
  private final McpServer server =
      McpServer.create(
          config ->
              config
                  .toolset("READS", "Echoes.", List.of(tools.echo()))
                  .toolset("PROGRESS", "Counts.", List.of(tools.progress()))
                  .toolsetSwitching(
                      Set.of("READS"),
                      Set.of("PROGRESS"),
                      EnabledToolsets.inMemory(100, Duration.ofMinutes(5), Clock.systemUTC())));
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private void switchOn(McpClientTransport transport) {
    List<List<String>> relisted = new CopyOnWriteArrayList<>();
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .toolsChangeConsumer(
                list -> relisted.add(list.stream().map(McpSchema.Tool::name).toList()))
            .build();
    try {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.capabilities().tools().listChanged()).isTrue();
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("echo", "enableToolsets", "listToolsets");
      McpSchema.CallToolResult refused =
          client.callTool(new McpSchema.CallToolRequest("count", Map.of()));
      assertThat(refused.isError()).isTrue();
      assertThat(((McpSchema.TextContent) refused.content().get(0)).text())
          .contains("enableToolsets")
          .contains("PROGRESS");

      McpSchema.CallToolResult enabled =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "enableToolsets", Map.of("enable", List.of("PROGRESS"))));

      assertThat(enabled.isError()).isNotEqualTo(Boolean.TRUE);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(relisted).isNotEmpty());
      assertThat(relisted.get(0)).contains("count", "echo");
      assertThat(client.callTool(new McpSchema.CallToolRequest("count", Map.of("n", 1))).isError())
          .isNotEqualTo(Boolean.TRUE);
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void streamableHttp() {
    switchOn(
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.app.port())
            .endpoint("/mcp")
            .build());
  }

  @Test
  void legacySse() {
    switchOn(
        HttpClientSseClientTransport.builder("http://127.0.0.1:" + http.app.port())
            .sseEndpoint("/sse")
            .build());
  }
}
