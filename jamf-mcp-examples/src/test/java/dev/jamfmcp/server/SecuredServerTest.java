package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The server started as the executable starts it (Launcher), with MCP_OAUTH_ISSUER pointing at a
 * small local identity provider that signs real RS256 tokens: 401 without a token, 200 with one,
 * 403 without the required scope, the metadata documents, the OAuth front and rate limits.
 */
class SecuredServerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

  static SimulatedJamfPro jamf;
  static Idp idp;

  /** A provider stand-in: discovery and JWKS on the JDK's HTTP server, RS256 tokens. */
  static final class Idp implements AutoCloseable {
    final HttpServer server;
    final String issuer;
    final RSAKey key;

    Idp() throws Exception {
      key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      reply(
          "/.well-known/openid-configuration",
          "{\"issuer\":\""
              + issuer
              + "\",\"jwks_uri\":\""
              + issuer
              + "jwks\",\"authorization_endpoint\":\""
              + issuer
              + "authorize\","
              + "\"token_endpoint\":\""
              + issuer
              + "oauth/token\"}");
      reply("/jwks", new JWKSet(key.toPublicJWK()).toString());
      server.start();
    }

    private void reply(String path, String json) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      server.createContext(
          path,
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
    }

    String token(String audience, String subject, String scope) throws Exception {
      Instant now = Instant.now();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .audience(audience)
              .subject(subject)
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
              .claim("scope", scope)
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(5)));
    idp = new Idp();
  }

  @AfterAll
  static void stop() {
    idp.close();
    jamf.close();
  }

  /** Starts the server on a free port with MCP_PUBLIC_URL pointing at it; returns that URL. */
  static String launch(String... more) throws IOException {
    int port = Ports.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "JAMF_URL",
                jamf.baseUrl(),
                "JAMF_CLIENT_ID",
                jamf.config().clientId(),
                "JAMF_CLIENT_SECRET",
                jamf.config().clientSecret(),
                "MCP_READ_ONLY",
                "true",
                "MCP_PORT",
                Integer.toString(port),
                "MCP_PUBLIC_URL",
                base,
                "MCP_OAUTH_ISSUER",
                idp.issuer,
                "MCP_LOG_LEVEL",
                "warn"));
    env.put("MCP_TOOLSETS", "all"); // the metrics test calls a script tool
    ServerConfigTest.production(env, more);
    ServerConfig config = ServerConfig.from(RawSettings.parse(new String[0], env).settings());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Launcher.launch(
            config, System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isEqualTo(ServerMain.RUNNING);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(Banner.READY + base + "/mcp")
        .contains("Authentication: OAuth bearer tokens from " + idp.issuer);
    return base;
  }

  static HttpResponse<String> post(String base, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  @Test
  void bearerTokensFromTheConfiguredIssuer() throws Exception {
    String base = launch("MCP_REQUIRED_SCOPES", "read:jamf");
    String resource = base + "/mcp";
    String metadataUrl = base + "/.well-known/oauth-protected-resource/mcp";

    HttpResponse<String> none = post(base, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            h ->
                assertThat(h)
                    .startsWith("Bearer")
                    .contains("resource_metadata=\"" + metadataUrl + "\"")
                    .contains("scope=\"read:jamf\""));

    McpHttpSession mcp =
        new McpHttpSession(
            URI.create(resource), idp.token(resource, "auth0|alice", "openid read:jamf"));
    assertThat(mcp.initialize().path("serverInfo").path("name").asString()).isEqualTo("jamf-mcp");
    assertThat(mcp.request("ping", "{}")).isNotNull();

    HttpResponse<String> lacking = post(base, idp.token(resource, "auth0|bob", "openid profile"));
    assertThat(lacking.statusCode()).isEqualTo(403);
    assertThat(lacking.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            h ->
                assertThat(h)
                    .contains("error=\"insufficient_scope\"")
                    .contains("scope=\"read:jamf\"")
                    .contains("resource_metadata=\"" + metadataUrl + "\""));

    HttpResponse<String> otherAudience =
        post(base, idp.token("https://elsewhere.example.com/mcp", "auth0|alice", "read:jamf"));
    assertThat(otherAudience.statusCode()).isEqualTo(401);
    assertThat(otherAudience.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("invalid_token");

    JsonNode metadata = getJson(metadataUrl);
    assertThat(metadata.path("resource").asString()).isEqualTo(resource);
    assertThat(metadata.path("authorization_servers").get(0).asString()).isEqualTo(idp.issuer);
    assertThat(metadata.path("authorization_servers")).hasSize(1);
  }

  @Test
  void oauthFrontAndRateLimits() throws Exception {
    String base =
        launch(
            "MCP_OAUTH_CLIENT_ID",
            "upstream-client",
            "MCP_OAUTH_CLIENT_SECRET",
            "upstream-secret",
            "MCP_OAUTH_AUTHORIZE_URL",
            idp.issuer + "authorize",
            "MCP_OAUTH_TOKEN_URL",
            idp.issuer + "oauth/token",
            "MCP_SESSION_KEY",
            ServerConfigTest.KEY,
            "MCP_RATE_LIMIT",
            "2");
    String resource = base + "/mcp";

    JsonNode metadata = getJson(base + "/.well-known/oauth-protected-resource/mcp");
    assertThat(metadata.path("authorization_servers").get(0).asString()).isEqualTo(base);
    JsonNode front = getJson(base + "/.well-known/oauth-authorization-server");
    assertThat(front.path("issuer").asString()).isEqualTo(base);
    assertThat(front.path("authorization_endpoint").asString()).isEqualTo(base + "/auth/authorize");

    // 2 per minute per token subject, bursts of 2: the third request in a row is refused.
    String token = idp.token(resource, "auth0|carol", "read:jamf");
    assertThat(post(base, token).statusCode()).isEqualTo(200);
    assertThat(post(base, token).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = post(base, token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    // Another caller from the same IP still gets through (the IP allows 5 times as many).
    assertThat(post(base, idp.token(resource, "auth0|dave", "read:jamf")).statusCode())
        .isEqualTo(200);
    // The per-IP limit (10 a minute here) runs before authentication: anonymous callers from this
    // IP are refused with 429 once its bucket is empty, not asked for a token (401).
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12 && !statuses.contains(429); i++) {
      statuses.add(post(base, null).statusCode());
    }
    assertThat(statuses).contains(401).endsWith(429);
  }

  @Test
  void aTokenAnywhereButTheAuthorizationHeaderIsRefused() throws Exception {
    String base = launch();
    for (HttpRequest.Builder misplaced :
        List.of(
            HttpRequest.newBuilder(URI.create(base + "/mcp?access_token=abc")),
            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Cookie", "theme=dark; access_token=abc"))) {
      HttpResponse<String> refused =
          HTTP.send(
              misplaced
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json, text/event-stream")
                  .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("Authorization header");
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
          .contains("invalid_request");
    }
  }

  @Test
  void metricsAreServedOnlyWhenSwitchedOn() throws Exception {
    String off = launch();
    HttpResponse<String> none =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(off + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(404);

    String on = launch("MCP_METRICS", "true");
    post(on, idp.token(on + "/mcp", "alice", "read:jamf"));
    HttpResponse<String> scraped =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(on + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("mcp_request_duration_seconds");
  }

  @Test
  void jamfRequestsShowInMetricsByEndpointTemplate() throws Exception {
    String base = launch("MCP_METRICS", "true");
    String resource = base + "/mcp";
    McpHttpSession mcp =
        new McpHttpSession(URI.create(resource), idp.token(resource, "auth0|erin", "read:jamf"));
    mcp.initialize();
    JsonNode result =
        mcp.request(
            "tools/call",
            "{\"name\":\"checkDeviceCompliance\",\"arguments\":{\"daysSinceLastCheckin\":30}}");
    assertThat(result.path("isError").asBoolean(false)).isFalse();
    mcp.request("tools/call", "{\"name\":\"getScriptDetails\",\"arguments\":{\"scriptId\":\"3\"}}");
    String text =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    // The start-up check (token, then version) ran before the metrics existed; it is kept.
    assertThat(text)
        .contains(
            "jamf_request_duration_seconds_count{endpoint=\"/api/oauth/token\",method=\"POST\","
                + "status=\"200\"} 1")
        .contains(
            "jamf_request_duration_seconds_count{endpoint=\"/api/v1/jamf-pro-version\","
                + "method=\"GET\",status=\"200\"}")
        // the compliance report: four counted listings, never a fleet scan
        .contains(
            "jamf_request_duration_seconds_count{endpoint=\"/api/v4/computers-inventory\","
                + "method=\"GET\",status=\"200\"} 4")
        .contains(
            "jamf_request_duration_seconds_count{endpoint=\"/api/v1/scripts/{id}\","
                + "method=\"GET\",status=\"200\"} 1");
    assertThat(text).doesNotContain("scripts/3").doesNotContain("filter=");
  }
}
