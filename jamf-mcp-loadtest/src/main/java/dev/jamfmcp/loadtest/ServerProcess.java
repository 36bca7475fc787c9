package dev.jamfmcp.loadtest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executable ({@code dev.jamfmcp.server.ServerMain}) as its own process, configured by
 * environment variables as an operator configures it: the packaged {@code jamf-mcp-server.jar} when
 * the system property {@code jamfmcp.serverJar} names one, otherwise the same main class on this
 * JVM's class path (which holds the examples module and its dependencies: what the jar shades). Its
 * stdout and stderr go to a log file; {@link #start} returns once {@code /health/ready} answers
 * 200.
 */
public final class ServerProcess implements AutoCloseable {
  private static final String READY = "MCP endpoint: ";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  private final URI mcpUrl;
  private final Path log;

  private ServerProcess(Process process, URI mcpUrl, Path log) {
    this.process = process;
    this.mcpUrl = mcpUrl;
    this.log = log;
  }

  /**
   * Starts one with exactly these {@code JAMF_*} and {@code MCP_*} settings (none inherited from
   * this process) and these JVM options; its output goes to {@code log}.
   */
  public static ServerProcess start(Map<String, String> env, List<String> jvmOptions, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    Path jar = packagedJar();
    if (jar != null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      command.addAll(
          List.of("-cp", System.getProperty("java.class.path"), "dev.jamfmcp.server.ServerMain"));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = builder.start();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> pump(process, log, endpoint), "server-output-" + log.getFileName().toString());
    pump.setDaemon(true);
    pump.start();
    URI url;
    try {
      url = endpoint.get(90, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the server printed no endpoint (" + e + "); its output is in " + log, e);
    }
    ServerProcess server = new ServerProcess(process, url, log);
    server.awaitReady();
    return server;
  }

  /**
   * The packaged jar named by {@code jamfmcp.serverJar}, if it is there and not older than the
   * classes of this build (a {@code -pl} build that did not package would otherwise test a stale
   * jar); null, with one line saying why, when the main class on the class path is used instead.
   */
  static Path packagedJar() {
    String property = System.getProperty("jamfmcp.serverJar");
    if (property == null || property.isBlank()) {
      return null;
    }
    Path jar = Path.of(property).toAbsolutePath().normalize();
    synchronized (ServerProcess.class) {
      if (!jarChecked) {
        jarChecked = true;
        jarFresh = isFresh(jar);
        System.err.println(
            jarFresh
                ? "Server instances run the packaged jar: java -jar " + jar
                : "Server instances run dev.jamfmcp.server.ServerMain on the class path: "
                    + jar
                    + " is missing or older than this build's classes (package the examples"
                    + " module to test the jar)");
      }
      return jarFresh ? jar : null;
    }
  }

  private static boolean jarChecked;
  private static boolean jarFresh;

  private static boolean isFresh(Path jar) {
    try {
      if (!Files.isRegularFile(jar)) {
        return false;
      }
      long built = Files.getLastModifiedTime(jar).toMillis();
      Path thisModule = Path.of("").toAbsolutePath();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path dir = Path.of(entry).toAbsolutePath();
        // The reactor's modules are class directories (released libraries do not change); this
        // module's own classes are not in the jar, and are built after it.
        if (!Files.isDirectory(dir) || dir.startsWith(thisModule)) {
          continue;
        }
        try (var files = Files.walk(dir)) {
          if (files.anyMatch(f -> modifiedAfter(f, built))) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean modifiedAfter(Path file, long millis) {
    try {
      return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toMillis() > millis;
    } catch (IOException e) {
      return true;
    }
  }

  /** Copies the output to the log file and completes {@code endpoint} at the banner's line. */
  private static void pump(Process process, Path log, CompletableFuture<URI> endpoint) {
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      String line;
      while ((line = out.readLine()) != null) {
        file.write(line);
        file.write('\n');
        file.flush(); // readable while it runs, and complete when a test fails
        if (line.startsWith(READY)) {
          endpoint.complete(URI.create(line.substring(READY.length()).trim()));
        }
      }
    } catch (IOException e) {
      // the process ended; what it wrote so far is in the file
    } finally {
      endpoint.completeExceptionally(new IllegalStateException("the server exited"));
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpRequest ready = HttpRequest.newBuilder(baseUrl().resolve("/health/ready")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("/health/ready did not answer 200; see " + log);
      }
      Thread.sleep(20);
    }
  }

  /** {@code http://127.0.0.1:<port>/mcp}. */
  public URI mcpUrl() {
    return mcpUrl;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://" + mcpUrl.getAuthority());
  }

  public int port() {
    return mcpUrl.getPort();
  }

  /** CPU time (user + system) the process has used so far, as the OS reports it. */
  public Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  public Path log() {
    return log;
  }

  /** SIGTERM, and after 15 s SIGKILL. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
