package dev.jamfmcp.javalin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWT attacks that need a provider, against a real OpenID provider in process
 * (mock-oauth2-server): its discovery document and JWKS are fetched over HTTP, its tokens are its
 * own. Each attack token goes on a tools/call of the write tool in a session opened with a valid
 * token; each is refused with 401 and the tool never runs.
 */
class JwtAgainstOpenIdProviderTest {
  private static final String AUDIENCE = "https://mcp.example/mcp";
  private static final String ACCEPT = "application/json, text/event-stream";
  private final MockOAuth2Server idp = new MockOAuth2Server();
  private final TestTools tools = new TestTools();
  private final HttpClient client = HttpClient.newHttpClient();
  private McpServer server;
  private Javalin app;
  private String base;

  @BeforeEach
  void start() throws Exception {
    idp.start(InetAddress.getByName("127.0.0.1"), 0);
    String issuer = idp.issuerUrl("corp").toString();
    JwtAuthenticator jwt = JwtAuthenticator.create(c -> c.issuer(issuer).audience(AUDIENCE));
    server = tools.server();
    int port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new McpPlugin(mcp -> mcp.server(server).principalResolver(jwt)));
                })
            .start("127.0.0.1", port);
  }

  @AfterEach
  void stop() {
    try {
      assertThat(tools.writeRuns.get()).as("write tool runs").isZero();
    } finally {
      app.stop();
      server.close();
      idp.shutdown();
    }
  }

  private String token(String issuerId, String audience, long expirySeconds) {
    return idp.issueToken(
            issuerId, "alice", audience, Map.of("scope", "read:jamf write:jamf"), expirySeconds)
        .serialize();
  }

  private HttpResponse<String> post(String token, String session, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/mcp"))
            .header("Accept", ACCEPT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("MCP-Protocol-Version", "2025-06-18")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a tools/call of the write tool with the token, in a valid session. */
  private int callWriteToolWith(String token) throws Exception {
    String valid = token("corp", AUDIENCE, 3600);
    HttpResponse<String> init =
        post(
            valid,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(init.statusCode()).as("a token of the provider opens a session").isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(valid, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return post(
            token,
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"wipe\",\"arguments\":{}}}")
        .statusCode();
  }

  @Test
  void tokenOfAnotherIssuerAtTheSameProvider() throws Exception {
    assertThat(callWriteToolWith(token("other", AUDIENCE, 3600))).isEqualTo(401);
  }

  @Test
  void tokenForAnotherAudience() throws Exception {
    assertThat(callWriteToolWith(token("corp", "https://other-api.example", 3600))).isEqualTo(401);
  }

  @Test
  void expiredToken() throws Exception {
    assertThat(callWriteToolWith(token("corp", AUDIENCE, -600))).isEqualTo(401);
  }

  @Test
  void lifetimeLongerThanAllowed() throws Exception {
    assertThat(callWriteToolWith(token("corp", AUDIENCE, 48 * 3600))).isEqualTo(401);
  }
}
