package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.confirm.PendingAction;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's pending actions in Redis ({@code SET <prefix>pending:<id> <json> PX <ms to expiry>}),
 * so a confirmation of an action with server-generated secrets (a lock PIN) can come back to any
 * instance. An action without generated secrets is kept only for the person's view: while Redis is
 * away it is not kept ({@code false}, which the gate accepts for such actions) and the preview goes
 * on; one with secrets makes the gate refuse ({@link StoreUnavailableException}).
 */
final class RedisPendingActions implements PendingActionStore {
  private static final String STORE = "confirmation";
  private final RedisClusterState redis;
  private final String prefix;
  private final Clock clock;

  RedisPendingActions(RedisClusterState redis, String keyPrefix, Clock clock) {
    this.redis = redis;
    this.prefix = keyPrefix + "pending:";
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean put(PendingAction action) {
    long ttl = Duration.between(clock.instant(), action.expiresAt()).toMillis();
    if (ttl <= 0) {
      return false;
    }
    try {
      String reply =
          redis.call(
              STORE,
              c -> c.set(prefix + action.id(), StoredJson.action(action), SetArgs.Builder.px(ttl)));
      return "OK".equals(reply);
    } catch (StoreUnavailableException e) {
      if (action.generatedSecrets().isEmpty()) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<PendingAction> get(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String json = redis.call(STORE, c -> c.get(prefix + id));
    if (json == null) {
      return Optional.empty();
    }
    PendingAction action = StoredJson.action(json);
    return clock.instant().isBefore(action.expiresAt()) ? Optional.of(action) : Optional.empty();
  }

  @Override
  public void remove(String id) {
    if (id == null) {
      return;
    }
    try {
      redis.call(STORE, c -> c.del(prefix + id));
    } catch (StoreUnavailableException e) {
      // It expires on its own; its confirmation is spent already (single use is the ledger's).
    }
  }
}
