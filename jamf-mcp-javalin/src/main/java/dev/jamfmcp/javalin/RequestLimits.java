package dev.jamfmcp.javalin;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits every route of the server has, whoever registered it (MCP, OAuth, development, approval
 * pages, health, metrics and the app's own): settings of {@link McpPluginConfig#requestLimits}.
 * Each has a safe default; zero turns a limit off.
 *
 * <ul>
 *   <li>a request body is read in full before any handler runs, without holding a thread while it
 *       arrives: larger than {@link #maxBodyBytes} is a 413, slower than {@link
 *       McpPluginConfig#minRequestBytesPerSecond} (after a two-second grace) a 408, so a slow or
 *       stalled body never holds a thread;
 *   <li>request headers must be complete within {@link #headerTimeout} of their first byte;
 *   <li>bodies held in memory at once are bounded by {@link #maxBufferedBytes} (503 beyond);
 *   <li>per client address, at most {@link #maxConnectionsPerAddress} connections, and at most
 *       {@link #maxRunningPerAddress} handlers running at once: further requests of that address
 *       wait, without a thread, up to {@link #maxWaitingPerAddress}, then get 503.
 * </ul>
 */
public final class RequestLimits {
  /** The default {@link #maxBodyBytes}: 4 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

  long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  Duration headerTimeout = Duration.ofSeconds(10);
  int maxConnectionsPerAddress = 1000;
  int maxRunningPerAddress = 32;
  int maxWaitingPerAddress = 1024;
  String clientAddressHeader;
  long maxBufferedBytes = 64L * 1024 * 1024;

  /**
   * The largest request body of any route (default 4 MiB); the MCP routes keep their own smaller
   * limit ({@code transport.maxBodyBytes}, 1 MiB by default) with a JSON-RPC 413.
   */
  public RequestLimits maxBodyBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative");
    }
    this.maxBodyBytes = bytes;
    return this;
  }

  /**
   * How long the headers of a request may take once their first byte arrived (default 10 s; the
   * connection is closed between one and two times this after a header stalls). Idle keep-alive
   * connections are left to Jetty's idle timeout.
   */
  public RequestLimits headerTimeout(Duration timeout) {
    this.headerTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /**
   * Open connections per TCP peer address (default 1,000); more are closed as they open. Behind a
   * load balancer every connection comes from it: raise this, or set 0 and let it limit.
   */
  public RequestLimits maxConnectionsPerAddress(int connections) {
    this.maxConnectionsPerAddress = nonNegative(connections, "maxConnectionsPerAddress");
    return this;
  }

  /**
   * Handlers of one client address running at once (default 32), which on Java 17 is the threads it
   * can hold; a stream or a tool call waiting on its pool does not count once its handler has
   * returned. Further requests wait their turn without a thread.
   */
  public RequestLimits maxRunningPerAddress(int handlers) {
    this.maxRunningPerAddress = nonNegative(handlers, "maxRunningPerAddress");
    return this;
  }

  /** Requests of one client address waiting for a turn (default 1,024); beyond, 503. */
  public RequestLimits maxWaitingPerAddress(int requests) {
    this.maxWaitingPerAddress = nonNegative(requests, "maxWaitingPerAddress");
    return this;
  }

  /**
   * Bytes of request bodies held in memory at once, over all requests (default 64 MiB): bodies are
   * read before their handler runs, so this bounds what that costs; beyond, 503.
   */
  public RequestLimits maxBufferedBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("maxBufferedBytes must not be negative");
    }
    this.maxBufferedBytes = bytes;
    return this;
  }

  /**
   * The header your reverse proxy sets with the client's address (its last entry is used), for the
   * per-address handler limit; default none: the TCP peer. Never a header clients set directly.
   */
  public RequestLimits clientAddressHeader(String header) {
    this.clientAddressHeader = header;
    return this;
  }

  private static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }
}
