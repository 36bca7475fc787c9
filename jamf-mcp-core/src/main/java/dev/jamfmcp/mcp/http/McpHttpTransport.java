package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.internal.Gate;
import dev.jamfmcp.mcp.http.internal.LegacySse;
import dev.jamfmcp.mcp.http.internal.LiveSessions;
import dev.jamfmcp.mcp.http.internal.Replies;
import dev.jamfmcp.mcp.http.internal.Router;
import dev.jamfmcp.mcp.http.internal.SessionTokens;
import dev.jamfmcp.mcp.http.internal.Settings;
import dev.jamfmcp.mcp.http.internal.StreamableHttp;
import dev.jamfmcp.mcp.http.internal.Streams;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over HTTP without a server framework: Streamable HTTP (2025-03-26 to 2025-11-25), the
 * stateless POSTs of 2026-07-28, and the legacy HTTP+SSE transport of 2024-11-05. A framework
 * adapter authenticates the caller, wraps each request in an {@link HttpExchange}, and routes:
 *
 * <pre>{@code
 * McpHttpTransport http = McpHttpTransport.create(server, c -> c.sessionKey(key));
 * // POST|GET|DELETE /mcp   -> http.handleMcp(exchange, principal)
 * // GET /sse               -> http.openLegacyStream(exchange, principal)
 * // POST /messages         -> http.postLegacyMessage(exchange, principal)
 * }</pre>
 *
 * Every entry point checks {@code Origin} first (403 if present and not allowed).
 */
public final class McpHttpTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpHttpTransport.class);

  private final Settings settings;
  private final Streams streams;
  private final LiveSessions sessions;
  private final Gate gate = new Gate();
  private final StreamableHttp streamable;
  private final LegacySse legacy;
  private final ScheduledFuture<?> sweeper;
  private final Router router;

  private McpHttpTransport(McpServer server, HttpTransportConfig config) {
    this.settings =
        new Settings(
            config.maxBodyBytes,
            config.retryMillis,
            config.legacyMessagesPath,
            config.resourceMetadataUrl,
            config.allowedOrigins,
            config.sessionIdleTimeout,
            config.clock,
            config.localhostOnly,
            config.metrics);
    if (config.sessionKey == null) {
      log.warn(
          "No MCP session key configured: using a random one, so sessions will not"
              + " survive a restart or move to another instance");
    }
    SessionTokens tokens = new SessionTokens(config.sessionKeyOrRandom());
    this.streams =
        new Streams(
            config.pingInterval,
            config.writeTimeout,
            config.maxQueuedBytesPerStream,
            config.metrics);
    this.sessions =
        new LiveSessions(
            server,
            config.clock,
            config.sessionIdleTimeout,
            config.maxSessions,
            config.endedSessionsOrInMemory(),
            config.sessionListener);
    this.router = new Router(config.messageRoutingOrInMemory());
    this.streamable = new StreamableHttp(server, settings, tokens, sessions, streams, gate, router);
    this.legacy = new LegacySse(server, settings, tokens, streams, gate, router);
    router.receive(
        envelope -> {
          if (envelope.kind() == Router.Kind.LEGACY) {
            legacy.receiveForwarded(envelope);
          } else {
            streamable.receiveForwarded(envelope);
          }
        });
    Duration sweep = config.sessionIdleTimeout.dividedBy(4);
    this.sweeper =
        streams.every(
            sweep.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : sweep,
            sessions::sweep);
  }

  public static McpHttpTransport create(
      McpServer server, Consumer<HttpTransportConfig> configurer) {
    HttpTransportConfig config = new HttpTransportConfig();
    configurer.accept(config);
    return new McpHttpTransport(server, config);
  }

  /** POST, GET or DELETE on the MCP endpoint. */
  public void handleMcp(HttpExchange exchange, Principal principal) {
    if (checkOrigin(exchange).map(reject -> respond(exchange, reject)).isEmpty()) {
      streamable.handle(exchange, principal);
    }
  }

  /** GET on the legacy SSE endpoint (2024-11-05 HTTP+SSE). */
  public void openLegacyStream(HttpExchange exchange, Principal principal) {
    if (checkOrigin(exchange).map(reject -> respond(exchange, reject)).isEmpty()) {
      legacy.open(exchange, principal);
    }
  }

  /** POST on the legacy message endpoint ({@code ?sessionId=}). */
  public void postLegacyMessage(HttpExchange exchange, Principal principal) {
    if (checkOrigin(exchange).map(reject -> respond(exchange, reject)).isEmpty()) {
      legacy.post(exchange, principal);
    }
  }

  /**
   * The 403 a request from a disallowed browser origin (or, when serving localhost only, for
   * another host name) gets, if it is one (DNS rebinding protection). Adapters call it before
   * authentication, so such requests learn nothing more.
   */
  public Optional<HttpReply> checkOrigin(HttpExchange exchange) {
    String host = exchange.header("Host").orElse(null);
    if (!settings.hostAllowed(host)) {
      return Optional.of(
          Replies.error(
              403,
              ErrorCodes.INVALID_REQUEST,
              "Forbidden: this server only answers requests addressed to localhost"));
    }
    String origin = exchange.header("Origin").orElse(null);
    if (settings.originAllowed(origin)) {
      return Optional.empty();
    }
    return Optional.of(
        Replies.error(
            403,
            ErrorCodes.INVALID_REQUEST,
            "Forbidden: requests from origin " + origin + " are not allowed"));
  }

  /** Whether browsers on {@code origin} may call (for CORS). */
  public boolean isOriginAllowed(String origin) {
    return origin != null && settings.originAllowed(origin);
  }

  /**
   * The RFC 9728 protected-resource metadata URL of the configuration, or null: what an adapter
   * names in the {@code WWW-Authenticate} challenge of a request it refuses for want of a caller.
   */
  public String resourceMetadataUrl() {
    return settings.resourceMetadataUrl();
  }

  /** False once {@link #shutdown} has begun. */
  public boolean isAcceptingRequests() {
    return gate.isOpen();
  }

  /** Streams open now (GET, legacy and POST streams), for metrics and tests. */
  public int openStreams() {
    return streams.openCount();
  }

  /** Streamable HTTP sessions held in memory now (at most {@code maxSessions}), for metrics. */
  public int liveSessions() {
    return sessions.size();
  }

  /** {@code subscriptions/listen} streams open on this transport now, for metrics and tests. */
  public int openListens() {
    return streamable.openListens();
  }

  /**
   * Stops accepting requests (503), ends open {@code subscriptions/listen} streams with their
   * closing result, lets requests in flight finish for up to {@code grace}, answers the rest with a
   * JSON-RPC error ({@link dev.jamfmcp.mcp.jsonrpc.ErrorCodes#REQUEST_CANCELLED}) and cancels them,
   * and closes every stream.
   */
  public void shutdown(Duration grace) {
    // Listens never finish by themselves: refuse new requests, then end them with their result.
    gate.close();
    streamable.endListens();
    boolean drained;
    try {
      drained = gate.closeAndAwait(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    if (!drained) {
      log.info("Cancelling MCP requests still running after {}", grace);
      // Each gets an error it can show before its stream closes, then its work is cancelled.
      streamable.cutOffRunning();
      legacy.cutOffRunning();
      sessions.cancelAll("the server is shutting down");
    }
    streams.closeAll();
  }

  @Override
  public void close() {
    sweeper.cancel(false);
    streamable.endListens();
    sessions.endAll();
    streams.close();
    router.close();
  }

  private static boolean respond(HttpExchange exchange, HttpReply reply) {
    exchange.respond(reply);
    return true;
  }
}
