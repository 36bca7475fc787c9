package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.tools.JamfTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * Runs the packaged {@code jamf-mcp-server.jar} as a process (failsafe, after {@code package}) and
 * drives real MCP sessions: the demo over HTTP and over stdio, the production path against a
 * simulated Jamf Pro with secrets from files, and start-up failures.
 */
class ServerJarIT {
  static final Path JAR =
      Path.of(System.getProperty("jamfmcp.serverJar", "target/jamf-mcp-server.jar"));
  static final Pattern ENDPOINT = Pattern.compile(Pattern.quote(Banner.READY) + "(\\S+)");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final List<Process> processes = new ArrayList<>();
  Path logs;

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** The jar's tools as tools/list must show them: every toolset, writes included. */
  static List<String> allTools() {
    try (JamfClient unused =
        JamfClient.builder().baseUrl("http://127.0.0.1:9").clientCredentials("x", "y").build()) {
      return JamfTools.create(unused, s -> s.confirmationKey(new byte[32])).tools().stream()
          .map(Tool::name)
          .sorted()
          .toList();
    }
  }

  Process start(TestInfo test, Map<String, String> env, String... args) throws IOException {
    return start(test, env, List.of(), args);
  }

  Process start(TestInfo test, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    builder.environment().putAll(env);
    logs =
        Path.of(
            "target",
            "it-logs",
            test.getDisplayName().replaceAll("\\W", "") + "-" + processes.size() + ".stderr");
    Files.createDirectories(logs.getParent());
    builder.redirectError(logs.toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Reads stdout until the banner names the endpoint; returns it and the token, if any. */
  static String[] awaitBanner(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    String token = null;
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = ENDPOINT.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
      if (line.startsWith(Banner.TOKEN)) {
        token = line.substring(Banner.TOKEN.length()).trim();
      }
      if (line.startsWith("Stop with")) {
        break;
      }
    }
    if (url == null) {
      throw new AssertionError("the server printed no endpoint; exit " + exitOf(process));
    }
    return new String[] {url, token};
  }

  static String exitOf(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none";
    } catch (InterruptedException e) {
      return "interrupted";
    }
  }

  static long awaitReady(String mcpUrl, long startNanos) {
    URI ready = URI.create(mcpUrl.replaceFirst("/mcp$", "/health/ready"));
    await("/health/ready to answer 200")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
        .until(
            () ->
                HTTP.send(
                            HttpRequest.newBuilder(ready).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Test
  void demoOverHttp(TestInfo test) throws Exception {
    long started = System.nanoTime();
    Process process = start(test, Map.of(), "--demo", "--port", "0");
    String[] banner = awaitBanner(process);
    long readyMillis = awaitReady(banner[0], started);
    Files.writeString(Path.of("target", "startup-to-ready-ms.txt"), readyMillis + "\n");
    System.out.println("jar --demo: process start to /health/ready 200 in " + readyMillis + " ms");

    assertThat(banner[1]).as("the demo prints a development token").isNotBlank();
    HttpResponse<String> anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(banner[0]))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1," + "\"method\":\"ping\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("a request without the token").isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains(
            "resource_metadata=\""
                + banner[0].replaceFirst("/mcp$", "/.well-known/oauth-protected-resource/mcp")
                + "\"");

    McpHttpSession mcp = new McpHttpSession(URI.create(banner[0]), banner[1]);
    JsonNode init = mcp.initialize();
    assertThat(init.path("serverInfo").path("name").asString()).isEqualTo("jamf-mcp");
    assertThat(mcp.toolNames()).isEqualTo(allTools());
    assertThat(Files.readString(logs))
        .contains("MCP routes are served on Jetty directly")
        .contains("MCP connection established")
        .contains("POST /mcp tools/list status=200");
  }

  @Test
  void demoComplianceMatchesSimulator(TestInfo test) throws Exception {
    Process process = start(test, Map.of(), "--demo", "--port", "0");
    String[] banner = awaitBanner(process);
    McpHttpSession mcp = new McpHttpSession(URI.create(banner[0]), banner[1]);
    mcp.initialize();
    assertThat(mcp.toolNames()).contains("checkDeviceCompliance");
    JsonNode result =
        mcp.request(
            "tools/call",
            "{\"name\":\"checkDeviceCompliance\",\"arguments\":{\"daysSinceLastCheckin\":30}}");
    assertThat(result.path("isError").asBoolean(false)).isFalse();
    // The demo's fleet: default size, seed 42, anchored at its start; same numbers here.
    SimulatorConfig demo = SimulatorConfig.builder().build();
    Fleet fleet =
        Fleet.generate(demo.seed(), demo.computers(), demo.mobileDevices(), Instant.now());
    long cutoff = Instant.now().minus(30, ChronoUnit.DAYS).toEpochMilli();
    int stale = fleet.countComputers(row -> fleet.computers().lastContactMillis(row) < cutoff);
    JsonNode summary = result.path("structuredContent").path("summary");
    assertThat(summary.path("total").asInt()).isEqualTo(demo.computers());
    assertThat(summary.path("noncompliant").asInt()).isEqualTo(stale);
  }

  private static final String STDIO_INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

  @Test
  void demoOverStdio(TestInfo test) throws Exception {
    Process process = start(test, Map.of(), "--stdio", "--demo");
    OutputStream in = process.getOutputStream();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    send(in, STDIO_INITIALIZE);
    JsonNode init = Json.mapper().readTree(out.readLine());
    assertThat(init.path("result").path("serverInfo").path("name").asString())
        .isEqualTo("jamf-mcp");
    send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    JsonNode list = Json.mapper().readTree(out.readLine());
    List<String> names = new ArrayList<>();
    list.path("result").path("tools").forEach(t -> names.add(t.get("name").asString()));
    assertThat(names).isEqualTo(allTools());
    in.close();
    assertThat(out.readLine()).as("stdout carries only MCP messages").isNull();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(logs)).contains("speaking MCP on stdin/stdout");
  }

  /**
   * The AppCDS archive that package's training run made is valid for this jar and JVM: with {@code
   * -Xshare:on} the JVM refuses to start if it cannot map it. JVM warnings kept off stdout, which
   * carries only MCP messages.
   */
  @Test
  void startsFromTheArchiveTheBuildMade(TestInfo test) throws Exception {
    Assumptions.assumeFalse(
        Boolean.getBoolean("jamfmcp.cdsSkip"), "-Dcds.skip: the build made no archive");
    Path archive = JAR.resolveSibling("jamf-mcp-server.jsa");
    assertThat(archive).as("package's training run writes the archive").isNotEmptyFile();
    Process process =
        start(
            test,
            Map.of(),
            List.of(
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xlog:disable",
                "-Xlog:all=warning:stderr"),
            "--stdio",
            "--demo");
    OutputStream in = process.getOutputStream();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    send(in, STDIO_INITIALIZE);
    String first = out.readLine();
    assertThat(first).as("the JVM started from the archive; exit " + exitOf(process)).isNotNull();
    assertThat(
            Json.mapper().readTree(first).path("result").path("serverInfo").path("name").asString())
        .isEqualTo("jamf-mcp");
    in.close();
    assertThat(out.readLine()).as("stdout carries only MCP messages").isNull();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  /**
   * The training run the start-up caches are made from: the demo starts, answers one conversation
   * over its own HTTP endpoint, logs the session's end, and exits 0 by itself.
   */
  @Test
  void trainingRunAnswersOneConversationAndExits(TestInfo test) throws Exception {
    Process process =
        start(
            test,
            Map.of(),
            List.of("-D" + TrainingRun.PROPERTY + "=true"),
            "--demo",
            "--port",
            "0");
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the training run exits").isTrue();
    String log = Files.readString(logs);
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("tools/call tool=getFleetOverview status=200")
        .contains("Training run done")
        .containsPattern(
            "MCP connection closed session=\\S+ duration=\\d+ms principal=demo \\(server shutdown\\)");
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  @Test
  void productionPathWithSecretFileAndJsonLogs(TestInfo test) throws Exception {
    try (SimulatedJamfPro jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(20)))) {
      Path secret = Files.createTempFile("jamf-secret", ".txt");
      Files.writeString(secret, jamf.config().clientSecret() + "\n");
      Process process =
          start(
              test,
              Map.of(
                  "JAMF_URL",
                  jamf.baseUrl(),
                  "JAMF_CLIENT_ID",
                  jamf.config().clientId(),
                  "JAMF_CLIENT_SECRET_FILE",
                  secret.toString(),
                  "MCP_READ_ONLY",
                  "true",
                  "MCP_PORT",
                  "0",
                  "MCP_LOG_FORMAT",
                  "json"));
      String[] banner = awaitBanner(process);
      awaitReady(banner[0], System.nanoTime());
      new McpHttpSession(URI.create(banner[0]), banner[1]).initialize();
      List<String> lines = Files.readAllLines(logs);
      assertThat(lines)
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(Json.mapper().readTree(line).has("message")).as(line).isTrue());
      assertThat(String.join("\n", lines)).contains("answers (ApiClient)");

      Files.writeString(secret, "wrong-secret\n");
      Process refused =
          start(
              test,
              Map.of(
                  "JAMF_URL",
                  jamf.baseUrl(),
                  "JAMF_CLIENT_ID",
                  jamf.config().clientId(),
                  "JAMF_CLIENT_SECRET_FILE",
                  secret.toString(),
                  "MCP_READ_ONLY",
                  "true",
                  "MCP_PORT",
                  "0"));
      assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(refused.exitValue()).isEqualTo(2);
      assertThat(Files.readString(logs))
          .contains(
              "jamf-mcp-server: JAMF_CLIENT_ID (--jamf-client-id):"
                  + " Jamf Pro at "
                  + jamf.baseUrl()
                  + " rejected the credentials");
    }
  }

  @Test
  void badSettingsStopWithOneLineAndExitTwo(TestInfo test) throws Exception {
    Process none = start(test, Map.of());
    assertThat(none.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(none.exitValue()).isEqualTo(2);
    assertThat(Files.readAllLines(logs))
        .containsExactly(
            "jamf-mcp-server: JAMF_URL (--jamf-url):"
                + " no Jamf Pro URL is set. Fix: set JAMF_URL=https://your.jamfcloud.com, or try --demo");

    Process everywhere = start(test, Map.of("MCP_BIND", "0.0.0.0"), "--demo");
    assertThat(everywhere.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(everywhere.exitValue()).isEqualTo(2);
    assertThat(Files.readAllLines(logs))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("jamf-mcp-server: MCP_BIND (--bind): the demo serves development auth");
  }
}
