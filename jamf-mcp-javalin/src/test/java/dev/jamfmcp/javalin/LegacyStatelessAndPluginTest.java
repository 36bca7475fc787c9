package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.SseReader;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Legacy HTTP+SSE, 2026-07-28 over HTTP, session expiry, and the plugin's own duties. */
class LegacyStatelessAndPluginTest {
  static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{},"
          + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}";

  private final McpServer server = new TestTools().server();
  private McpTestServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  @Test
  void legacySseEndToEnd() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    HttpResponse<InputStream> stream =
        http.stream(
            HttpRequest.newBuilder(http.uri("/sse")).header("Accept", "text/event-stream").GET());
    assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    try (SseReader sse = new SseReader(stream.body())) {
      SseReader.Event endpoint = sse.nextEvent();
      assertThat(endpoint.event()).isEqualTo("endpoint");
      assertThat(endpoint.data()).startsWith("/messages?sessionId=");
      HttpResponse<String> accepted =
          http.send(http.post(endpoint.data(), McpTestServer.init("2024-11-05")));
      assertThat(accepted.statusCode()).isEqualTo(202);
      SseReader.Event reply = sse.nextEvent();
      assertThat(reply.event()).isEqualTo("message");
      assertThat(Json.mapper().readTree(reply.data()).at("/result/protocolVersion").stringValue())
          .isEqualTo("2024-11-05");
      http.send(
          http.post(
              endpoint.data(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
      http.send(
          http.post(
              endpoint.data(),
              McpTestServer.request(
                  2, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"old\"}}")));
      assertThat(sse.nextEvent().data()).contains("\"id\":2").contains("old");
    }
    assertThat(http.send(http.post("/messages?sessionId=nope", "{}")).statusCode()).isEqualTo(404);
    assertThat(http.send(http.post("/messages", "{}")).statusCode()).isEqualTo(400);
  }

  @Test
  void statelessHeaderChecksAndDiscoverThenInitialize() throws Exception {
    http = new McpTestServer(server, mcp -> {});
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
            + "\"arguments\":{\"text\":\"hi\"},"
            + META
            + "}}";
    HttpRequest.Builder modern =
        http.post("/mcp", call)
            .header("MCP-Protocol-Version", "2026-07-28")
            .header("Mcp-Method", "tools/call");
    HttpResponse<String> ok = http.send(modern.copy().header("Mcp-Name", "echo"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Mcp-Session-Id")).isEmpty();
    HttpResponse<String> mismatch = http.send(modern.copy().header("Mcp-Name", "wipe"));
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(mismatch.body()).at("/error/code").intValue())
        .isEqualTo(-32020);

    String discover =
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"server/discover\",\"params\":{"
            + META.replace("2026-07-28", "2099-01-01")
            + "}}";
    HttpResponse<String> tooNew =
        http.send(
            http.post("/mcp", discover)
                .header("MCP-Protocol-Version", "2099-01-01")
                .header("Mcp-Method", "server/discover"));
    assertThat(tooNew.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(tooNew.body()).at("/error/code").intValue())
        .isEqualTo(-32022);
    HttpResponse<String> unknown =
        http.send(
            http.post(
                    "/mcp",
                    discover
                        .replace("2099-01-01", "2026-07-28")
                        .replace("server/discover", "nope/nothing"))
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "nope/nothing"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(unknown.body()).at("/error/code").intValue())
        .isEqualTo(-32601);
    HttpResponse<String> discovered =
        http.send(
            http.post("/mcp", discover.replace("2099-01-01", "2026-07-28"))
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "server/discover"));
    assertThat(discovered.statusCode()).isEqualTo(200);
    assertThat(http.initialize("2025-11-25")).isNotBlank();
  }

  @Test
  void idleSessionsExpire() throws Exception {
    MutableClock clock = new MutableClock();
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.transport(
                    t ->
                        t.sessionKey(McpTestServer.KEY)
                            .clock(clock)
                            .sessionIdleTimeout(Duration.ofMinutes(5))));
    String id = http.initialize("2025-06-18");
    String ping = McpTestServer.request(9, "ping", "{}");
    clock.advance(Duration.ofMinutes(4));
    assertThat(http.send(http.post("/mcp", ping).header("Mcp-Session-Id", id)).statusCode())
        .isEqualTo(200);
    clock.advance(Duration.ofMinutes(6));
    assertThat(http.send(http.post("/mcp", ping).header("Mcp-Session-Id", id)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void resolverRejectionsAndPrincipals() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.principalResolver(
                    headers -> {
                      calls.incrementAndGet();
                      if (!"Bearer good".equals(headers.get("authorization"))) {
                        throw new PrincipalResolver.Rejection(
                            401,
                            Map.of(
                                "WWW-Authenticate",
                                "Bearer resource_metadata=\"http://x/.well-known/oauth-protected-resource\""),
                            "{\"error\":\"unauthorized\"}");
                      }
                      return Principal.of("bob", "read:jamf");
                    }));
    HttpResponse<String> refused = http.send(http.post("/mcp", McpTestServer.init("2025-06-18")));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    HttpResponse<String> accepted =
        http.send(
            http.post("/mcp", McpTestServer.init("2025-06-18"))
                .header("Authorization", "Bearer good"));
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void healthAndCachedReadiness() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    http =
        new McpTestServer(
            server,
            mcp -> mcp.readiness(() -> checks.incrementAndGet() > 1, Duration.ofMinutes(10)));
    assertThat(http.send(HttpRequest.newBuilder(http.uri("/health")).GET()).statusCode())
        .isEqualTo(200);
    assertThat(http.send(HttpRequest.newBuilder(http.uri("/health/ready")).GET()).statusCode())
        .isEqualTo(503);
    assertThat(http.send(HttpRequest.newBuilder(http.uri("/health/ready")).GET()).statusCode())
        .isEqualTo(503);
    assertThat(checks.get()).isEqualTo(1);
  }

  @Test
  void refusesAnonymousAccessOnAPublicAddress() {
    assertThatThrownBy(
            () ->
                Javalin.create(
                        config -> config.registerPlugin(new McpPlugin(mcp -> mcp.server(server))))
                    .start("0.0.0.0", 0))
        .hasStackTraceContaining("Refusing to serve MCP without authentication");
    Javalin open =
        Javalin.create(
                config ->
                    config.registerPlugin(
                        new McpPlugin(mcp -> mcp.server(server).authDisabled(true))))
            .start("0.0.0.0", 0);
    open.stop();
  }
}
