package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's start-up errors as a user meets them: one line on stderr, nothing on stdout,
 * exit code 2, and soon (before the demo's simulated Jamf Pro is built). And "ready in" counts from
 * the JVM's start, not from the start of the command line that launched it.
 */
class StartupErrorsIT {
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  record Exit(int code, String out, String err) {}

  static Exit run(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(JAVA, "-jar", ServerJarIT.JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running: " + command);
    }
    return new Exit(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  static String oneLineError(Exit exit) {
    assertThat(exit.code()).as(exit.err()).isEqualTo(2);
    assertThat(exit.err().lines()).as(exit.err()).hasSize(1);
    assertThat(exit.err()).startsWith("jamf-mcp-server: ").doesNotContain("\tat ");
    assertThat(exit.out()).isEmpty();
    return exit.err();
  }

  @Test
  void portInUse(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      assertThat(oneLineError(run(dir, Map.of(), "--demo", "--port", String.valueOf(port))))
          .contains("port " + port + " on 127.0.0.1 is already in use");
    }
  }

  @Test
  void unknownOption(@TempDir Path dir) throws Exception {
    assertThat(oneLineError(run(dir, Map.of(), "--demo", "--prot", "8081")))
        .contains("unknown option --prot (did you mean --port?)");
  }

  @Test
  void jamfUrlWithAPath(@TempDir Path dir) throws Exception {
    Map<String, String> env =
        Map.of(
            "JAMF_URL", "https://x.jamfcloud.com/JSSResource",
            "JAMF_CLIENT_ID", "id",
            "JAMF_CLIENT_SECRET", "secret",
            "MCP_READ_ONLY", "true");
    assertThat(oneLineError(run(dir, env))).contains("JAMF_URL").contains("/JSSResource");
    Map<String, String> ftp = new java.util.HashMap<>(env);
    ftp.put("JAMF_URL", "ftp://x.jamfcloud.com");
    assertThat(oneLineError(run(dir, ftp))).contains("JAMF_URL");
  }

  /**
   * A shell that runs {@code sleep 3 && java ...} may exec java in its own process; "ready in" must
   * not count the sleep (the README's command line builds with Maven before it).
   */
  @Test
  void readyCountsFromJvmStart(@TempDir Path dir) throws Exception {
    long before = System.nanoTime();
    ProcessBuilder builder =
        new ProcessBuilder(
            "sh",
            "-c",
            "sleep 5 && exec \"$0\" -jar \"$1\" --demo --port 0",
            JAVA,
            ServerJarIT.JAR.toAbsolutePath().toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Matcher ready = null;
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = Pattern.compile(" ready in (\\d+) ms").matcher(line);
        if (m.find()) {
          ready = m;
          break;
        }
      }
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
      assertThat(ready).as("banner").isNotNull();
      // the JVM started at least 5 s after `before`; the process (the shell) right at it
      assertThat(Long.parseLong(ready.group(1))).isLessThanOrEqualTo(elapsed - 5000);
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
