package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every shell command of README.md, docs/*.md and the demo's banner works when pasted (issue 18.1),
 * run against the packaged jar from the repository root.
 *
 * <p>What runs: the fenced blocks tagged {@code sh}, {@code bash}, {@code console} or {@code
 * shell}, one command a line ({@code \} continues it; {@code #} comments dropped), except a block
 * whose line before the fence is {@code <!-- docs-test: not run: reason -->} (Docker, a real
 * tenant, minutes of measurement: listed, each with its reason). An untagged block that starts with
 * a command fails the test: tag it. Placeholders are filled: a Jamf Pro URL of the docs and {@code
 * ...} credentials with a simulated Jamf Pro, {@code /path/to/jamf-mcp-server.jar} with the jar.
 *
 * <p>How: a Maven command is not run (the build running this test just did it) but must use the
 * wrapper and name existing modules; a server command must print its banner (on a free port) or,
 * with {@code --stdio}, answer initialize; any other command (curl, the MCP Inspector) must exit 0.
 * Commands that need Node (npx) are skipped with one line when node is not on the PATH, and fail
 * then when {@code MCP_REQUIRE_NODE=1}.
 */
class DocsCommandsIT {
  static final Path ROOT = Path.of(System.getProperty("jamfmcp.repoRoot", "..")).normalize();
  static final Path JAR =
      Path.of(System.getProperty("jamfmcp.serverJar", "target/jamf-mcp-server.jar"))
          .toAbsolutePath();
  static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z]*)\\s*$");
  static final Pattern NOT_RUN = Pattern.compile("^<!-- docs-test: not run: (.+\\S) -->$");
  static final Pattern COMMAND_START =
      Pattern.compile("^(\\./mvnw|mvn|java|npx|curl|docker|[A-Z_]+=\\S+ )");
  static final List<String> SHELL = List.of("sh", "bash", "console", "shell");

  static SimulatedJamfPro jamf;

  /** One fenced block: where it is, its language, its commands, and why it is not run. */
  record Block(String where, String language, List<String> commands, String notRun) {}

  @BeforeAll
  static void simulator() {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(20)));
  }

  @AfterAll
  static void stopSimulator() {
    if (jamf != null) {
      jamf.close();
    }
  }

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  static List<Block> blocks(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      int start = i;
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        body.add(lines.get(i));
      }
      Matcher notRun = start == 0 ? null : NOT_RUN.matcher(lines.get(start - 1));
      blocks.add(
          new Block(
              ROOT.relativize(doc) + ":" + (start + 1),
              fence.group(1),
              commands(body),
              notRun != null && notRun.matches() ? notRun.group(1) : null));
    }
    return blocks;
  }

  /** The block's commands: continuation lines joined, comments and blank lines dropped. */
  static List<String> commands(List<String> body) {
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : body) {
      String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
      if (line.endsWith("\\")) {
        current.append(line.substring(0, line.length() - 1).strip()).append(' ');
        continue;
      }
      current.append(line);
      String command = current.toString().strip();
      current.setLength(0);
      if (!command.isEmpty()) {
        commands.add(command);
      }
    }
    return commands;
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES) // servers start, npx may download the Inspector
  void everyShellCommandOfTheDocsWorks() throws Exception {
    List<String> failures = new ArrayList<>();
    int ran = 0;
    for (Path doc : documents()) {
      for (Block block : blocks(doc)) {
        if (block.language().isEmpty()
            && !block.commands().isEmpty()
            && COMMAND_START.matcher(block.commands().get(0)).find()) {
          failures.add(block.where() + ": an untagged block of commands: tag it ```sh");
          continue;
        }
        if (!SHELL.contains(block.language())) {
          continue;
        }
        if (block.notRun() != null) {
          System.out.println("not run: " + block.where() + " (" + block.notRun() + ")");
          continue;
        }
        for (String command : block.commands()) {
          String failure = run(command);
          ran++;
          if (failure != null) {
            failures.add(block.where() + ": " + command + "\n    " + failure);
          }
        }
      }
    }
    assertThat(failures).as("docs commands that fail").isEmpty();
    assertThat(ran).as("commands run").isGreaterThanOrEqualTo(5);
  }

  /** The banner's commands (the Inspector and curl), on the demo as the banner prints them. */
  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void theBannerCommandsWork() throws Exception {
    int port = freePort();
    Process demo = server(List.of("--demo", "--port", String.valueOf(port)), Map.of());
    try {
      List<String> banner = bannerLines(demo);
      List<String> commands = new ArrayList<>();
      for (int i = 0; i + 1 < banner.size(); i++) {
        if (banner.get(i).startsWith("List the tools with") || banner.get(i).startsWith("Or ")) {
          commands.add(banner.get(i + 1).strip());
        }
      }
      assertThat(commands).as("the banner's commands").hasSize(2);
      assertThat(commands.get(0)).startsWith(Banner.INSPECTOR);
      for (String command : commands) {
        assertThat(run(command)).as(command).isNull();
      }
    } finally {
      stop(demo);
    }
  }

  /** The check itself: an untagged command block and a failing command are caught. */
  @Test
  void theExtractionSeesContinuationsCommentsAndMarkers() {
    assertThat(commands(List.of("# a comment", "A=1 \\", "  java -jar x.jar # start", "", "ls")))
        .containsExactly("A=1 java -jar x.jar", "ls");
    assertThat(NOT_RUN.matcher("<!-- docs-test: not run: needs Docker -->").matches()).isTrue();
    assertThat(runShell("exit 3", Map.of(), 30)).contains("exit 3");
  }

  /** Runs one command as documented; null when it worked, else what went wrong. */
  String run(String documented) throws Exception {
    String command = fill(documented);
    if (command.startsWith("./mvnw") || command.startsWith("mvn ")) {
      String maven = command.split("&&")[0].strip();
      String checked = checkMaven(maven);
      if (checked != null || !command.contains("&&")) {
        return checked;
      }
      command = command.substring(command.indexOf("&&") + 2).strip();
    }
    if (command.contains("npx ")) {
      if (!nodeAvailable()) {
        if ("1".equals(System.getenv("MCP_REQUIRE_NODE"))) {
          return "node is not on the PATH and MCP_REQUIRE_NODE=1";
        }
        System.out.println("skipped (no node on the PATH): " + command);
        return null;
      }
      return runShell(command, Map.of(), 600);
    }
    boolean server = command.matches(".*-jar \\S*jamf-mcp-server\\.jar.*");
    if (server && command.contains("--stdio")) {
      return stdio(command);
    }
    if (server) {
      return httpServer(command);
    }
    return runShell(command, Map.of(), 120);
  }

  /** The docs' placeholders, filled for this machine. */
  static String fill(String command) {
    return command
        .replaceAll("https://(you|example)\\.jamfcloud\\.com", jamf.baseUrl())
        .replace("JAMF_CLIENT_ID=...", "JAMF_CLIENT_ID=" + jamf.config().clientId())
        .replace("JAMF_CLIENT_SECRET=...", "JAMF_CLIENT_SECRET=" + jamf.config().clientSecret())
        .replace("/path/to/jamf-mcp-server.jar", JAR.toString());
  }

  static String checkMaven(String maven) throws IOException {
    if (!maven.startsWith("./mvnw ")) {
      return "use the wrapper (./mvnw): Maven may not be installed";
    }
    Matcher modules = Pattern.compile("-pl (\\S+)").matcher(maven);
    while (modules.find()) {
      for (String module : modules.group(1).split(",")) {
        if (!Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml"))) {
          return "no module " + module;
        }
      }
    }
    return null;
  }

  /** A server command: it must print the banner (on a free port: 8080 may be taken here). */
  String httpServer(String command) throws Exception {
    Process process =
        shell(command + " --port " + freePort(), Map.of(), ProcessBuilder.Redirect.PIPE);
    try {
      List<String> banner = bannerLines(process);
      return banner.stream().anyMatch(l -> l.startsWith(Banner.READY))
          ? null
          : "no banner; exit " + ServerJarIT.exitOf(process) + "; stdout: " + banner;
    } finally {
      stop(process);
    }
  }

  /** A stdio command: initialize on stdin must get a result on stdout, and nothing else there. */
  String stdio(String command) throws Exception {
    Process process = shell(command, Map.of(), ProcessBuilder.Redirect.PIPE);
    try (OutputStream in = process.getOutputStream();
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                  + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"docs\",\"version\":\"1\"}}}\n")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      String line = out.readLine();
      if (line == null || !line.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\"")) {
        return "no initialize result on stdout; got: " + line;
      }
      return null;
    } finally {
      stop(process);
    }
  }

  static String runShell(String command, Map<String, String> env, int seconds) {
    try {
      Path log = Files.createTempFile("docs-command", ".log");
      Process process = shell(command, env, ProcessBuilder.Redirect.to(log.toFile()));
      process.getOutputStream().close();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "still running after " + seconds + " s";
      }
      String output = Files.readString(log);
      Files.delete(log);
      return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + tail(output);
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** {@code bash -c command} in the repository root, stderr into the same place as stdout. */
  static Process shell(String command, Map<String, String> env, ProcessBuilder.Redirect out)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    builder.environment().putAll(env);
    builder.redirectOutput(out);
    if (out == ProcessBuilder.Redirect.PIPE) {
      Path log = ROOT.resolve("jamf-mcp-examples/target/it-logs/docs-commands.stderr");
      Files.createDirectories(log.getParent());
      builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    } else {
      builder.redirectErrorStream(true);
    }
    return builder.start();
  }

  static Process server(List<String> args, Map<String, String> env) throws IOException {
    return shell(
        "exec java -jar '" + JAR + "' " + String.join(" ", args),
        env,
        ProcessBuilder.Redirect.PIPE);
  }

  /** The banner's lines, up to "Stop with", or what came before the process ended. */
  static List<String> bannerLines(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (line.startsWith("Stop with")) {
        break;
      }
    }
    return lines;
  }

  static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  static boolean nodeAvailable() {
    return runShell("command -v node && command -v npx", Map.of(), 30) == null;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= 600 ? trimmed : "..." + trimmed.substring(trimmed.length() - 600);
  }
}
