package dev.jamfmcp.javalin;

import dev.jamfmcp.javalin.internal.BackgroundCheck;
import dev.jamfmcp.javalin.internal.Cors;
import dev.jamfmcp.javalin.internal.DirectMcpHandler;
import dev.jamfmcp.javalin.internal.FrontDoor;
import dev.jamfmcp.javalin.internal.JavalinExchange;
import dev.jamfmcp.javalin.internal.LocalOrigins;
import dev.jamfmcp.javalin.internal.PluginExchange;
import dev.jamfmcp.javalin.internal.Readiness;
import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.McpMetrics;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.plugin.Plugin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of an MCP server as one Javalin plugin: routes the Streamable HTTP endpoint, the
 * legacy HTTP+SSE endpoints and health checks to the core's {@link McpHttpTransport}.
 *
 * <pre>{@code
 * Javalin.create(config -> config.registerPlugin(new McpPlugin(mcp -> mcp
 *     .server(server)
 *     .principalResolver(jwt)
 *     .transport(t -> t.sessionKey(key)))))
 *   .start("0.0.0.0", 8080);
 * }</pre>
 */
public final class McpPlugin extends Plugin<McpPluginConfig> {
  private static final Logger log = LoggerFactory.getLogger(McpPlugin.class);
  private static final String STARTING =
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,"
          + "\"message\":\"The MCP server is starting; retry shortly\"}}";
  // Set once, when the server is there (at initialization, or later for a pending server).
  private volatile McpHttpTransport transport;
  private McpMetrics metrics = McpMetrics.NONE;
  private volatile DirectMcpHandler direct;
  // Guarded by this: the transport is made at most once, and never after the server stopped.
  private boolean stopping;
  // Host and Origin rules, applied here before the transport (which is told to allow any origin).
  private LocalOrigins origins;

  public McpPlugin(Consumer<McpPluginConfig> userConfig) {
    super(userConfig, new McpPluginConfig());
  }

  /**
   * Where the app reports what the plugin cannot see, e.g. Jamf Pro calls ({@link
   * McpMetrics#jamfRequest}); does nothing before initialization or without metrics.
   */
  public McpMetrics metrics() {
    return metrics;
  }

  /**
   * The transport, for embedding apps that want its counters; null before initialization, and with
   * a pending server ({@link McpPluginConfig#server(CompletionStage)}) until it is there.
   */
  public McpHttpTransport transport() {
    return transport;
  }

  /**
   * Whether the MCP routes are being served on Jetty directly, in front of Javalin ({@link
   * McpPluginConfig#directJetty}); decided when the server has started, false before.
   */
  public boolean servesDirectly() {
    DirectMcpHandler handler = direct;
    return handler != null && handler.isEnabled();
  }

  @Override
  public void onInitialize(JavalinState state) {
    McpPluginConfig config = pluginConfig;
    if (config.server == null && config.pendingServer == null) {
      throw new IllegalStateException("McpPlugin needs a server: mcp.server(McpServer)");
    }
    if (Runtime.version().feature() >= 21) {
      state.concurrency.useVirtualThreads = true;
    }
    origins = new LocalOrigins(config.allowedOrigins, anonymousLocal(config));
    // Async requests live as long as their stream; the transport's own limits end them.
    state.http.asyncTimeout = 0;
    // A body trickled in byte by byte is cut off by JavalinExchange.readBody, on the MCP routes
    // only: Jetty's own minimum data rate would apply to the host app's routes too, and it fails
    // small bodies that arrived whole but waited for a busy thread.
    PrometheusMeterRegistry registry = null;
    if (config.metricsPath != null) {
      registry =
          config.metricsRegistry != null
              ? config.metricsRegistry
              : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      metrics = new MicrometerMcpMetrics(registry);
    }
    PrometheusMeterRegistry meters = registry;
    if (config.server != null) {
      attach(config.server, meters);
    } else {
      config.pendingServer.whenComplete(
          (server, failure) -> {
            if (failure != null) {
              log.error("The MCP server could not be assembled; MCP requests get 503", failure);
            } else {
              attach(server, meters);
            }
          });
    }
    // Before the server is there, no origin is allowed: a preflight gets 403, a request 503.
    // CORS only for configured origins: bound to loopback, pages on the machine itself may call
    // (origins checks in serve), but a page on another local port may not read the answers.
    Cors cors = new Cors(origin -> transport != null && origins.grantsCors(origin));
    state.events.serverStarting(() -> origins.boundTo(state.jetty.host));
    Readiness readiness = new Readiness(config.readiness, config.readinessCacheFor);
    List<BackgroundCheck> dependencies =
        config.dependencies.stream()
            .map(
                d ->
                    new BackgroundCheck(
                        d.name(), d.check(), d.interval(), d.timeout(), Clock.systemUTC()))
            .toList();
    // One table of the MCP routes, served by Javalin and, when nothing of the app would see the
    // difference, straight from Jetty (DirectMcpHandler).
    Map<String, Map<String, Consumer<PluginExchange>>> routes = new LinkedHashMap<>();
    Map<String, Consumer<PluginExchange>> mcp = new LinkedHashMap<>();
    Route toMcp = (exchange, principal) -> transport.handleMcp(exchange, principal);
    mcp.put("POST", exchange -> serve(exchange, cors, toMcp));
    mcp.put("GET", exchange -> serve(exchange, cors, toMcp));
    mcp.put("DELETE", exchange -> serve(exchange, cors, toMcp));
    mcp.put("OPTIONS", exchange -> cors.preflight(exchange, "GET, POST, DELETE"));
    routes.put(config.mcpPath, mcp);
    Route toSse = (exchange, principal) -> transport.openLegacyStream(exchange, principal);
    routes.put(
        config.ssePath,
        Map.of(
            "GET", exchange -> serve(exchange, cors, toSse),
            "OPTIONS", exchange -> cors.preflight(exchange, "GET")));
    Route toMessages = (exchange, principal) -> transport.postLegacyMessage(exchange, principal);
    routes.put(
        config.messagesPath,
        Map.of(
            "POST", exchange -> serve(exchange, cors, toMessages),
            "OPTIONS", exchange -> cors.preflight(exchange, "POST")));
    routes.forEach(
        (path, byMethod) ->
            byMethod.forEach(
                (method, route) ->
                    state.routes.addHttpHandler(
                        HandlerType.findOrCreate(method), path, ctx -> viaJavalin(ctx, route))));
    if (config.directJetty) {
      serveDirectly(state, routes);
    }
    guardEveryRoute(state, routes.keySet());
    if (registry != null) {
      state.routes.get(
          config.metricsPath,
          ctx ->
              ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
    }
    state.routes.get(
        config.healthPath,
        ctx -> ctx.contentType("application/json").result("{\"status\":\"up\"}"));
    state.routes.get(
        config.healthPath + "/ready",
        ctx -> {
          McpHttpTransport current = transport;
          // Not asked before the server is there, so that no early answer is cached.
          boolean ready = current != null && readiness.isReady() && current.isAcceptingRequests();
          // Dependencies are read from memory (checked in the background) and never make it 503.
          ctx.status(ready ? 200 : 503)
              .contentType("application/json")
              .result(readinessBody(ready, dependencies));
        });
    state.events.serverStarted(() -> dependencies.forEach(BackgroundCheck::start));
    state.events.serverStarting(() -> refuseUnauthenticatedPublicBind(state.jetty.host));
    if (config.acceptQueueSize > 0) {
      // Javalin adds its default connector after the server consumers run and just before
      // serverStarting, which is before Jetty opens (binds) any connector.
      int backlog = config.acceptQueueSize;
      AtomicReference<Server> jetty = new AtomicReference<>();
      state.jetty.modifyServer(jetty::set);
      state.events.serverStarting(() -> setAcceptQueueSize(jetty.get(), backlog));
    }
    state.events.serverStopping(
        () -> {
          McpHttpTransport current = stop();
          if (current != null) {
            current.shutdown(config.shutdownGrace);
          }
        });
    state.events.serverStopped(
        () -> {
          dependencies.forEach(BackgroundCheck::close);
          McpHttpTransport current = stop();
          if (current != null) {
            current.close();
          }
        });
  }

  /**
   * {@code {"status":"ready","jamf":"up","jamfSince":...}}; a degraded dependency adds {@code
   * <name>Reason}.
   */
  private static String readinessBody(boolean ready, List<BackgroundCheck> dependencies) {
    ObjectNode body = Json.object().put("status", ready ? "ready" : "not ready");
    for (BackgroundCheck dependency : dependencies) {
      BackgroundCheck.Status status = dependency.status();
      String name = dependency.name();
      body.put(name, status.state().name().toLowerCase(Locale.ROOT));
      body.put(name + "Since", status.since().toString());
      if (status.reason() != null) {
        body.put(name + "Reason", status.reason());
      }
    }
    return body.toString();
  }

  /** Makes the transport for {@code server}, unless the HTTP server is already stopping. */
  private synchronized void attach(McpServer server, PrometheusMeterRegistry registry) {
    if (stopping || transport != null) {
      return;
    }
    McpPluginConfig config = pluginConfig;
    McpHttpTransport made =
        McpHttpTransport.create(
            server,
            t -> {
              // The plugin checks Host and Origin itself (LocalOrigins, in serve) before the
              // transport sees a request, with the rules the bind address allows.
              t.allowedOrigins(Set.of("*"))
                  .legacyMessagesPath(config.messagesPath)
                  .localhostOnly(false)
                  .metrics(metrics);
              config.transport.accept(t);
            });
    if (registry != null) {
      Gauge.builder("mcp.subscriptions.active", made, McpHttpTransport::openListens)
          .description("2026-07-28 subscriptions/listen streams open now")
          .register(registry);
    }
    transport = made;
  }

  /** From now on no transport is made; returns the one there is, if any. */
  private synchronized McpHttpTransport stop() {
    stopping = true;
    return transport;
  }

  @FunctionalInterface
  private interface Route {
    void handle(HttpExchange exchange, Principal principal);
  }

  /** A route reached through Javalin: Javalin writes an answer given on this thread. */
  private void viaJavalin(Context ctx, Consumer<PluginExchange> route) {
    JavalinExchange exchange = new JavalinExchange(ctx, pluginConfig.minRequestBytesPerSecond);
    route.accept(exchange);
    // Answered on this thread (tools/list, errors, notifications): Javalin writes it when the
    // handler returns, without servlet async mode. Otherwise (a tool on the handler pool, a
    // stream) async mode keeps the connection without a thread; Javalin runs this supplier after
    // the handler returns, so a reply that lands in between is still written.
    if (!exchange.completion().isDone()) {
      ctx.future(
          () -> {
            exchange.watchAsync();
            return exchange.completion();
          });
    }
  }

  /**
   * Puts a {@link DirectMcpHandler} in front of Javalin's servlet; once the server has started and
   * every route, filter and request logger of the app is known, it takes the MCP routes unless one
   * of those would have seen MCP requests.
   */
  private void serveDirectly(
      JavalinState state, Map<String, Map<String, Consumer<PluginExchange>>> routes) {
    DirectMcpHandler direct = new DirectMcpHandler(routes, pluginConfig.minRequestBytesPerSecond);
    this.direct = direct;
    AtomicReference<ServletContextHandler> servlets = new AtomicReference<>();
    state.jetty.modifyServletContextHandler(servlets::set);
    state.jetty.modifyServer(
        server -> {
          Handler existing = server.getHandler();
          if (existing != null) {
            direct.setHandler(existing); // Javalin attaches its servlet below the app's handlers
          }
          server.setHandler(direct);
        });
    state.events.serverStarted(
        () -> {
          String reason = javalinWouldSee(state, servlets.get(), direct.paths());
          if (reason == null) {
            direct.enable(state.router.contextPath);
            log.info("MCP routes are served on Jetty directly, in front of Javalin");
          } else {
            log.info("MCP routes are served through Javalin: {}", reason);
          }
        });
  }

  /**
   * Puts {@link FrontDoor} in front of everything else (registered after {@link #serveDirectly}, so
   * outermost), and on every connector as a connection listener: no route of the server, the app's
   * own included, is without body, header and per-address limits.
   */
  private void guardEveryRoute(JavalinState state, Set<String> mcpPaths) {
    RequestLimits l = pluginConfig.requestLimits;
    FrontDoor front =
        new FrontDoor(
            new FrontDoor.Limits(
                l.maxBodyBytes,
                pluginConfig.minRequestBytesPerSecond,
                l.headerTimeout,
                l.maxConnectionsPerAddress,
                l.maxRunningPerAddress,
                l.maxWaitingPerAddress,
                l.clientAddressHeader,
                l.maxBufferedBytes),
            path -> mcpPaths.contains(path));
    AtomicReference<Server> jetty = new AtomicReference<>();
    state.jetty.modifyServer(
        server -> {
          jetty.set(server);
          Handler existing = server.getHandler();
          if (existing != null) {
            front.setHandler(existing);
          }
          server.setHandler(front);
        });
    // Connectors exist only from serverStarting on (Javalin adds its default one late).
    state.events.serverStarting(
        () -> {
          Server server = jetty.get();
          if (server != null) {
            for (Connector connector : server.getConnectors()) {
              if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.addEventListener(front);
              }
            }
          }
        });
  }

  /** Why Javalin must see MCP requests after all, or null if nothing of the app would. */
  private static String javalinWouldSee(
      JavalinState state, ServletContextHandler servlets, Iterable<String> paths) {
    for (String path : paths) {
      for (HandlerType type :
          List.of(
              HandlerType.BEFORE,
              HandlerType.BEFORE_MATCHED,
              HandlerType.AFTER_MATCHED,
              HandlerType.AFTER)) {
        if (!state.internalRouter.findHttpHandlerEntries(type, path).isEmpty()) {
          return "the app has a " + type.name().toLowerCase(Locale.ROOT) + " handler on " + path;
        }
      }
    }
    if (!state.httpRequestLoggers.isEmpty()) {
      return "the app has a request logger";
    }
    if (servlets == null) {
      return "Javalin's servlet context was not seen";
    }
    FilterHolder[] filters = servlets.getServletHandler().getFilters();
    if (filters != null && filters.length > 0) {
      return "the app has servlet filters";
    }
    return null;
  }

  private void serve(PluginExchange exchange, Cors cors, Route route) {
    McpHttpTransport transport = this.transport;
    if (transport == null) {
      // A pending server: the HTTP server started first; clients retry (Retry-After).
      exchange.respond(HttpReply.json(503, STARTING).withHeader("Retry-After", "1"));
      return;
    }
    cors.decorate(exchange);
    Optional<HttpReply> forbidden = origins.check(exchange::header);
    if (forbidden.isPresent()) {
      exchange.respond(forbidden.get());
      return;
    }
    Principal principal;
    try {
      for (McpRequestFilter filter : pluginConfig.filters) {
        Optional<HttpReply> refused = filter.check(exchange);
        if (refused.isPresent()) {
          exchange.respond(refused.get());
          return;
        }
      }
      principal = resolve(exchange);
    } catch (RuntimeException e) {
      // A filter or resolver that threw: the same JSON-RPC 500 on both paths.
      log.error("MCP request failed before it reached the transport", e);
      exchange.respond(
          HttpReply.jsonRpcError(500, ErrorCodes.INTERNAL_ERROR, "Internal Server Error"));
      return;
    } catch (PrincipalResolver.Rejection rejection) {
      exchange.respond(unauthenticated(exchange, rejection).orElseGet(rejection::reply));
      return;
    }
    HttpExchange seen = pluginConfig.exchangeDecorator.apply(exchange, principal);
    try {
      route.handle(seen, principal);
    } catch (HttpException.RuntimeException e) {
      // Jetty refusing the request itself (e.g. broken chunked framing: BadMessageException, which
      // Jetty 12 deprecates for this type): its status, not a 500.
      log.debug("Bad HTTP message: {}", LogSafe.escape(e.getMessage()));
      seen.respond(
          HttpReply.jsonRpcError(
              e.getCode(),
              ErrorCodes.INVALID_REQUEST,
              e.getCode() < 500 ? "Bad Request" : "The server could not read the request"));
    } catch (RuntimeException e) {
      log.error("MCP request failed", e);
      seen.respond(HttpReply.jsonRpcError(500, ErrorCodes.INTERNAL_ERROR, "Internal Server Error"));
    }
  }

  /** A filter's answer to a request whose credentials were refused, if one has one. */
  private Optional<HttpReply> unauthenticated(
      PluginExchange exchange, PrincipalResolver.Rejection rejection) {
    if (rejection.status() != 401) {
      return Optional.empty();
    }
    for (McpRequestFilter filter : pluginConfig.filters) {
      Optional<HttpReply> answer = filter.unauthenticated(exchange);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  private static void setAcceptQueueSize(Server jetty, int backlog) {
    if (jetty == null) {
      return;
    }
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector server && server.getAcceptQueueSize() == 0) {
        server.setAcceptQueueSize(backlog);
      }
    }
  }

  private Principal resolve(PluginExchange exchange) throws PrincipalResolver.Rejection {
    McpPluginConfig config = pluginConfig;
    if (config.principalResolver == null) {
      return new Principal("local", config.localScopes, Map.of());
    }
    return config.principalResolver.resolve(exchange.requestHeaders());
  }

  /** Anonymous serving is only allowed on loopback, where DNS rebinding is the threat. */
  private static boolean anonymousLocal(McpPluginConfig config) {
    return config.principalResolver == null && !config.authDisabled;
  }

  // Anonymous access is for a developer's own machine; anywhere else it must be a decision.
  private void refuseUnauthenticatedPublicBind(String host) {
    McpPluginConfig config = pluginConfig;
    if (config.principalResolver != null || config.authDisabled || isLoopback(host)) {
      return;
    }
    throw new IllegalStateException(
        "Refusing to serve MCP without authentication on "
            + (host == null ? "all interfaces" : host)
            + ": configure a PrincipalResolver, bind to"
            + " 127.0.0.1, or set authDisabled(true) deliberately");
  }

  private static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
