package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.testing.SecuredServer;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Development mode: local keys, served JWKS, a mint route, loopback only. */
class DevModeTest {

  @Test
  void mintedTokensWorkAndTheKeysAreServed() throws Exception {
    int port = Ports.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    DevTokens dev = DevTokens.generate(base, base + "/mcp");
    JwtAuthenticator jwt = dev.authenticator(c -> {});
    McpServer server = new TestTools().server();
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev)));
                  config.registerPlugin(
                      new McpPlugin(
                          mcp ->
                              mcp.server(server)
                                  .principalResolver(jwt)
                                  .transport(t -> t.sessionKey(SecuredServer.SESSION_KEY))));
                })
            .start("127.0.0.1", port);
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> minted =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "sub=dev-user&scope=read:jamf+write:jamf"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(minted.statusCode()).isEqualTo(200);
      String token = Json.mapper().readTree(minted.body()).get("access_token").stringValue();
      assertThat(jwt.validate(token).scopes()).containsExactlyInAnyOrder("read:jamf", "write:jamf");
      assertThat(jwt.validate(token).subject()).isEqualTo("dev-user");
      HttpResponse<String> jwks =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/dev/jwks.json")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(jwks.body()).contains("\"kty\":\"EC\"").doesNotContain("\"d\":");
      HttpResponse<String> init =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/mcp"))
                  .header(
                      "Authorization",
                      "Bearer "
                          + dev.mint("cli", Set.of("read:jamf"), java.time.Duration.ofMinutes(5)))
                  .header("Accept", SecuredServer.ACCEPT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(SecuredServer.init()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(init.statusCode()).isEqualTo(200);
      HttpResponse<String> prm =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-protected-resource/mcp"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(Json.mapper().readTree(prm.body()).at("/authorization_servers/0").stringValue())
          .isEqualTo(base);
    } finally {
      app.stop();
      server.close();
    }
  }

  @Test
  void refusesNonLoopbackBind() {
    DevTokens dev = DevTokens.generate("http://127.0.0.1:1", "http://127.0.0.1:1/mcp");
    assertThatThrownBy(
            () ->
                Javalin.create(
                        config -> {
                          config.startup.showJavalinBanner = false;
                          config.registerPlugin(
                              new OAuthPlugin(
                                  o -> o.resource("http://127.0.0.1:1/mcp").devMode(dev)));
                        })
                    .start("0.0.0.0", 0))
        .hasStackTraceContaining("Development mode");
  }

  @Test
  void hmacAndNoneAreNeverConfigurable() {
    assertThatThrownBy(
            () -> JwtAuthenticator.create(c -> c.issuer("i").audience("a").algorithms("HS256")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> JwtAuthenticator.create(c -> c.issuer("i").audience("a").algorithms("none")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtAuthenticator.create(c -> c.issuer("i")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
