package dev.jamfmcp.javalin.ratelimit;

import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Settings of {@link RateLimitPlugin}. Every setting has a default. */
public final class RateLimitConfig {
  double ipPerSecond = 10;
  int ipBurst = 100;
  double principalPerSecond = 5;
  int principalBurst = 50;
  int maxKeys = 10_000;
  Duration idleEviction = Duration.ofMinutes(10);
  List<String> paths = List.of("/mcp", "/sse", "/messages", "/auth/*", "/dev/*");
  Function<Context, String> clientIp = ctx -> ctx.req().getRemoteAddr();
  Clock clock = Clock.systemUTC();
  RateLimitBuckets principalBuckets;

  /**
   * Requests per second and burst per client IP of requests without a valid token (default 10/s,
   * burst 100): the OAuth routes, and MCP requests without credentials or whose credentials are
   * refused. Requests that carry credentials are charged to their principal instead ({@link
   * #perPrincipal}), so anonymous traffic cannot spend a signed-in user's budget.
   */
  public RateLimitConfig perIp(double perSecond, int burst) {
    this.ipPerSecond = perSecond;
    this.ipBurst = burst;
    return this;
  }

  /** Requests per second and burst per authenticated subject (default 5/s, burst 50). */
  public RateLimitConfig perPrincipal(double perSecond, int burst) {
    this.principalPerSecond = perSecond;
    this.principalBurst = burst;
    return this;
  }

  /**
   * Where the per-principal buckets live (default: this instance's memory, with {@link
   * #perPrincipal}'s rate and burst). Several instances pass buckets they share, made with the rate
   * and burst they want (for example {@code RedisClusterState.rateLimitBuckets}), so that a
   * principal's limit holds for the fleet; {@link #perPrincipal} is then not used.
   */
  public RateLimitConfig principalBuckets(RateLimitBuckets buckets) {
    this.principalBuckets = Objects.requireNonNull(buckets);
    return this;
  }

  /** Buckets kept per limiter, least recently used dropped first (default 10,000). */
  public RateLimitConfig maxKeys(int max) {
    this.maxKeys = max;
    return this;
  }

  /** Buckets unused this long are dropped (default 10 min). */
  public RateLimitConfig idleEviction(Duration idle) {
    this.idleEviction = Objects.requireNonNull(idle);
    return this;
  }

  /** Paths limited per IP (default /mcp, /sse, /messages, /auth/*, /dev/*). */
  public RateLimitConfig paths(String... paths) {
    this.paths = List.of(paths);
    return this;
  }

  /**
   * How the client's IP is found (default: the TCP peer). Behind a reverse proxy, read the header
   * that proxy sets, e.g. the last entry of {@code X-Forwarded-For}; never trust a header a client
   * can set directly.
   */
  public RateLimitConfig clientIp(Function<Context, String> resolver) {
    this.clientIp = Objects.requireNonNull(resolver);
    return this;
  }

  /** For tests. */
  public RateLimitConfig clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }
}
