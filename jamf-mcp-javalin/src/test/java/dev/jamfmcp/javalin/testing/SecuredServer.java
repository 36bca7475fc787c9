package dev.jamfmcp.javalin.testing;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.javalin.ratelimit.RateLimitConfig;
import dev.jamfmcp.javalin.ratelimit.RateLimitPlugin;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.jwt.JwtConfig;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.mcp.testing.TestTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The whole secured stack as the executable wires it: JWT auth against {@link TestIdp}, the OAuth
 * plugin, rate limits, the MCP plugin, and a Jamf stand-in reached through {@link JamfClient} with
 * the server's own credentials.
 */
public final class SecuredServer implements AutoCloseable {
  public static final String JAMF_CLIENT = "jamf-api-client";
  public static final String JAMF_SECRET = "jamf-Pa55word-NEVER-LOG";
  public static final String ACCEPT = "application/json, text/event-stream";
  public static final byte[] SESSION_KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  public final List<RecordedRequest> jamfRequests = new CopyOnWriteArrayList<>();
  public final MockWebServer jamf = new MockWebServer();
  public final TestTools tools = new TestTools();
  public final int port;
  public final String base;
  public final String resource;
  public final TestIdp idp;
  public final JamfClient jamfClient;
  public final McpServer server;
  public final OAuthPlugin oauth;
  public final Javalin app;
  public final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  public SecuredServer(boolean front, Consumer<RateLimitConfig> limitsExtra) throws Exception {
    this(front, limitsExtra, c -> {});
  }

  /** With more token rules (e.g. {@code tokenType("at+jwt")}) on the JWT authenticator. */
  public SecuredServer(
      boolean front, Consumer<RateLimitConfig> limitsExtra, Consumer<JwtConfig> jwtExtra)
      throws Exception {
    jamf.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            jamfRequests.add(request);
            String path = request.getUrl().encodedPath();
            if (path.endsWith("/oauth/token")) {
              return json(
                  "{\"access_token\":\"jamf-side-token\",\"token_type\":\"Bearer\",\"expires_in\":600}");
            }
            if (path.equals("/api/v1/jamf-pro-version")) {
              return json("{\"version\":\"11.20.0-t1\"}");
            }
            return new MockResponse.Builder().code(404).body("{}").build();
          }
        });
    jamf.start();
    port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    resource = base + "/mcp";
    idp = new TestIdp(resource, clock);
    jamfClient =
        JamfClient.builder()
            .baseUrl(jamf.url("/").toString())
            .clientCredentials(JAMF_CLIENT, JAMF_SECRET)
            .clock(clock)
            .build();
    Tool version =
        Tool.builder("jamf_version")
            .description("Asks Jamf Pro for its version.")
            .annotations(ToolAnnotations.readOnly())
            .requiredScopes("read:jamf")
            .handler((args, ctx) -> ToolResult.text(jamfClient.jamfProVersion()))
            .build();
    server = tools.server(c -> c.tool(version));
    String metadataUrl = OAuthPlugin.resourceMetadataUrl(resource);
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c -> {
              c.issuer(idp.issuer).audience(resource).resourceMetadataUrl(metadataUrl).clock(clock);
              jwtExtra.accept(c);
            });
    RateLimitPlugin limits =
        new RateLimitPlugin(
            r -> {
              r.clock(clock);
              limitsExtra.accept(r);
            });
    oauth =
        new OAuthPlugin(
            o -> {
              o.resource(resource);
              if (front) {
                o.front(
                    f ->
                        f.providerAuthorizeUrl(idp.issuer + "authorize")
                            .providerTokenUrl(idp.issuer + "oauth/token")
                            .clientId(TestIdp.CLIENT_ID)
                            .clientSecret(TestIdp.CLIENT_SECRET)
                            .audience(resource)
                            .clock(clock));
              } else {
                o.authorizationServer(idp.issuer);
              }
            });
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(limits);
                  config.registerPlugin(oauth);
                  config.registerPlugin(
                      new McpPlugin(
                          mcp ->
                              mcp.server(server)
                                  .principalResolver(limits.perPrincipal(jwt))
                                  .transport(
                                      t ->
                                          t.sessionKey(SESSION_KEY)
                                              .resourceMetadataUrl(metadataUrl))));
                })
            .start("127.0.0.1", port);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  public HttpRequest.Builder post(String pathAndQuery, String json) {
    return HttpRequest.newBuilder(uri(pathAndQuery))
        .header("Accept", ACCEPT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String init() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  }

  public static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":{}}}";
  }

  /** Initializes with the token; returns the session id. */
  public String initialize(String token) throws Exception {
    HttpResponse<String> response =
        send(post("/mcp", init()).header("Authorization", "Bearer " + token));
    if (response.statusCode() != 200) {
      throw new AssertionError("initialize: " + response.statusCode() + " " + response.body());
    }
    String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    send(
        post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .header("Authorization", "Bearer " + token)
            .header("Mcp-Session-Id", session));
    return session;
  }

  public HttpResponse<String> callTool(String token, String session, String tool) throws Exception {
    return send(
        post("/mcp", call(7, tool))
            .header("Authorization", "Bearer " + token)
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", "2025-06-18"));
  }

  @Override
  public void close() throws Exception {
    app.stop();
    server.close();
    jamfClient.close();
    idp.close();
    jamf.close();
  }
}
