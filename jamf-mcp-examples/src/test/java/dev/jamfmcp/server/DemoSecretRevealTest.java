package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 point 6 / issue 16 point 5, end to end through the executable's demo (engine, gate,
 * approval page, simulator): a FileVault key, a device-lock PIN and a LAPS password are shown only
 * on the approval page, once, after the person approved; never in an MCP result, a log or an audit
 * line.
 */
class DemoSecretRevealTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern SHOWN = Pattern.compile("<code class=\"secret\">([^<]+)</code>");

  /** One person's browser: its own cookie jar, redirects not followed. */
  private static final class Browser {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> form)
        throws IOException, InterruptedException {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return client.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in:\n" + html).isTrue();
    return m.group(1);
  }

  private static String line(String banner, String prefix) {
    return banner
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + banner))
        .substring(prefix.length())
        .strip();
  }

  @Test
  void secretsAreShownOnlyOnTheApprovalPageOnceAndNowhereElse() throws Exception {
    List<String> results = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    String logs;
    try (CapturedLog log = new CapturedLog()) {
      int port = Ports.freeLoopbackPort();
      Map<String, String> env =
          Map.of("MCP_PORT", Integer.toString(port), "MCP_LOG_LEVEL", "debug");
      ServerConfig config =
          ServerConfig.from(RawSettings.parse(new String[] {"--demo"}, env).settings());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          Launcher.launch(
              config, System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertThat(code).isEqualTo(ServerMain.RUNNING);
      String banner = out.toString(StandardCharsets.UTF_8);
      String mcp = line(banner, Banner.READY);
      String base = mcp.substring(0, mcp.length() - "/mcp".length());
      McpHttpSession session = new McpHttpSession(URI.create(mcp), line(banner, Banner.TOKEN));
      session.initialize(); // declares no elicitation

      JsonNode settings =
          session.request("tools/call", "{\"name\":\"getLapsSettings\",\"arguments\":{}}");
      assertThat(settings.at("/structuredContent/passwordRotationTime").asLong()).isEqualTo(3600);

      Browser person = new Browser();
      boolean signedIn = false;
      for (String call :
          List.of(
              "{\"name\":\"revealFileVaultKey\",\"arguments\":{\"deviceId\":\"computer:1\"}}",
              "{\"name\":\"revealDeviceLockPin\",\"arguments\":{\"deviceId\":\"computer:2\"}}",
              "{\"name\":\"revealLapsPassword\",\"arguments\":{\"deviceId\":\"computer:3\","
                  + "\"username\":\"jamfadmin\"}}")) {
        JsonNode first = session.request("tools/call", call);
        results.add(first.toString());
        assertThat(first.at("/structuredContent/status").asString(""))
            .as(first.toString())
            .isEqualTo("approval_required");
        String id = first.at("/structuredContent/approval/id").stringValue();
        String url = first.at("/structuredContent/approval/url").stringValue();
        if (!signedIn) {
          HttpResponse<String> form = person.get(base + "/approval/dev-sign-in?id=" + id);
          assertThat(
                  person
                      .post(
                          base + "/approval/dev-sign-in",
                          Map.of("csrf", csrf(form.body()), "id", id, "user", "demo"))
                      .statusCode())
              .isEqualTo(303);
          signedIn = true;
        }
        HttpResponse<String> page = person.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(SHOWN.matcher(page.body()).find()).isFalse(); // nothing before approval
        assertThat(
                person
                    .post(
                        url,
                        Map.of(
                            "csrf", csrf(page.body()), "decision", "approve", "phrase", "APPROVE"))
                    .statusCode())
            .isLessThan(400);

        String again =
            call.replace("\"arguments\":{", "\"arguments\":{\"approvalId\":\"" + id + "\",");
        JsonNode done = session.request("tools/call", again);
        results.add(done.toString());
        assertThat(done.at("/structuredContent/status").asString(""))
            .as(done.toString())
            .isEqualTo("executed");
        assertThat(done.at("/structuredContent/shownOn").asString()).isEqualTo(url);
        assertThat(done.at("/structuredContent/readAt").asString()).isNotEmpty();
        assertThat(done.at("/content/0/text").asString()).contains("approval page");

        HttpResponse<String> reveal = person.get(url);
        assertThat(reveal.statusCode()).isEqualTo(200);
        assertThat(reveal.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(reveal.headers().firstValue("Content-Security-Policy")).isPresent();
        Matcher secret = SHOWN.matcher(reveal.body());
        assertThat(secret.find()).as(reveal.body()).isTrue();
        shown.add(secret.group(1));
        // Shown once: reloading shows no secret.
        HttpResponse<String> reload = person.get(url);
        assertThat(SHOWN.matcher(reload.body()).find()).isFalse();
      }
      logs = log.text();
    }

    // The page showed each Mac's own secret, as Jamf Pro (the simulator) holds it.
    // A second simulator with the demo's configuration (same seed) holds the same fleet.
    try (SimulatedJamfPro twin =
            SimulatedJamfPro.start(
                SimulatorConfig.builder().port(0).bindAddress("127.0.0.1").build());
        JamfClient jamf =
            JamfClient.builder()
                .baseUrl(twin.baseUrl())
                .clientCredentials(twin.config().clientId(), twin.config().clientSecret())
                .build()) {
      assertThat(shown)
          .containsExactly(
              jamf.computers().fileVault("1").path("personalRecoveryKey").asString(),
              jamf.computers().deviceLockPin("2").path("pin").asString(),
              jamf.computers()
                  .lapsPassword(jamf.computers().detail("3").general().managementId(), "jamfadmin")
                  .path("password")
                  .asString());
    }
    assertThat(logs).contains("revealFileVaultKey").contains("revealed_on_page");
    for (String secret : shown) {
      assertThat(secret).isNotBlank();
      assertThat(logs).doesNotContain(secret);
      assertThat(String.join("\n", results)).doesNotContain(secret);
    }
  }
}
