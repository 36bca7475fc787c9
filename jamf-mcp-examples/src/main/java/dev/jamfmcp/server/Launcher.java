package dev.jamfmcp.server;

import dev.jamfmcp.jamf.Credentials;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfRequestListener;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.stdio.StdioTransport;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.tools.JamfScopes;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles and starts the server from a validated configuration. */
final class Launcher {
  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  /** Where the demo's simulated Jamf Pro listens (with a port chosen at start). */
  private static final String SIMULATOR_BIND = "127.0.0.1";

  private Launcher() {}

  static int launch(ServerConfig config, InputStream in, PrintStream out, PrintStream err) {
    return launch(config, in, out, err, new StartupTimeline());
  }

  /**
   * Start-up runs on several threads where the steps are independent: the tools and the engine are
   * assembled, and the demo's simulated Jamf Pro (fleet generation and its HTTP server) and signing
   * key made, on background threads while this one configures and starts Javalin; the Jamf
   * connection check runs as soon as Jamf Pro can answer. The MCP routes and {@code /health/ready}
   * answer 503 until the engine and the check are both done; ready means all of them are done.
   */
  static int launch(
      ServerConfig config,
      InputStream in,
      PrintStream out,
      PrintStream err,
      StartupTimeline timeline) {
    checkPorts(config);
    List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(resources), "shutdown"));
    ClusterWiring cluster = ClusterWiring.from(config);
    resources.add(cluster); // closed last, after the HTTP server
    ServerConfig.Jamf jamfSettings = config.jamf();
    CompletableFuture<SimulatedJamfPro> simulator = CompletableFuture.completedFuture(null);
    if (config.demo()) {
      // The simulator's port is chosen now, so the Jamf client can be built before it serves.
      SimulatorConfig sim =
          SimulatorConfig.builder()
              .port(freePort(SIMULATOR_BIND))
              .bindAddress(SIMULATOR_BIND)
              .computers(config.demoFleet().computers())
              .mobileDevices(config.demoFleet().mobileDevices())
              .build();
      simulator =
          inBackground(
              "startup-simulator",
              () -> {
                SimulatedJamfPro started = SimulatedJamfPro.start(sim);
                resources.add(started);
                timeline.mark("simulator serving");
                return started;
              });
      jamfSettings =
          jamfSettings.withTarget(
              URI.create("http://" + SIMULATOR_BIND + ":" + sim.port()),
              new Credentials.ApiClient(sim.clientId(), sim.clientSecret()));
    }
    // Jamf Pro calls go to /metrics when it is served (HTTP only: stdio has no metrics).
    JamfRequestMetrics jamfMetrics =
        config.security().metrics() && !config.stdio() ? new JamfRequestMetrics() : null;
    JamfClient jamf =
        JamfConnection.build(
            jamfSettings, jamfMetrics != null ? jamfMetrics : JamfRequestListener.NONE);
    resources.add(0, jamf);
    // The check (token, then version) runs while the rest starts; its answer is awaited before
    // the server says it is ready.
    ServerConfig.Jamf checked = jamfSettings;
    CompletableFuture<Void> check =
        simulator.thenAcceptAsync(
            started -> {
              JamfConnection.check(jamf, checked);
              timeline.mark("jamf check");
            },
            Launcher::startThread);
    // The demo's tokens and approval links name the server's own origin, so its port must be known
    // before start.
    ServerConfig.Http http = config.http();
    int port =
        !config.stdio() && config.demo() && http.port() == 0 ? freePort(http.bind()) : http.port();
    String origin = http.scheme() + "://" + hostForUrl(http.bind()) + ":" + port;
    String publicBase =
        http.publicUrl() != null && !config.developmentAuth()
            ? http.publicUrl().toString()
            : origin;
    // On stdio the approval page has a loopback origin of its own, known before start.
    boolean stdioPage = config.stdio() && ServerAssembly.servesApprovalPage(config);
    int pagePort = 0;
    if (stdioPage) {
      int configured = config.approval().stdioPagePort();
      pagePort = configured == 0 ? freePort(ServerAssembly.STDIO_PAGE_BIND) : configured;
      publicBase = ServerAssembly.stdioApprovalBase(pagePort);
    }
    // The approvals of destructive actions (issue 14): the one instance the approval page decides
    // and the confirmation gate opens and redeems (the gate is connected to it in assembleEngine).
    // With MCP_REDIS_URL they live in Redis: opened, shown, decided and redeemed on any instance.
    Approvals approvals =
        ServerAssembly.approvals(
            config, publicBase, cluster.approvalStore(), cluster.secretReveals());
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "approval-sweep");
              t.setDaemon(true);
              return t;
            });
    ScheduledFuture<?> unused =
        sweeper.scheduleWithFixedDelay(() -> sweep(approvals), 5, 5, TimeUnit.SECONDS);
    resources.add(sweeper::shutdownNow);
    // The tools and the engine (JSON Schema compilation included) on their own thread, while this
    // one starts the HTTP server.
    CompletableFuture<McpServer> engine =
        inBackground(
            "startup-engine",
            () -> {
              McpServer server = assembleEngine(config, jamf, cluster, approvals);
              resources.add(0, server);
              timeline.mark("engine");
              return server;
            });
    if (config.stdio()) {
      if (stdioPage) {
        Javalin page = startStdioApprovalPage(config, approvals, publicBase, pagePort);
        resources.add(0, page::stop);
      }
      McpServer server = join(engine);
      await(check);
      return serveStdio(config, server, simulator.join(), in, out, err, timeline);
    }
    Started started =
        startHttp(
            config,
            jamf,
            jamfMetrics,
            engine,
            simulator,
            out,
            check,
            timeline,
            cluster,
            new Origin(port, origin, publicBase),
            approvals);
    resources.add(0, started.app()::stop);
    if (config.developmentAuth() && TrainingRun.requested()) {
      TrainingRun.exercise(started.mcpUrl(), started.bearerToken());
      log.info("Training run done; exiting");
      return 0;
    }
    return ServerMain.RUNNING;
  }

  /** The ports this run listens on, checked before anything (the simulator too) starts. */
  private static void checkPorts(ServerConfig config) {
    if (!config.stdio()) {
      PortCheck.free(Setting.MCP_PORT, config.http().bind(), config.http().port());
    } else if (ServerAssembly.servesApprovalPage(config)) {
      PortCheck.free(
          Setting.MCP_APPROVAL_PORT,
          ServerAssembly.STDIO_PAGE_BIND,
          config.approval().stdioPagePort());
    }
  }

  private static McpServer assembleEngine(
      ServerConfig config, JamfClient jamf, ClusterWiring cluster, Approvals approvals) {
    byte[] demoKey =
        config.tools().confirmationKey() == null && config.demo()
            ? ServerAssembly.randomKey()
            : null;
    // Single use of a write confirmation holds across the instances sharing the ledger: Redis
    // with MCP_REDIS_URL, otherwise this process only (ClusterWiring says which at start-up).
    // The gate opens approvals only where their page is served (HTTP with a sign-in, or stdio's
    // loopback page); elsewhere approve actions take the client's dialog, and a client without
    // one is refused.
    McpServer server =
        ServerAssembly.mcpServer(
            config,
            jamf,
            demoKey,
            cluster.consumedTokens(),
            ServerAssembly.servesApprovalPage(config) ? approvals : null,
            cluster.pendingActions(),
            cluster.enabledToolsets(ServerAssembly.toolsetChoiceLifetime(config)));
    log.info(
        "{} tools offered (toolsets {}, read-only {})",
        server.tools().size(),
        config.tools().toolsets(),
        config.tools().readOnly());
    return server;
  }

  /** One sweep; a store that is away (Redis) must not end the schedule. */
  private static void sweep(Approvals approvals) {
    try {
      approvals.sweep();
    } catch (StoreUnavailableException e) {
      log.debug("Approval sweep skipped: {}", e.getMessage());
    }
  }

  /** Runs {@code work} on a new daemon thread (start-up only: a handful of tasks). */
  private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static void startThread(Runnable task) {
    inBackground(
        "startup-jamf-check",
        () -> {
          task.run();
          return null;
        });
  }

  private static void await(CompletableFuture<Void> check) {
    join(check);
  }

  /**
   * The approval page of a stdio server: a small Javalin app on 127.0.0.1 with the approval plugin
   * only (development sign-in, or the identity provider's when MCP_APPROVAL_CLIENT_ID is set).
   * stdout stays MCP's: Javalin's banner is off and every log line goes to stderr.
   */
  private static Javalin startStdioApprovalPage(
      ServerConfig config, Approvals approvals, String base, int port) {
    String[] line = new String[1];
    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              line[0] = ServerAssembly.approvalPage(javalin, config, approvals, base);
            });
    app.start(ServerAssembly.STDIO_PAGE_BIND, port);
    log.info("{}", line[0]);
    return app;
  }

  private static int serveStdio(
      ServerConfig config,
      McpServer server,
      SimulatedJamfPro simulator,
      InputStream in,
      PrintStream out,
      PrintStream err,
      StartupTimeline timeline) {
    timeline.mark("ready");
    timeline.log();
    err.println(
        "jamf-mcp-server "
            + ServerVersion.get()
            + " speaking MCP on stdin/stdout"
            + (simulator == null
                ? ""
                : " (demo: simulated Jamf Pro at " + simulator.baseUrl() + ")")
            + ", ready in "
            + timeline.sinceJvmStart()
            + " ms");
    Principal local =
        config.tools().readOnly()
            ? Principal.of(ServerAssembly.LOCAL_SUBJECT, JamfScopes.READ)
            : Principal.of(ServerAssembly.LOCAL_SUBJECT, JamfScopes.READ, JamfScopes.WRITE);
    try {
      StdioTransport.serve(server, in, out, local);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  /** Where the HTTP server listens and the base its links are built on. */
  private record Origin(int port, String origin, String publicBase) {}

  /** The running HTTP server, its MCP URL and the demo's printed token (null otherwise). */
  private record Started(Javalin app, String mcpUrl, String bearerToken) {}

  private static Started startHttp(
      ServerConfig config,
      JamfClient jamf,
      JamfRequestMetrics jamfMetrics,
      CompletableFuture<McpServer> engine,
      CompletableFuture<SimulatedJamfPro> simulator,
      PrintStream out,
      CompletableFuture<Void> check,
      StartupTimeline timeline,
      ClusterWiring cluster,
      Origin where,
      Approvals approvals) {
    ServerConfig.Http http = config.http();
    RequestLog requestLog = new RequestLog();
    int port = where.port();
    String origin = where.origin();
    String[] approvalLine = new String[1];
    // The demo's signing key (and the JOSE library's classes) on the second core meanwhile.
    CompletableFuture<DevTokens> devTokens =
        config.developmentAuth()
            ? inBackground(
                "startup-dev-key",
                () -> DevTokens.generate(origin, origin + SecurityWiring.MCP_PATH))
            : CompletableFuture.completedFuture(null);
    // The MCP routes (and readiness) open when the engine is built and the Jamf check is done.
    CompletableFuture<McpServer> serving = engine.thenCombine(check, (server, checked) -> server);
    // The plugin hears only of success: a failure is reported once, below, as the start-up error.
    // It attaches the engine on the thread that completes toPlugin, so once `attached` is done the
    // MCP routes serve (the plugin registers its callback while Javalin is created, before start).
    CompletableFuture<McpServer> toPlugin = new CompletableFuture<>();
    CompletableFuture<Void> attached = serving.thenAccept(toPlugin::complete);
    SecurityWiring.Auth[] auth = new SecurityWiring.Auth[1];
    McpPlugin[] plugin = new McpPlugin[1];
    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              if (http.tls() != null) {
                TlsConnector.install(javalin, http, port);
              }
              plugin[0] =
                  new McpPlugin(
                      mcp ->
                          auth[0] =
                              ServerAssembly.configure(
                                  mcp,
                                  config,
                                  toPlugin,
                                  jamf,
                                  javalin,
                                  origin,
                                  join(devTokens),
                                  requestLog,
                                  cluster));
              javalin.registerPlugin(plugin[0]);
              approvalLine[0] =
                  ServerAssembly.approvalPage(javalin, config, approvals, where.publicBase());
            });
    timeline.mark("javalin configured");
    try {
      app.start(http.bind(), port);
    } catch (JavalinBindException e) {
      // taken between PortCheck and now
      throw PortCheck.inUse(Setting.MCP_PORT, http.bind(), port);
    }
    timeline.mark("javalin started");
    if (jamfMetrics != null) {
      // The plugin's metrics exist once Javalin has initialized it (by start at the latest).
      jamfMetrics.attach(plugin[0].metrics());
    }
    try {
      join(attached);
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    String base =
        http.publicUrl() != null && !config.developmentAuth()
            ? http.publicUrl().toString()
            : http.scheme() + "://" + hostForUrl(http.bind()) + ":" + app.port();
    timeline.mark("ready");
    log.info("{}", approvalLine[0]);
    Banner.print(out, base + "/mcp", timeline.sinceJvmStart(), auth[0], simulator.join());
    timeline.log();
    return new Started(app, base + "/mcp", auth[0].bearerToken());
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

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
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
