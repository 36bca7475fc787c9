package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.testing.Ports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (the Debian package) on a free loopback port with its own temporary
 * directory, for one test class. Persistence is on ({@code appendfsync always}), as a production
 * Redis holding used confirmations needs, so a stop and start keeps what was written.
 *
 * <p>When {@code redis-server} is not on the PATH the tests are skipped with one line saying how to
 * install it, unless {@code MCP_REQUIRE_REDIS=1} (environment or system property), as in {@code
 * .ci/run}: then its absence is a failure.
 */
final class RedisServerProcess implements AutoCloseable {
  private static final AtomicBoolean SAID_SKIPPED = new AtomicBoolean();
  private final Path executable;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServerProcess(Path executable) throws IOException {
    this.executable = executable;
    this.dir = Files.createTempDirectory("jamf-mcp-redis-test");
    this.port = Ports.freeLoopbackPort();
  }

  /** Starts one, or skips (fails, when required) the calling test without redis-server. */
  static RedisServerProcess startOrSkip() throws IOException {
    Optional<Path> found = onPath();
    if (found.isEmpty()) {
      String line =
          "Redis tests skipped: redis-server is not on the PATH (sudo apt-get install redis-server)";
      if (required()) {
        fail(
            "MCP_REQUIRE_REDIS=1 but redis-server is not on the PATH: sudo apt-get install redis-server");
      }
      if (SAID_SKIPPED.compareAndSet(false, true)) {
        System.err.println(line);
      }
      Assumptions.abort(line);
    }
    RedisServerProcess server = new RedisServerProcess(found.get());
    server.start();
    return server;
  }

  static boolean required() {
    return "1".equals(System.getenv("MCP_REQUIRE_REDIS"))
        || "1".equals(System.getProperty("MCP_REQUIRE_REDIS"));
  }

  private static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(d -> Path.of(d, "redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Starts it (again, on the same port and data directory) and waits until it accepts. */
  void start() throws IOException {
    process =
        new ProcessBuilder(
                List.of(
                    executable.toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dir.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "always",
                    "--daemonize",
                    "no",
                    "--loglevel",
                    "warning"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(this::accepts);
  }

  /** Stops it (SIGTERM, as an orchestrator would) and waits until the port is closed. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> !accepts());
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      stop();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException | IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
