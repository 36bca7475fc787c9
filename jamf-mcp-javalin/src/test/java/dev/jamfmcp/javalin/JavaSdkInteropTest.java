package dev.jamfmcp.javalin;

import static dev.jamfmcp.mcp.testing.JavaSdkClient.listAndCall;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
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

  @Test
  void streamableHttp() {
    listAndCall(HttpClientStreamableHttpTransport.builder(http.base()).endpoint("/mcp").build());
  }

  @Test
  void legacySse() {
    listAndCall(HttpClientSseClientTransport.builder(http.base()).sseEndpoint("/sse").build());
  }
}
