package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client lists and calls tools over both HTTP transports. */
class JavaSdkInteropTest {
  private final McpServer server = new TestTools().server();
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private void listAndCall(McpClientTransport transport) {
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    try {
      client.initialize();
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("echo", "count");
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "sdk")));
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("sdk");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void streamableHttp() {
    listAndCall(
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.app.port())
            .endpoint("/mcp")
            .build());
  }

  @Test
  void legacySse() {
    listAndCall(
        HttpClientSseClientTransport.builder("http://127.0.0.1:" + http.app.port())
            .sseEndpoint("/sse")
            .build());
  }
}
