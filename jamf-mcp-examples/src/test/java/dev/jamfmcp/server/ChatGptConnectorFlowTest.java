package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ChatGPT connector's path, as docs/CHATGPT.md's "Try it without a Jamf tenant" sets it up: the
 * demo's simulated Jamf Pro behind a real OpenID provider in process (mock-oauth2-server,
 * configured with deploy/mock-oauth2-server/jamf-mcp-demo.json), the executable started through
 * {@link ServerMain#run} with the settings block of that section (only the ports changed), and a
 * client that does what ChatGPT does: 401 -> protected-resource metadata -> authorization-server
 * metadata -> dynamic registration -> authorize with PKCE -> consent -> sign-in at the provider ->
 * callback -> token -> initialize, tools/list, a tool call -> refresh -> another call.
 */
class ChatGptConnectorFlowTest {
  /** The ports the recipe uses; the test swaps in free ones. */
  static final String DOC_SERVER = "127.0.0.1:8080";

  static final String DOC_PROVIDER = "127.0.0.1:9000";

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private MockOAuth2Server provider;

  @AfterEach
  void stopProvider() {
    if (provider != null) {
      provider.shutdown();
    }
  }

  /** The repository root (the tests run in jamf-mcp-examples). */
  static Path repo(String path) {
    return Path.of("..").resolve(path);
  }

  /** mock-oauth2-server as the recipe runs it: the committed configuration, on a loopback port. */
  static MockOAuth2Server startProvider(int port) throws IOException {
    String json = Files.readString(repo("deploy/mock-oauth2-server/jamf-mcp-demo.json"));
    MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(json));
    server.start(InetAddress.getByName("127.0.0.1"), port);
    return server;
  }

  /**
   * The {@code export NAME=value} lines of the first shell block of docs/CHATGPT.md that sets
   * MCP_OAUTH_ISSUER after the heading {@code heading}, with the recipe's ports replaced.
   */
  static Map<String, String> recipeSettings(
      String heading, int serverPort, int providerPort, String... more) throws IOException {
    String doc = Files.readString(repo("docs/CHATGPT.md"));
    int at = doc.indexOf("\n" + heading + "\n");
    assertThat(at).as("docs/CHATGPT.md has the heading " + heading).isNotNegative();
    Matcher block = Pattern.compile("(?s)```sh\n(.*?)```").matcher(doc);
    Map<String, String> env = new LinkedHashMap<>();
    int from = at;
    while (env.isEmpty() && block.find(from)) {
      from = block.end();
      if (!block.group(1).contains("MCP_OAUTH_ISSUER=")) {
        continue;
      }
      for (String line : block.group(1).split("\n")) {
        Matcher export = Pattern.compile("^export ([A-Z_]+)=(.*)$").matcher(line.strip());
        if (export.matches()) {
          String value = export.group(2).replaceAll("^'(.*)'$", "$1");
          env.put(
              export.group(1),
              value
                  .replace(DOC_SERVER, "127.0.0.1:" + serverPort)
                  .replace(DOC_PROVIDER, "127.0.0.1:" + providerPort));
        }
      }
    }
    assertThat(env).as("the settings block under " + heading).containsKey("MCP_OAUTH_ISSUER");
    env.put("MCP_PORT", Integer.toString(serverPort));
    env.put("MCP_LOG_LEVEL", "warn");
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  /** Starts the executable as main() does; returns its banner. */
  static String launch(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ServerMain.run(
            args,
            env,
            System.in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ServerMain.RUNNING);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void chatGptConnectsToTheDemoThroughARealOpenIdProvider() throws Exception {
    int providerPort = Ports.freeLoopbackPort();
    provider = startProvider(providerPort);
    int port = Ports.freeLoopbackPort();
    Map<String, String> env = recipeSettings("## Try it without a Jamf tenant", port, providerPort);
    String base = "http://127.0.0.1:" + port;
    assertThat(env)
        .containsEntry("MCP_PUBLIC_URL", base)
        .containsEntry("MCP_OAUTH_ISSUER", "http://127.0.0.1:" + providerPort + "/jamf-demo");
    String banner = launch(env, "--demo");
    assertThat(banner)
        .contains("Demo: simulated Jamf Pro at ")
        .contains(Banner.READY + base + "/mcp")
        .contains("OAuth bearer tokens from " + env.get("MCP_OAUTH_ISSUER"))
        .doesNotContain(Banner.TOKEN);

    ConnectorClient chatGpt = new ConnectorClient(http);
    ConnectorClient.Tokens tokens = chatGpt.connect(base, env.get("MCP_OAUTH_AUTHORIZE_URL"));

    // initialize, tools/list and a tool call on the simulated Jamf Pro, with the provider's token.
    McpHttpSession session = new McpHttpSession(URI.create(base + "/mcp"), tokens.access());
    JsonNode init = session.initialize();
    assertThat(init.at("/serverInfo/name").asString("")).isEqualTo("jamf-mcp");
    List<String> tools = session.toolNames();
    assertThat(tools).contains("search", "fetch", "checkDeviceCompliance");
    JsonNode search =
        session.request(
            "tools/call", "{\"name\":\"search\",\"arguments\":{\"query\":\"MacBook\"}}");
    assertThat(search.path("isError").asBoolean(false)).as(search.toString()).isFalse();
    assertThat(search.toString()).contains("results");

    // Refresh, as ChatGPT does when the access token expires; the new token works too.
    ConnectorClient.Tokens refreshed = chatGpt.refresh(base, tokens);
    assertThat(refreshed.access()).isNotEqualTo(tokens.access());
    McpHttpSession again = new McpHttpSession(URI.create(base + "/mcp"), refreshed.access());
    again.initialize();
    JsonNode compliance =
        again.request(
            "tools/call",
            "{\"name\":\"checkDeviceCompliance\",\"arguments\":{\"daysSinceLastCheckin\":30}}");
    assertThat(compliance.path("isError").asBoolean(false)).as(compliance.toString()).isFalse();
  }
}
