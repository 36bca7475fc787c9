package dev.jamfmcp.servlet;

import static dev.jamfmcp.mcp.testing.JavaSdkClient.listAndCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.SseReader;
import dev.jamfmcp.mcp.testing.TestTools;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * McpServlet inside a real embedded Tomcat, driven by the MCP Java SDK client and java.net.http.
 */
class McpServletTomcatTest {
  private final McpServer server = new TestTools().server();
  private TomcatMcp http;

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  @Test
  void theJavaSdkClientListsAndCallsOverStreamableHttp() throws Exception {
    http = new TomcatMcp(server);
    listAndCall(HttpClientStreamableHttpTransport.builder(http.base()).endpoint("/mcp").build());
  }

  @Test
  void theJavaSdkClientListsAndCallsOverLegacySse() throws Exception {
    http = new TomcatMcp(server);
    listAndCall(HttpClientSseClientTransport.builder(http.base()).sseEndpoint("/sse").build());
  }

  @Test
  void aStatelessRequestOf2026IsAnsweredWithoutASession() throws Exception {
    http = new TomcatMcp(server);
    String meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{},"
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}";
    HttpResponse<String> listed =
        http.send(
            http.post("/mcp", TomcatMcp.request(2, "tools/list", "{" + meta + "}"))
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/list"));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Mcp-Session-Id")).isEmpty();
    assertThat(Json.mapper().readTree(listed.body()).at("/result/tools").size()).isPositive();
    HttpResponse<String> getStream =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .GET());
    assertThat(getStream.statusCode()).isEqualTo(405);
  }

  @Test
  void theGetStreamOpensWithTheReadyEventThenPings() throws Exception {
    http = new TomcatMcp(server);
    String session = http.initialize("2025-06-18");
    HttpResponse<InputStream> response =
        http.stream(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")
                .GET());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    try (SseReader sse = new SseReader(response.body())) {
      SseReader.Event ready = sse.nextEvent();
      assertThat(ready.event()).isEqualTo("connection");
      JsonNode data = Json.mapper().readTree(ready.data());
      assertThat(data.at("/status").asString()).isEqualTo("ready");
      assertThat(sse.next().comment()).isEqualTo("ping");
      assertThat(http.transport.openStreams()).isEqualTo(1);
    }
  }

  @Test
  void aToolCallAnsweredOnAnotherThreadIsWritten() throws Exception {
    http = new TomcatMcp(server);
    String session = http.initialize("2025-06-18");
    // echo runs on the handler pool: the answer comes after service has returned, in async mode
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> called =
          http.send(
              http.post(
                      "/mcp",
                      TomcatMcp.request(
                          10 + i,
                          "tools/call",
                          "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}"))
                  .header("Mcp-Session-Id", session)
                  .header("MCP-Protocol-Version", "2025-06-18"));
      assertThat(called.statusCode()).isEqualTo(200);
      assertThat(called.body()).contains("\"id\":" + (10 + i));
    }
  }

  @Test
  void aLegacyStreamAnnouncesItsMessageEndpoint() throws Exception {
    http = new TomcatMcp(server);
    HttpResponse<InputStream> response =
        http.stream(HttpRequest.newBuilder(http.uri("/sse")).header("Accept", "text/event-stream"));
    assertThat(response.statusCode()).isEqualTo(200);
    try (SseReader sse = new SseReader(response.body())) {
      SseReader.Event endpoint = sse.nextEvent();
      assertThat(endpoint.event()).isEqualTo("endpoint");
      assertThat(endpoint.data()).startsWith("/messages?sessionId=");
      HttpResponse<String> posted =
          http.send(http.post(endpoint.data(), TomcatMcp.init("2024-11-05")));
      assertThat(posted.statusCode()).isEqualTo(202);
      SseReader.Event reply = sse.nextEvent();
      assertThat(reply.event()).isEqualTo("message");
      assertThat(Json.mapper().readTree(reply.data()).at("/result/protocolVersion").asString())
          .isEqualTo("2024-11-05");
    }
  }

  @Test
  void aForeignOriginIsRefusedAndAnAllowedOneGetsCorsGrants() throws Exception {
    http = new TomcatMcp(server);
    HttpResponse<String> refused =
        http.send(
            http.post("/mcp", TomcatMcp.init("2025-06-18"))
                .header("Origin", "https://evil.example.com"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Json.mapper().readTree(refused.body()).at("/error/message").asString())
        .contains("evil.example.com");

    HttpResponse<String> allowed =
        http.send(
            http.post("/mcp", TomcatMcp.init("2025-06-18"))
                .header("Origin", "https://app.example.com"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example.com");
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("Mcp-Session-Id");

    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(http.uri("/mcp"))
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .contains("GET, POST, DELETE");
    HttpResponse<String> foreignPreflight =
        http.send(
            HttpRequest.newBuilder(http.uri("/sse"))
                .header("Origin", "https://evil.example.com")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(foreignPreflight.statusCode()).isEqualTo(403);
  }

  @Test
  void noPrincipalIsA401WithTheBearerChallenge() throws Exception {
    http =
        new TomcatMcp(
            server,
            t ->
                t.resourceMetadataUrl(
                    "https://mcp.example.com/.well-known/oauth-protected-resource"),
            request -> Optional.empty(),
            30_000);
    HttpResponse<String> refused = http.send(http.post("/mcp", TomcatMcp.init("2025-06-18")));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Bearer")
        .contains(
            "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\"");
    assertThat(Json.mapper().readTree(refused.body()).at("/error").asString())
        .isEqualTo("Missing token");
  }

  @Test
  void aPrincipalResolversRefusalGoesOutAsItIs() throws Exception {
    PrincipalResolver resolver =
        headers -> {
          if ("Bearer good".equals(headers.get("authorization"))) {
            return TomcatMcp.LOCAL;
          }
          throw new PrincipalResolver.Rejection(
              401,
              Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
              "{\"error\":\"Invalid token\"}");
        };
    http =
        new TomcatMcp(30_000, server, t -> {}, t -> McpServlet.withPrincipalResolver(t, resolver));
    HttpResponse<String> refused =
        http.send(
            http.post("/mcp", TomcatMcp.init("2025-06-18")).header("Authorization", "Bearer bad"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer error=\"invalid_token\"");
    assertThat(refused.body()).isEqualTo("{\"error\":\"Invalid token\"}");
    HttpResponse<String> accepted =
        http.send(
            http.post("/mcp", TomcatMcp.init("2025-06-18")).header("Authorization", "Bearer good"));
    assertThat(accepted.statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    http = new TomcatMcp(server);
    String big = TomcatMcp.request(3, "tools/list", "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
    HttpResponse<String> refused = http.send(http.post("/mcp", big));
    assertThat(refused.statusCode()).isEqualTo(413);
  }

  @Test
  void aStreamOutlivesTheContainersAsyncTimeout() throws Exception {
    long asyncTimeoutMillis = 300;
    http =
        new TomcatMcp(server, t -> {}, request -> Optional.of(TomcatMcp.LOCAL), asyncTimeoutMillis);
    String session = http.initialize("2025-06-18");
    HttpResponse<InputStream> response = http.stream(http.getStream(session));
    try (SseReader sse = new SseReader(response.body())) {
      assertThat(sse.nextEvent().event()).isEqualTo("connection");
      long opened = System.nanoTime();
      // Pings keep coming well past the container's async timeout: Tomcat would have ended the
      // request at 300 ms (an EOF here) had the servlet left its default in place.
      while (System.nanoTime() - opened < Duration.ofMillis(4 * asyncTimeoutMillis).toNanos()) {
        assertThat(sse.next().comment()).isEqualTo("ping");
      }
      assertThat(sse.next().comment()).isEqualTo("ping");
    }
  }

  @Test
  void transportShutdownEndsOpenStreams() throws Exception {
    http = new TomcatMcp(server);
    String session = http.initialize("2025-06-18");
    HttpResponse<InputStream> get = http.stream(http.getStream(session));
    HttpResponse<InputStream> legacy =
        http.stream(HttpRequest.newBuilder(http.uri("/sse")).header("Accept", "text/event-stream"));
    try (SseReader a = new SseReader(get.body());
        SseReader b = new SseReader(legacy.body())) {
      assertThat(a.nextEvent().event()).isEqualTo("connection");
      assertThat(b.nextEvent().event()).isEqualTo("endpoint");
      http.transport.shutdown(Duration.ZERO);
      assertThat(a.nextEvent().event()).isEqualTo("EOF");
      assertThat(b.nextEvent().event()).isEqualTo("EOF");
    }
    await().until(() -> http.transport.openStreams() == 0);
  }

  @Test
  void stoppingTomcatIsNotHeldUpByOpenStreams() throws Exception {
    http = new TomcatMcp(server);
    String session = http.initialize("2025-06-18");
    HttpResponse<InputStream> get = http.stream(http.getStream(session));
    try (SseReader sse = new SseReader(get.body())) {
      assertThat(sse.nextEvent().event()).isEqualTo("connection");
      http.stop(); // returns: destroy ended the stream the transport still holds
      assertThat(sse.nextEvent().event()).isEqualTo("EOF");
    }
    await().until(() -> http.transport.openStreams() == 0);
  }
}
