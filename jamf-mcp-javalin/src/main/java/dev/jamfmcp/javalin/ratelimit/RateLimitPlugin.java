package dev.jamfmcp.javalin.ratelimit;

import dev.jamfmcp.javalin.McpRequest;
import dev.jamfmcp.javalin.McpRequestFilter;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits as a Javalin plugin, two budgets that never mix (issue 19, V6): requests without a
 * valid token spend a bucket per client IP (small: the OAuth routes, tokenless and refused MCP
 * requests), and authenticated requests spend a bucket per principal through {@link #perPrincipal},
 * never the IP's, so anonymous traffic from an address (every ChatGPT user arrives from OpenAI's
 * few egress addresses) cannot use up a signed-in user's budget. Over the limit: 429, {@code
 * Retry-After}, {@code {"error":"Rate limit exceeded","retry_after":N}}.
 *
 * <pre>{@code
 * RateLimitPlugin limits = new RateLimitPlugin(r -> r.perIp(10, 100).perPrincipal(5, 50));
 * config.registerPlugin(limits);
 * config.registerPlugin(new McpPlugin(mcp -> mcp.server(server).principalResolver(limits.perPrincipal(jwt))));
 * }</pre>
 */
public final class RateLimitPlugin extends Plugin<RateLimitConfig> {
  private static final Logger log = LoggerFactory.getLogger(RateLimitPlugin.class);
  private final RateLimiter byIp;
  private final RateLimitBuckets byPrincipal;

  public RateLimitPlugin(Consumer<RateLimitConfig> userConfig) {
    super(userConfig, new RateLimitConfig());
    RateLimitConfig c = pluginConfig;
    byIp = new RateLimiter(c.ipPerSecond, c.ipBurst, c.maxKeys, c.idleEviction, c.clock);
    byPrincipal =
        c.principalBuckets != null
            ? c.principalBuckets
            : new RateLimiter(
                c.principalPerSecond, c.principalBurst, c.maxKeys, c.idleEviction, c.clock);
  }

  /** Wraps a resolver so that each principal is limited after it is established. */
  public PrincipalResolver perPrincipal(PrincipalResolver resolver) {
    return headers -> {
      Principal principal = resolver.resolve(headers);
      long wait = byPrincipal.tryAcquire(principal.subject());
      if (wait > 0) {
        log.info("Rate limit exceeded for a principal; retry after {} s", wait);
        throw new PrincipalResolver.Rejection(
            429, Map.of("Retry-After", Long.toString(wait)), body(wait));
      }
      return principal;
    };
  }

  /**
   * The per-IP limit as a filter of the MCP plugin ({@code mcp.filter(...)}), sharing its buckets
   * with the before-handlers this plugin puts on {@link RateLimitConfig#paths}: leave the MCP paths
   * out of those, so that the plugin can serve them straight from Jetty.
   *
   * @param clientIp how the client's IP is found; see {@link RateLimitConfig#clientIp}
   */
  public McpRequestFilter perIp(Function<McpRequest, String> clientIp) {
    Objects.requireNonNull(clientIp);
    return new McpRequestFilter() {
      @Override
      public Optional<HttpReply> check(McpRequest request) {
        // A request with credentials is charged once they are checked: to its principal, or to
        // the IP in unauthenticated() if they are refused.
        if (carriesBearer(request.header("Authorization").orElse(null))) {
          return Optional.empty();
        }
        return tooMany(ipWait(request.method(), () -> clientIp.apply(request)));
      }

      @Override
      public Optional<HttpReply> unauthenticated(McpRequest request) {
        return tooMany(ipWait(request.method(), () -> clientIp.apply(request)));
      }
    };
  }

  private static Optional<HttpReply> tooMany(long wait) {
    return wait <= 0
        ? Optional.empty()
        : Optional.of(
            HttpReply.json(429, body(wait)).withHeader("Retry-After", Long.toString(wait)));
  }

  @Override
  public void onInitialize(JavalinState state) {
    RateLimitConfig config = pluginConfig;
    config.paths.forEach(path -> state.routes.before(path, ctx -> limitIp(ctx, config)));
  }

  /**
   * Seconds the client must wait, or 0 if its request may go on; preflights are never counted. The
   * one per-IP decision of the before-handlers and the MCP filter.
   */
  private long ipWait(String method, Supplier<String> clientIp) {
    if ("OPTIONS".equalsIgnoreCase(method)) {
      return 0;
    }
    String ip = clientIp.get();
    long wait = byIp.tryAcquire(ip == null ? "unknown" : ip);
    if (wait > 0) {
      log.info("Rate limit exceeded for an IP address; retry after {} s", wait);
    }
    return wait;
  }

  private void limitIp(Context ctx, RateLimitConfig config) {
    if (carriesBearer(ctx.header("Authorization")) && !isOAuthRoute(ctx.path())) {
      // Its principal's budget, once authenticated (perPrincipal), not the IP's. Refused tokens are
      // charged to the IP only through the MCP filter (perIp(...)), which sees the outcome.
      return;
    }
    long wait = ipWait(ctx.req().getMethod(), () -> config.clientIp.apply(ctx));
    if (wait > 0) {
      ctx.status(429)
          .header("Retry-After", Long.toString(wait))
          .contentType("application/json")
          .result(body(wait));
      ctx.skipRemainingHandlers();
    }
  }

  private static boolean carriesBearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  // The OAuth and development routes never take a bearer token: one there buys nothing.
  private static boolean isOAuthRoute(String path) {
    return path.startsWith("/auth/")
        || path.startsWith("/dev/")
        || path.startsWith("/.well-known/");
  }

  static String body(long retryAfter) {
    return "{\"error\":\"Rate limit exceeded\",\"retry_after\":" + retryAfter + "}";
  }
}
