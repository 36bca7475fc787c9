package dev.jamfmcp.redis.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (the Debian package) on a free loopback port with its own temporary
 * directory. Persistence is on ({@code appendfsync always}), as a production Redis holding used
 * confirmations needs, so a stop and start keeps what was written. Free of JUnit, so the load
 * harness's Redis benchmark uses it too; tests start it through {@link RequireRedis}, which skips
 * them without {@code redis-server} (or fails them under {@code MCP_REQUIRE_REDIS=1}).
 */
public final class RedisServerProcess implements AutoCloseable {
  private final Path executable;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServerProcess(Path executable) throws IOException {
    this.executable = executable;
    this.dir = Files.createTempDirectory("jamf-mcp-redis");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = s.getLocalPort();
    }
  }

  /** {@code redis-server} on the PATH, if any. */
  public static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(d -> Path.of(d, "redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts one from that executable and waits until it accepts connections. */
  public static RedisServerProcess start(Path executable) throws IOException {
    RedisServerProcess server = new RedisServerProcess(executable);
    server.start();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Starts it (again, on the same port and data directory) and waits until it accepts. */
  public void start() throws IOException {
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
    waitUntil(true);
  }

  /** Stops it (SIGTERM, as an orchestrator would) and waits until the port is closed. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    waitUntil(false);
  }

  private void waitUntil(boolean accepting) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (accepts() != accepting) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "redis-server on port " + port + (accepting ? " did not start" : " did not stop"));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // cmdstat_set:calls=12,usec=...
  private static final Pattern COMMAND_STAT = Pattern.compile("cmdstat_([^:]+):calls=(\\d+)");

  /**
   * Commands Redis has executed so far, by name ({@code INFO commandstats}: {@code set}, {@code
   * publish}, ...), counting this query's own INFO once it returns. Commands a script runs count
   * here as well as the script's {@code eval}: for round trips, see {@link #monitor()}.
   */
  public Map<String, Long> commandCounts() throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    Matcher m = COMMAND_STAT.matcher(command("INFO", "commandstats"));
    while (m.find()) {
      counts.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return counts;
  }

  /** One command over RESP on a new connection; the reply as text (a bulk or simple string). */
  public String command(String... words) throws IOException {
    try (Socket s = connect()) {
      send(s.getOutputStream(), words);
      return reply(s.getInputStream());
    }
  }

  /**
   * Watches every command Redis receives ({@code MONITOR}) until closed: {@link
   * Monitor#commandsDuring} counts the round trips a piece of code makes.
   */
  public Monitor monitor() throws IOException {
    return new Monitor(this);
  }

  /**
   * A {@code MONITOR} connection. Each line it receives is one command; those a script runs are
   * marked {@code [0 lua]} and are not round trips of their own.
   */
  public static final class Monitor implements AutoCloseable {
    private final RedisServerProcess redis;
    private final Socket socket;
    private final InputStream in;

    private Monitor(RedisServerProcess redis) throws IOException {
      this.redis = redis;
      this.socket = redis.connect();
      socket.setSoTimeout(10_000);
      send(socket.getOutputStream(), "MONITOR");
      this.in = socket.getInputStream();
      String ok = line(in);
      if (!ok.startsWith("+OK")) {
        throw new IOException("MONITOR refused: " + ok);
      }
    }

    /**
     * The commands clients sent while {@code code} ran, one per round trip, as MONITOR prints them
     * ({@code "SET" "key" ...}), without those run inside scripts. Nothing else may talk to this
     * Redis meanwhile.
     */
    public List<String> commandsDuring(ThrowingRunnable code) throws Exception {
      String before = mark();
      skipTo(before, null);
      code.run();
      List<String> sent = new ArrayList<>();
      skipTo(mark(), sent);
      return sent;
    }

    /** Sends an ECHO with a fresh marker from another connection; returns the marker. */
    private String mark() throws IOException {
      String marker = "monitor-mark-" + UUID.randomUUID();
      redis.command("ECHO", marker);
      return marker;
    }

    private void skipTo(String marker, List<String> sent) throws IOException {
      while (true) {
        String line = line(in);
        if (line.isEmpty()) {
          throw new IOException("MONITOR connection closed");
        }
        if (line.contains(marker)) {
          return;
        }
        int bracket = line.indexOf(']');
        boolean inScript = line.contains(" lua]");
        if (sent != null && !inScript && bracket > 0) {
          sent.add(line.substring(bracket + 1).strip());
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Code that may throw, for {@link Monitor#commandsDuring}. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    s.setSoTimeout(5000);
    return s;
  }

  private static void send(OutputStream out, String... words) throws IOException {
    StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
    for (String w : words) {
      request.append('$').append(w.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      request.append(w).append("\r\n");
    }
    out.write(request.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String reply(InputStream in) throws IOException {
    String first = line(in);
    if (first.startsWith("$")) {
      int length = Integer.parseInt(first.substring(1));
      return length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
    if (first.startsWith("-")) {
      throw new IOException("Redis: " + first.substring(1));
    }
    return first.substring(1);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
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
