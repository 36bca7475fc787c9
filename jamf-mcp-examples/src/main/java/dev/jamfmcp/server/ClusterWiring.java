package dev.jamfmcp.server;

import dev.jamfmcp.javalin.ratelimit.RateLimitConfig;
import dev.jamfmcp.mcp.approval.ApprovalStore;
import dev.jamfmcp.mcp.approval.InMemoryApprovalStore;
import dev.jamfmcp.mcp.approval.SecretReveals;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import dev.jamfmcp.mcp.http.HttpTransportConfig;
import dev.jamfmcp.redis.RedisClusterState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the state the instances must share lives: in Redis with {@code MCP_REDIS_URL} (used
 * confirmations, ended sessions, per-caller rate limits, message routing), otherwise in each
 * instance's memory, which is right for one instance only.
 */
final class ClusterWiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterWiring.class);

  /**
   * An approval's page says "expired" this long after it expired (as in memory), then Redis drops
   * it.
   */
  private static final Duration APPROVAL_RETENTION = Duration.ofHours(1);

  private final RedisClusterState redis;

  private ClusterWiring(RedisClusterState redis) {
    this.redis = redis;
  }

  /** Everything in this instance's memory, without a word (tests, the load harness). */
  static ClusterWiring perInstance() {
    return new ClusterWiring(null);
  }

  /** From the settings; says once which it is (not over stdio, which has one client). */
  static ClusterWiring from(ServerConfig config) {
    ServerConfig.Cluster cluster = config.cluster();
    if (cluster == null || cluster.redis() == null) {
      if (!config.stdio()) {
        log.info(
            "No MCP_REDIS_URL: write confirmations, session ends (DELETE) and legacy SSE sessions"
                + " are per instance; run one instance, or set MCP_REDIS_URL (docs/DEPLOYMENT.md)");
      }
      return perInstance();
    }
    RedisClusterState redis = RedisClusterState.connect(cluster.redis());
    log.info(
        "Cluster state in Redis at {} ({}): used confirmations, pending approvals and actions, ended"
            + " sessions and per-caller rate limits are shared by every instance; elicitation"
            + " answers, cancellations and legacy SSE messages are routed to the instance that holds"
            + " their request or stream",
        cluster.redis().redactedUrl(),
        redis.status());
    return new ClusterWiring(redis);
  }

  /** The ledger of used confirmations for the tools' gate. */
  ConsumedTokens consumedTokens() {
    return redis != null ? redis.consumedTokens(Clock.systemUTC()) : ConsumedTokens.inMemory();
  }

  /**
   * Where approvals live: Redis (so the page, the opener and the redeemer may be different
   * instances), otherwise this instance's memory.
   */
  ApprovalStore approvalStore() {
    return redis != null
        ? redis.approvalStore(Clock.systemUTC(), APPROVAL_RETENTION)
        : new InMemoryApprovalStore();
  }

  /** Where secrets wait for their approval page; null: this instance's memory. */
  SecretReveals secretReveals() {
    return redis != null ? redis.secretReveals(Clock.systemUTC()) : null;
  }

  /** Where the gate keeps previewed actions and their generated secrets; null: in memory. */
  PendingActionStore pendingActions() {
    return redis != null ? redis.pendingActions(Clock.systemUTC()) : null;
  }

  /** Where each session's toolsets live: Redis, otherwise this instance's memory. */
  EnabledToolsets enabledToolsets(Duration lifetime) {
    return redis != null
        ? redis.enabledToolsets(lifetime)
        : EnabledToolsets.inMemory(100_000, lifetime, Clock.systemUTC());
  }

  /** Shares ended sessions and routes client messages through Redis, if configured. */
  void transport(HttpTransportConfig transport) {
    if (redis != null) {
      transport.endedSessions(redis.endedSessions());
      transport.messageRouting(redis.messageRouting());
    }
  }

  /** Shares the per-principal buckets through Redis, if configured. */
  void principalBuckets(RateLimitConfig limits, double perSecond, int burst) {
    if (redis != null) {
      limits.principalBuckets(redis.rateLimitBuckets("principal", perSecond, burst));
    }
  }

  /** The Redis state, for health reports ({@link RedisClusterState#available()}). */
  Optional<RedisClusterState> redis() {
    return Optional.ofNullable(redis);
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
