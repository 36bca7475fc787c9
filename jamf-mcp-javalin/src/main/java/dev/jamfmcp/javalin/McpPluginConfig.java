package dev.jamfmcp.javalin;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpTransportConfig;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Settings of {@link McpPlugin}. Only {@link #server} (one of the two) is required. */
public final class McpPluginConfig {
  /** The default {@link #acceptQueueSize}. */
  public static final int DEFAULT_ACCEPT_QUEUE_SIZE = 1024;

  McpServer server;
  CompletionStage<McpServer> pendingServer;
  String mcpPath = "/mcp";
  String ssePath = "/sse";
  String messagesPath = "/messages";
  String healthPath = "/health";
  Set<String> allowedOrigins = Set.of();
  PrincipalResolver principalResolver;
  boolean authDisabled;
  Set<String> localScopes = Set.of();
  BooleanSupplier readiness = () -> true;
  Duration readinessCacheFor = Duration.ofSeconds(30);
  final List<Dependency> dependencies = new ArrayList<>();
  Duration shutdownGrace = Duration.ofSeconds(10);
  long minRequestBytesPerSecond = 1024;
  int acceptQueueSize = DEFAULT_ACCEPT_QUEUE_SIZE;
  boolean directJetty = true;
  final List<McpRequestFilter> filters = new ArrayList<>();
  Consumer<HttpTransportConfig> transport = c -> {};
  BiFunction<HttpExchange, Principal, HttpExchange> exchangeDecorator = (exchange, who) -> exchange;
  String metricsPath = "/metrics";
  PrometheusMeterRegistry metricsRegistry;
  final RequestLimits requestLimits = new RequestLimits();

  /** The MCP engine to serve. */
  public McpPluginConfig server(McpServer server) {
    this.server = Objects.requireNonNull(server);
    this.pendingServer = null;
    return this;
  }

  /**
   * The MCP engine to serve once it exists, so that the HTTP server can start while the engine is
   * still being assembled (a faster start-up). Until {@code pending} completes, the MCP endpoints
   * answer 503 with {@code Retry-After} and {@code <health>/ready} answers 503; {@code <health>}
   * answers at once. If it completes exceptionally, they stay 503 (the app should stop the server:
   * the plugin logs the failure and serves nothing).
   */
  public McpPluginConfig server(CompletionStage<McpServer> pending) {
    this.pendingServer = Objects.requireNonNull(pending);
    this.server = null;
    return this;
  }

  /** The Streamable HTTP endpoint (default {@code /mcp}). */
  public McpPluginConfig mcpPath(String path) {
    this.mcpPath = Objects.requireNonNull(path);
    return this;
  }

  /** The legacy HTTP+SSE endpoints (default {@code /sse} and {@code /messages}). */
  public McpPluginConfig legacyPaths(String ssePath, String messagesPath) {
    this.ssePath = Objects.requireNonNull(ssePath);
    this.messagesPath = Objects.requireNonNull(messagesPath);
    return this;
  }

  /** Liveness at this path, readiness at {@code <path>/ready} (default {@code /health}). */
  public McpPluginConfig healthPath(String path) {
    this.healthPath = Objects.requireNonNull(path);
    return this;
  }

  /** Browser origins allowed to call (CORS and DNS-rebinding protection); {@code *} for any. */
  public McpPluginConfig allowedOrigins(String... origins) {
    this.allowedOrigins = Set.of(origins);
    return this;
  }

  /** Who is calling; without one, see {@link #authDisabled} and {@link #localScopes}. */
  public McpPluginConfig principalResolver(PrincipalResolver resolver) {
    this.principalResolver = resolver;
    return this;
  }

  /**
   * Serve without authentication on any address. Without a resolver the plugin otherwise refuses to
   * start unless bound to a loopback address.
   */
  public McpPluginConfig authDisabled(boolean disabled) {
    this.authDisabled = disabled;
    return this;
  }

  /** Scopes of the anonymous local caller used when there is no resolver. */
  public McpPluginConfig localScopes(String... scopes) {
    this.localScopes = Set.of(scopes);
    return this;
  }

  /**
   * Whether the server can serve at all; false answers {@code <health>/ready} with 503, taking the
   * instance out of rotation. It runs on the probe's thread (at most once per {@code cacheFor}), so
   * it must be quick and must not call a remote system: a slow one fails every instance's probe at
   * once. For a remote system the server needs but can outlive (Jamf Pro), use {@link #dependency}.
   */
  public McpPluginConfig readiness(BooleanSupplier check, Duration cacheFor) {
    this.readiness = Objects.requireNonNull(check);
    this.readinessCacheFor = Objects.requireNonNull(cacheFor);
    return this;
  }

  /**
   * A remote system the server needs for useful work, checked in the background: {@code check} runs
   * on a daemon thread of its own when the HTTP server has started and then {@code interval} after
   * each check ends; it fails by throwing (its message, one line, is the reason shown), and a check
   * still running after {@code timeout} fails (it is left to end by its own timeouts, not
   * interrupted). {@code <health>/ready} answers from the last outcome without waiting: {@code
   * "<name>":"up"}, or {@code "<name>":"degraded"} with {@code <name>Reason} and {@code
   * <name>Since}, and {@code "unknown"} until the first check ends. A degraded dependency keeps the
   * instance ready (200): an outage of the dependency is the same for every instance, and taking
   * them all out of rotation would only turn the tools' clear errors into connection failures.
   * Checking stops with the server.
   */
  public McpPluginConfig dependency(
      String name, Callable<?> check, Duration interval, Duration timeout) {
    Objects.requireNonNull(name);
    if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("a dependency name is letters and digits: " + name);
    }
    dependencies.add(
        new Dependency(
            name,
            Objects.requireNonNull(check),
            Objects.requireNonNull(interval),
            Objects.requireNonNull(timeout)));
    return this;
  }

  record Dependency(String name, Callable<?> check, Duration interval, Duration timeout) {}

  /** How long requests in flight may finish when the server stops (default 10 s). */
  public McpPluginConfig shutdownGrace(Duration grace) {
    this.shutdownGrace = Objects.requireNonNull(grace);
    return this;
  }

  /**
   * Wraps each authenticated MCP exchange before the transport sees it, e.g. to log one line per
   * request; the wrapper must delegate every call. Default: none.
   */
  public McpPluginConfig exchangeDecorator(
      BiFunction<HttpExchange, Principal, HttpExchange> decorator) {
    this.exchangeDecorator = Objects.requireNonNull(decorator);
    return this;
  }

  /**
   * Prometheus metrics at {@code path} (default {@code /metrics}; null serves none), recorded in
   * {@code registry} (default: a registry of the plugin's own), so an app can add its own meters.
   */
  public McpPluginConfig metrics(String path, PrometheusMeterRegistry registry) {
    this.metricsPath = path;
    this.metricsRegistry = registry;
    return this;
  }

  /**
   * The slowest a request body may arrive, on every route of the server (default 1024 bytes per
   * second, after a two-second grace counted from when its reading starts); a client sending slower
   * (a body trickled byte by byte, or stalled) gets 408 instead of holding a connection for as long
   * as it likes. Bodies are read before any handler runs, without a thread ({@link RequestLimits}).
   * Zero turns the check off.
   */
  public McpPluginConfig minRequestBytesPerSecond(long bytesPerSecond) {
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative");
    }
    this.minRequestBytesPerSecond = bytesPerSecond;
    return this;
  }

  /**
   * The listen backlog (Jetty's {@code acceptQueueSize}) of the app's connectors that leave it
   * unset: how many new connections the kernel holds while Jetty's acceptor catches up. Default
   * 1024; Jetty's own default is the JDK's 50, and a burst of clients connecting at once (10,000
   * reconnecting SSE streams) past it waits about a second for TCP's SYN retransmission. Linux caps
   * it at {@code net.core.somaxconn}. Zero leaves the connectors as they are.
   */
  public McpPluginConfig acceptQueueSize(int connections) {
    if (connections < 0) {
      throw new IllegalArgumentException("acceptQueueSize must not be negative");
    }
    this.acceptQueueSize = connections;
    return this;
  }

  /**
   * Whether the MCP routes may be served on Jetty's core API in front of Javalin (default true).
   * The plugin does so only when, once the server has started, no before/after handler, request
   * logger or servlet filter of the app would have seen MCP requests; otherwise they go through
   * Javalin as any route does. Serving them directly costs about a third less CPU a request. Turn
   * it off if the app relies on something else of Javalin's on the MCP paths (e.g. its response
   * compression, or an exception mapper).
   */
  public McpPluginConfig directJetty(boolean direct) {
    this.directJetty = direct;
    return this;
  }

  /**
   * Adds a check every MCP request passes before authentication (rate limits per IP, refusing
   * tokens in the URL, ...). Prefer it to a Javalin before-handler on the MCP paths, which would
   * keep them from being served directly ({@link #directJetty}).
   */
  public McpPluginConfig filter(McpRequestFilter filter) {
    this.filters.add(Objects.requireNonNull(filter));
    return this;
  }

  /**
   * The limits every route of the server has, the app's own included: body size, header time,
   * connections and running handlers per client address ({@link RequestLimits}; safe defaults).
   */
  public McpPluginConfig requestLimits(Consumer<RequestLimits> limits) {
    limits.accept(requestLimits);
    return this;
  }

  /** Transport settings: session key, body limit, ping interval, session idle timeout, ... */
  public McpPluginConfig transport(Consumer<HttpTransportConfig> settings) {
    this.transport = Objects.requireNonNull(settings);
    return this;
  }
}
