package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.testing.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After a demo restart, the token of the earlier run is still refused, with a 401 that says the
 * demo's signing key changed and how to get a new token.
 */
class DemoRestartHintTest {
  static final String BASE = "http://127.0.0.1:8080";
  static final String METADATA = BASE + "/.well-known/oauth-protected-resource/mcp";

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  static PrincipalResolver.Rejection refusal(PrincipalResolver resolver, String token) {
    try {
      resolver.resolve(bearer(token));
    } catch (PrincipalResolver.Rejection r) {
      return r;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void earlierRunsTokenIsRefusedWithTheReason() throws Exception {
    DevTokens earlier = DevTokens.generate(BASE, BASE + "/mcp");
    DevTokens now = DevTokens.generate(BASE, BASE + "/mcp");
    PrincipalResolver resolver =
        new DemoRestartHint(
            now.authenticator(c -> c.resourceMetadataUrl(METADATA)), now, METADATA, BASE);

    PrincipalResolver.Rejection old =
        refusal(resolver, earlier.mint("demo", Set.of("read:jamf"), Duration.ofHours(1)));
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.jsonBody())
        .contains("earlier run of the demo")
        .contains("new signing key")
        .contains("curl -d 'scope=read:jamf' " + BASE + "/dev/token");
    assertThat(old.headers().get("WWW-Authenticate"))
        .startsWith("Bearer error=\"invalid_token\"")
        .contains("resource_metadata=\"" + METADATA + "\"");

    // this run's token passes; other refusals keep their own words
    assertThat(
            resolver
                .resolve(bearer(now.mint("demo", Set.of("read:jamf"), Duration.ofHours(1))))
                .subject())
        .isEqualTo("demo");
    assertThat(refusal(resolver, "not-a-jwt").jsonBody())
        .contains("Please re-authenticate")
        .doesNotContain("demo");
    assertThat(refusal(resolver, now.mint("demo", Set.of(), Duration.ofSeconds(-120))).jsonBody())
        .doesNotContain("earlier run");
    assertThatThrownBy(() -> resolver.resolve(Map.of()))
        .isInstanceOfSatisfying(
            PrincipalResolver.Rejection.class, r -> assertThat(r.status()).isEqualTo(401));
  }

  @Test
  void theDemoServerAnswersAnOldTokenWithTheHint() throws Exception {
    int port = Ports.freeLoopbackPort();
    ServerConfig config =
        ServerConfig.from(
            RawSettings.parse(
                    new String[] {"--demo"},
                    Map.of("MCP_PORT", Integer.toString(port), "MCP_LOG_LEVEL", "warn"))
                .settings());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            Launcher.launch(
                config, System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
        .isEqualTo(ServerMain.RUNNING);
    String base = "http://127.0.0.1:" + port;
    // what the previous run on this port handed out: same issuer and audience, another key
    String old =
        DevTokens.generate(base, base + "/mcp")
            .mint("demo", Set.of("read:jamf"), Duration.ofHours(1));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer " + old)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("earlier run of the demo").contains(base + "/dev/token");
  }
}
