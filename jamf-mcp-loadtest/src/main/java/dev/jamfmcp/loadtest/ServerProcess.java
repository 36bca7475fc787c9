package dev.jamfmcp.loadtest;

import java.io.BufferedReader;
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
    String jar = System.getProperty("jamfmcp.serverJar");
    if (jar != null && !jar.isBlank()) {
      command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
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
