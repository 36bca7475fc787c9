package dev.jamfmcp.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;

/**
 * The official MCP Java SDK client against a server with {@link TestTools}: the HTTP faces' interop
 * tests (Javalin, servlet) give it a transport to their server.
 */
public final class JavaSdkClient {
  private JavaSdkClient() {}

  /** Initializes, lists the tools and calls {@code echo} over {@code transport}. */
  public static void listAndCall(McpClientTransport transport) {
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
}
