package dev.jamfmcp.hosts.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The MCP servlet inside a real Spring Boot 4 app, driven by the MCP Java SDK client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Boot4HostAppTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"boot-test\",\"version\":\"1\"}}}";

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private McpSyncClient client(McpClientTransport transport) {
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void theSdkClientInitializesListsAndCallsATool() {
    McpSyncClient client =
        client(HttpClientStreamableHttpTransport.builder(base()).endpoint("/mcp").build());
    try {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("my-app");
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("getFleetOverview", "searchDevices");
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("getFleetOverview", Map.of()));
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("500");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void theSdkClientWorksOverLegacySse() {
    McpSyncClient client =
        client(HttpClientSseClientTransport.builder(base()).sseEndpoint("/sse").build());
    try {
      client.initialize();
      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("searchDevices");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void theGetStreamOpensWithItsReadyEvent() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, null);
    assertThat(init.statusCode()).isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(
            post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session)
                .statusCode())
        .isEqualTo(202);

    HttpResponse<Stream<String>> stream =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
      Iterator<String> it = lines.iterator();
      String event = it.next();
      while (event.isBlank() || event.startsWith(":") || event.startsWith("retry:")) {
        event = it.next();
      }
      assertThat(event).isEqualTo("event: connection");
      assertThat(it.next()).contains("\"status\":\"ready\"");
    }
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  @Test
  void theAppsOwnRouteStillAnswers() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/hello")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello from Spring Boot 4");
  }

  private HttpResponse<String> post(String body, String session)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
