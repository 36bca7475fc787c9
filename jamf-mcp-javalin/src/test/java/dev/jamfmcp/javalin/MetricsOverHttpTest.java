package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.SseReader;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in Prometheus text, fed by real requests over HTTP. */
class MetricsOverHttpTest {
  private final McpServer server = new TestTools().server();
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private HttpResponse<String> inSession(String id, String json) throws Exception {
    return http.send(http.post("/mcp", json).header("Mcp-Session-Id", id));
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/metrics")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return response.body();
  }

  @Test
  void requestsStreamsErrorsAndJamfCallsShowUpInPrometheusText() throws Exception {
    String id = http.initialize("2025-11-25");
    inSession(
        id,
        McpTestServer.request(
            2, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}"));
    inSession(id, McpTestServer.request(3, "tools/list", "{}"));
    inSession(id, McpTestServer.request(4, "no/such/method", "{}"));
    inSession(id, McpTestServer.request(5, "tools/call", "{\"name\":\"nope\"}"));
    http.plugin.metrics().jamfRequest("GET", "/api/v1/scripts/{id}", "200", Duration.ofMillis(12));
    http.plugin
        .metrics()
        .jamfRequest("GET", "/api/v1/scripts/{id}", "timeout", Duration.ofSeconds(30));
    HttpResponse<InputStream> stream = http.stream(http.getStream(id));
    try (SseReader sse = new SseReader(stream.body())) {
      sse.next(); // the stream is open once its first event arrives

      String text = scrape();
      assertThat(text).contains("mcp_sse_connections_active 1.0");
      assertThat(text)
          .contains("mcp_request_duration_seconds_count{method=\"tools/call\",tool=\"echo\"} 1");
      assertThat(text)
          .contains("mcp_request_duration_seconds_count{method=\"tools/list\",tool=\"none\"} 1");
      assertThat(text)
          .contains("mcp_request_duration_seconds_count{method=\"initialize\",tool=\"none\"} 1");
      // Client-chosen names never become labels: unknown methods and tools are pooled.
      assertThat(text)
          .contains("mcp_request_duration_seconds_count{method=\"unknown\",tool=\"none\"} 1");
      assertThat(text).doesNotContain("no/such/method").doesNotContain("tool=\"nope\"");
      assertThat(text).contains("mcp_errors_total{kind=\"method_not_found\"} 1.0");
      assertThat(text).contains("mcp_errors_total{kind=\"invalid_params\"} 1.0");
      assertThat(text)
          .contains(
              "jamf_request_duration_seconds_count{endpoint=\"/api/v1/scripts/{id}\",method=\"GET\","
                  + "status=\"200\"} 1")
          .contains(
              "jamf_request_duration_seconds_count{endpoint=\"/api/v1/scripts/{id}\",method=\"GET\","
                  + "status=\"timeout\"} 1");
      assertThat(text).contains("mcp_sse_connection_duration_seconds_count");
    }
  }

  @Test
  void metricsCanBeTurnedOff() throws Exception {
    try (McpTestServer quiet = new McpTestServer(server, mcp -> mcp.metrics(null, null))) {
      HttpResponse<String> response = quiet.send(HttpRequest.newBuilder(quiet.uri("/metrics")));
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }
}
