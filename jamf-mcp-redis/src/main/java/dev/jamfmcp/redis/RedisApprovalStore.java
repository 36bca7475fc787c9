package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.approval.ApprovalStore;
import dev.jamfmcp.mcp.approval.PendingApproval;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Pending approvals in Redis, so the instance that opened one, the one serving the approval page
 * and the one the caller's next call reaches can all differ. One hash per approval, {@code
 * <prefix>approval:<id>} with fields {@code v} (the version) and {@code json}; creating and every
 * change are one script each, so a change is a compare-and-set on the version: of two decisions (or
 * redemptions) racing on any instances exactly one wins. The key expires {@code retention} after
 * the approval does (so its page can say "expired" for a while rather than "unknown"); Redis
 * forgets it then, so {@link #purgeExpiredBefore} has nothing to do.
 */
final class RedisApprovalStore implements ApprovalStore {
  private static final String STORE = "approval";
  private static final String CREATE =
      "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end;"
          + " redis.call('HSET', KEYS[1], 'v', ARGV[1], 'json', ARGV[2]);"
          + " redis.call('PEXPIRE', KEYS[1], ARGV[3]); return 1";
  private static final String COMPARE_AND_SET =
      "local v = redis.call('HGET', KEYS[1], 'v');"
          + " if not v or v ~= ARGV[1] then return 0 end;"
          + " redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3]); return 1";

  private final RedisClusterState redis;
  private final String prefix;
  private final Clock clock;
  private final Duration retention;

  RedisApprovalStore(RedisClusterState redis, String keyPrefix, Clock clock, Duration retention) {
    this.redis = redis;
    this.prefix = keyPrefix + "approval:";
    this.clock = Objects.requireNonNull(clock, "clock");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative");
    }
    this.retention = retention;
  }

  @Override
  public void create(PendingApproval approval) {
    Objects.requireNonNull(approval, "approval");
    long ttl =
        Math.max(
            1, Duration.between(clock.instant(), approval.expiresAt()).plus(retention).toMillis());
    Long created =
        redis.call(
            STORE,
            c ->
                c.eval(
                    CREATE,
                    ScriptOutputType.INTEGER,
                    new String[] {prefix + approval.id()},
                    Long.toString(approval.version()),
                    StoredJson.approval(approval),
                    Long.toString(ttl)));
    if (created == null || created != 1L) {
      throw new IllegalStateException("approval id already in use");
    }
  }

  @Override
  public Optional<PendingApproval> find(String id) {
    String json = redis.call(STORE, c -> c.hget(prefix + id, "json"));
    return json == null ? Optional.empty() : Optional.of(StoredJson.approval(json));
  }

  @Override
  public boolean compareAndSet(String id, long expectedVersion, PendingApproval next) {
    if (!next.id().equals(id)) {
      throw new IllegalArgumentException("an approval cannot change its id");
    }
    Long replaced =
        redis.call(
            STORE,
            c ->
                c.eval(
                    COMPARE_AND_SET,
                    ScriptOutputType.INTEGER,
                    new String[] {prefix + id},
                    Long.toString(expectedVersion),
                    Long.toString(next.version()),
                    StoredJson.approval(next)));
    return replaced != null && replaced == 1L;
  }

  @Override
  public void purgeExpiredBefore(Instant cutoff) {
    // Each key expires on its own in Redis.
  }
}
