package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.McpMetrics;
import dev.jamfmcp.mcp.cluster.EndedSessions;
import dev.jamfmcp.mcp.cluster.MessageRouting;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Settings of the HTTP transport; every limit has a sane default. */
public final class HttpTransportConfig {
  byte[] sessionKey;
  Set<String> allowedOrigins = new LinkedHashSet<>();
  int maxBodyBytes = 1024 * 1024;
  Duration pingInterval = Duration.ofSeconds(30);
  Duration sessionIdleTimeout = Duration.ofMinutes(30);
  Duration writeTimeout = Duration.ofSeconds(30);
  long maxQueuedBytesPerStream = 4L * 1024 * 1024;
  long retryMillis = 3000;
  String legacyMessagesPath = "/messages";
  int maxSessions = 10_000;
  int maxRevokedSessions = 100_000;
  String resourceMetadataUrl;
  boolean localhostOnly;
  McpMetrics metrics = McpMetrics.NONE;
  SessionListener sessionListener = SessionListener.NONE;
  Clock clock = Clock.systemUTC();
  EndedSessions endedSessions;
  MessageRouting messageRouting;

  /**
   * The HMAC-SHA256 key that signs session ids (at least 32 bytes). Every instance behind one load
   * balancer needs the same key. Default: a random key, so sessions end with the process.
   */
  public HttpTransportConfig sessionKey(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the session key must have at least 32 bytes");
    }
    this.sessionKey = key.clone();
    return this;
  }

  /**
   * Origins browsers may call from, e.g. {@code https://app.example.com}; {@code *} allows any.
   * Requests without an Origin header (non-browser clients) are always allowed.
   */
  public HttpTransportConfig allowedOrigins(Set<String> origins) {
    this.allowedOrigins = new LinkedHashSet<>(origins);
    return this;
  }

  /**
   * DNS-rebinding protection for a server on a loopback address without authentication: answer only
   * requests whose {@code Host} is localhost, 127.0.0.1 or [::1] (403 otherwise), and let browser
   * pages on those hosts call. Default off.
   */
  public HttpTransportConfig localhostOnly(boolean enabled) {
    this.localhostOnly = enabled;
    return this;
  }

  /** Where stream counts and request latencies go (default: nowhere). */
  public HttpTransportConfig metrics(McpMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
    return this;
  }

  /**
   * Told when a Streamable HTTP session ends on this instance: deleted, expired idle, evicted for
   * room, or the transport closed (default: nobody).
   */
  public HttpTransportConfig sessionListener(SessionListener listener) {
    this.sessionListener = Objects.requireNonNull(listener);
    return this;
  }

  /** Largest POST body accepted (default 1 MiB); larger ones get 413. */
  public HttpTransportConfig maxBodyBytes(int bytes) {
    this.maxBodyBytes = (int) positive(bytes, "maxBodyBytes");
    return this;
  }

  /** How often open streams get a {@code :ping} comment (default 30 s). */
  public HttpTransportConfig pingInterval(Duration interval) {
    this.pingInterval = positive(interval, "pingInterval");
    return this;
  }

  /** A session unused for this long is gone (default 30 minutes). */
  public HttpTransportConfig sessionIdleTimeout(Duration timeout) {
    this.sessionIdleTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** A stream whose single write blocks longer than this is closed (default 30 s). */
  public HttpTransportConfig writeTimeout(Duration timeout) {
    this.writeTimeout = positive(timeout, "writeTimeout");
    return this;
  }

  /** Bytes that may queue for one slow stream before it is closed (default 4 MiB). */
  public HttpTransportConfig maxQueuedBytesPerStream(long bytes) {
    this.maxQueuedBytesPerStream = positive(bytes, "maxQueuedBytesPerStream");
    return this;
  }

  /** The SSE {@code retry} (ms) sent with 2025-11-25 priming events (default 3000). */
  public HttpTransportConfig retryMillis(long millis) {
    this.retryMillis = positive(millis, "retryMillis");
    return this;
  }

  /** The POST path the legacy {@code endpoint} event names (default {@code /messages}). */
  public HttpTransportConfig legacyMessagesPath(String path) {
    this.legacyMessagesPath = Objects.requireNonNull(path);
    return this;
  }

  /** Sessions kept in memory per instance (default 10,000); the least recent go first. */
  public HttpTransportConfig maxSessions(int max) {
    this.maxSessions = (int) positive(max, "maxSessions");
    return this;
  }

  /** The RFC 9728 metadata URL to name in 403 challenges, if the server publishes one. */
  public HttpTransportConfig resourceMetadataUrl(String url) {
    this.resourceMetadataUrl = url;
    return this;
  }

  /**
   * Where sessions ended by a DELETE are recorded (default: this instance's memory, so a DELETE
   * ends the session only on the instance that received it). Several instances sharing the session
   * key pass one shared record (for example {@code RedisClusterState.endedSessions()}), so that a
   * DELETE on any of them ends the session on all. If it cannot record the end, the DELETE is
   * answered 503 and the session goes on.
   */
  public HttpTransportConfig endedSessions(EndedSessions ended) {
    this.endedSessions = Objects.requireNonNull(ended);
    return this;
  }

  /** The clock for session expiry (tests move it). */
  public HttpTransportConfig clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /**
   * Where client messages for another instance go: answers to elicitations, cancellations of
   * running requests and legacy {@code /messages} POSTs that reach an instance other than the one
   * holding the waiting request or the stream. Instances behind one load balancer without
   * stickiness pass one shared routing (for example {@code RedisClusterState.messageRouting()}).
   * Default: this instance only (such messages are dropped, and such POSTs get 404).
   */
  public HttpTransportConfig messageRouting(MessageRouting routing) {
    this.messageRouting = Objects.requireNonNull(routing);
    return this;
  }

  MessageRouting messageRoutingOrInMemory() {
    return messageRouting != null ? messageRouting : MessageRouting.inMemory();
  }

  EndedSessions endedSessionsOrInMemory() {
    return endedSessions != null
        ? endedSessions
        : EndedSessions.inMemory(maxRevokedSessions, clock);
  }

  byte[] sessionKeyOrRandom() {
    if (sessionKey != null) {
      return sessionKey;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  private static Duration positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
    return value;
  }

  private static long positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
