package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * In {@code --stdio} nothing but MCP JSON-RPC may reach stdout, with the JVM flags the docs
 * suggest: every documented command that runs the packaged jar with a start-up archive ({@code
 * -XX:SharedArchiveFile}) is run in --stdio with an archive that does not fit (made for the jar at
 * another path, as after moving the jar; another JVM or a rebuilt jar is refused the same way),
 * which makes the JVM warn before main runs. Every stdout line must be a JSON-RPC message.
 */
class StdioArchiveIT {
  static final Path JAR = ServerJarIT.JAR;
  static final Path ROOT = Path.of(System.getProperty("jamfmcp.repoRoot", ".."));
  static final Pattern FENCE = Pattern.compile("(?s)```[a-z]*\\n(.*?)```");

  /** The JVM options of each documented command that runs the jar with an archive flag. */
  static List<List<String>> documentedArchiveCommands() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<List<String>> commands = new ArrayList<>();
    for (Path doc : docs) {
      Matcher block = FENCE.matcher(Files.readString(doc));
      while (block.find()) {
        String text = block.group(1).replace("\\\n", " ");
        for (String line : text.split("\n")) {
          for (String command : line.split("&&|;")) {
            List<String> words = Arrays.asList(command.trim().split("\\s+"));
            int java = words.indexOf("java");
            int jar = words.indexOf("-jar");
            if (java >= 0
                && jar > java
                && jar + 1 < words.size()
                && words.get(jar + 1).endsWith("jamf-mcp-server.jar")
                && words.stream().anyMatch(w -> w.startsWith("-XX:SharedArchiveFile="))) {
              commands.add(words.subList(java + 1, jar));
            }
          }
        }
      }
    }
    return commands;
  }

  @Test
  void aStaleArchiveWarnsOnStderrNeverOnStdout(@TempDir Path dir) throws Exception {
    List<List<String>> commands = documentedArchiveCommands();
    assertThat(commands).as("documented commands with -XX:SharedArchiveFile").isNotEmpty();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // An archive for the jar where it was built; the jar then moves, so the archive is stale.
    Path archive = dir.resolve("stale.jsa");
    Process training =
        new ProcessBuilder(
                java,
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:disable",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--version")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("training.log").toFile())
            .start();
    assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(archive).exists();
    Path moved = Files.copy(JAR, dir.resolve("moved-jamf-mcp-server.jar"));
    for (List<String> jvmOptions : commands) {
      List<String> command = new ArrayList<>(List.of(java));
      for (String option : jvmOptions) {
        command.add(
            option.startsWith("-XX:SharedArchiveFile=")
                ? "-XX:SharedArchiveFile=" + archive
                : option);
      }
      command.addAll(List.of("-jar", moved.toString(), "--demo", "--stdio"));
      Path stdout = dir.resolve("stdout.txt");
      Path stderr = dir.resolve("stderr.txt");
      Process server =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      try (OutputStream in = server.getOutputStream()) {
        in.write(
            ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      // stdin closed: the server answers what it read, then exits
      if (!server.waitFor(120, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      String err = Files.readString(stderr);
      assertThat(err)
          .as("the JVM refused the stale archive (else this test shows nothing)")
          .contains("[cds");
      List<String> lines = Files.readAllLines(stdout);
      assertThat(lines).as(String.join(" ", command)).hasSizeGreaterThanOrEqualTo(2);
      List<Integer> ids = new ArrayList<>();
      for (String line : lines) {
        assertThat(line).as("stdout of " + String.join(" ", jvmOptions)).startsWith("{");
        JsonNode message = Json.mapper().readTree(line);
        assertThat(message.path("jsonrpc").asString()).isEqualTo("2.0");
        if (message.has("id")) {
          ids.add(message.path("id").asInt());
        }
      }
      assertThat(ids).contains(1, 2);
    }
  }
}
