package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 point 2 over HTTP, as the executable starts the demo: a client without elicitation asks
 * for a restart, gets only the approval URL, a person signs in (development sign-in) and approves
 * on the page, and the call with the approval id runs once.
 */
class DemoApprovalTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

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

  private static String launchDemo() throws IOException {
    int port = Ports.freeLoopbackPort();
    Map<String, String> env = Map.of("MCP_PORT", Integer.toString(port), "MCP_LOG_LEVEL", "warn");
    ServerConfig config =
        ServerConfig.from(RawSettings.parse(new String[] {"--demo"}, env).settings());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Launcher.launch(
            config, System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isEqualTo(ServerMain.RUNNING);
    return out.toString(StandardCharsets.UTF_8);
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
  void aPersonApprovesOnThePageAndTheCallRunsOnce() throws Exception {
    String banner = launchDemo();
    String mcp = line(banner, Banner.READY);
    String base = mcp.substring(0, mcp.length() - "/mcp".length());
    McpHttpSession session = new McpHttpSession(URI.create(mcp), line(banner, Banner.TOKEN));
    session.initialize(); // declares no elicitation

    String restart = "{\"command\":\"restart\",\"deviceIds\":[\"computer:1\"]}";
    JsonNode first =
        session.request(
            "tools/call", "{\"name\":\"sendMdmCommand\",\"arguments\":" + restart + "}");
    assertThat(first.at("/structuredContent/status").asString("")).isEqualTo("approval_required");
    String id = first.at("/structuredContent/approval/id").stringValue();
    String url = first.at("/structuredContent/approval/url").stringValue();
    assertThat(url).isEqualTo(base + "/approve/" + id);
    assertThat(first.toString()).doesNotContain("confirmationToken\":\"c2.");

    Browser person = new Browser();
    HttpResponse<String> form = person.get(base + "/approval/dev-sign-in?id=" + id);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn =
        person.post(
            base + "/approval/dev-sign-in",
            Map.of("csrf", csrf(form.body()), "id", id, "user", "demo"));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    HttpResponse<String> page = person.get(url);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("APPROVE");
    HttpResponse<String> decided =
        person.post(
            url, Map.of("csrf", csrf(page.body()), "decision", "approve", "phrase", "APPROVE"));
    assertThat(decided.statusCode()).isLessThan(400);

    String again =
        "{\"name\":\"sendMdmCommand\",\"arguments\":"
            + Json.mapper()
                .writeValueAsString(
                    ((tools.jackson.databind.node.ObjectNode) Json.mapper().readTree(restart))
                        .put("approvalId", id))
            + "}";
    JsonNode done = session.request("tools/call", again);
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    JsonNode twice = session.request("tools/call", again);
    assertThat(twice.path("isError").asBoolean(false)).isTrue();
    assertThat(twice.toString()).contains("already been used");
  }
}
