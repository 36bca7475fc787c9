package dev.jamfmcp.server;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.stdio.StdioTransport;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.tools.JamfScopes;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles and starts the server from a validated configuration. */
final class Launcher {
  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  private Launcher() {}

  static int launch(ServerConfig config, InputStream in, PrintStream out, PrintStream err) {
    List<AutoCloseable> resources = new ArrayList<>();
    SimulatedJamfPro simulator = null;
    ServerConfig.Jamf jamfSettings = config.jamf();
    if (config.demo()) {
      simulator = SimulatedJamfPro.start(SimulatorConfig.builder().build());
      resources.add(simulator);
      SimulatorConfig sim = simulator.config();
      jamfSettings =
          jamfSettings.withTarget(
              URI.create(simulator.baseUrl()),
              new Credentials.ApiClient(sim.clientId(), sim.clientSecret()));
    }
    JamfClient jamf = JamfConnection.build(jamfSettings);
    resources.add(0, jamf);
    // The check (token, then version) runs while the rest starts; its answer is awaited before
    // the server says it is ready.
    ServerConfig.Jamf checked = jamfSettings;
    CompletableFuture<Void> check =
        CompletableFuture.runAsync(() -> JamfConnection.check(jamf, checked));
    byte[] demoKey =
        config.tools().confirmationKey() == null && config.demo()
            ? ServerAssembly.randomKey()
            : null;
    // Single use of a write confirmation is remembered in this process: behind several instances
    // a confirmation could be used once on each until it expires (docs/DEPLOYMENT.md).
    McpServer server = ServerAssembly.mcpServer(config, jamf, demoKey, ConsumedTokens.inMemory());
    if (!config.tools().readOnly() && !config.demo()) {
      log.info(
          "Write confirmations are single-use per instance (in-memory ledger); several instances"
              + " need a shared ConsumedTokens ledger, see docs/DEPLOYMENT.md");
    }
    resources.add(0, server);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(resources), "shutdown"));
    log.info(
        "{} tools offered (toolsets {}, read-only {})",
        server.tools().size(),
        config.tools().toolsets(),
        config.tools().readOnly());
    if (config.stdio()) {
      await(check);
      return serveStdio(config, server, simulator, in, out, err);
    }
    Javalin app = startHttp(config, jamf, server, simulator, out, check);
    resources.add(0, app::stop);
    return ServerMain.RUNNING;
  }

  private static void await(CompletableFuture<Void> check) {
    try {
      check.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static int serveStdio(
      ServerConfig config,
      McpServer server,
      SimulatedJamfPro simulator,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    err.println(
        "jamf-mcp-server "
            + ServerVersion.get()
            + " speaking MCP on stdin/stdout"
            + (simulator == null
                ? ""
                : " (demo: simulated Jamf Pro at " + simulator.baseUrl() + ")")
            + ", ready in "
            + sinceJvmStart()
            + " ms");
    Principal local =
        config.tools().readOnly()
            ? Principal.of("local", JamfScopes.READ)
            : Principal.of("local", JamfScopes.READ, JamfScopes.WRITE);
    try {
      StdioTransport.serve(server, in, out, local);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  private static Javalin startHttp(
      ServerConfig config,
      JamfClient jamf,
      McpServer server,
      SimulatedJamfPro simulator,
      PrintStream out,
      CompletableFuture<Void> check) {
    ServerConfig.Http http = config.http();
    RequestLog requestLog = new RequestLog();
    // The demo's tokens name the server's own origin, so its port must be known before start.
    int port = config.demo() && http.port() == 0 ? freePort(http.bind()) : http.port();
    String origin = "http://" + hostForUrl(http.bind()) + ":" + port;
    SecurityWiring.Auth[] auth = new SecurityWiring.Auth[1];
    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.registerPlugin(
                  new McpPlugin(
                      mcp ->
                          auth[0] =
                              ServerAssembly.configure(
                                  mcp, config, server, jamf, javalin, origin, requestLog)));
            });
    app.start(http.bind(), port);
    try {
      await(check);
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    String base =
        http.publicUrl() != null && !config.demo()
            ? http.publicUrl().toString()
            : "http://" + hostForUrl(http.bind()) + ":" + app.port();
    Banner.print(out, base + "/mcp", sinceJvmStart(), auth[0], simulator);
    return app;
  }

  private static String hostForUrl(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::")) {
      return "localhost";
    }
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }

  /** A port free now on that address (the demo only: a tiny race, on the developer's machine). */
  private static int freePort(String bind) {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(bind))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + bind, e);
    }
  }

  static long sinceJvmStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(start -> Duration.between(start, Instant.now()).toMillis())
        .orElse(-1L);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing {} failed", resource, e);
      }
    }
  }
}
