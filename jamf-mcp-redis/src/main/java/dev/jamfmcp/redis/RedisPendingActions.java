package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.PendingAction;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's pending actions in Redis ({@code SET <prefix>pending:<id> <json> PX <ms to expiry>}),
 * so a confirmation of an action with server-generated secrets (a lock PIN) can come back to any
 * instance (the gate keeps no other actions). The confirmed call is one script ({@link
 * #consumeAndTake}): it marks the confirmation used in the ledger and takes the action, one round
 * trip. While Redis is away both steps throw {@link StoreUnavailableException} and the gate refuses
 * with nothing done.
 */
final class RedisPendingActions implements PendingActionStore {
  private static final String STORE = "confirmation";

  /**
   * KEYS[1] the used-confirmation key, KEYS[2] the pending action; ARGV[1] ms to expiry. {0}: used
   * before, nothing taken; {1} used now, nothing kept; {1, json}: used now, action taken.
   */
  private static final String CONSUME_AND_TAKE =
      "if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return {0} end;"
          + " local action = redis.call('GET', KEYS[2]);"
          + " if not action then return {1} end;"
          + " redis.call('DEL', KEYS[2]); return {1, action}";

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
    String reply =
        redis.call(
            STORE,
            c -> c.set(prefix + action.id(), StoredJson.action(action), SetArgs.Builder.px(ttl)));
    return "OK".equals(reply);
  }

  /**
   * One script when {@code ledger} is this Redis's (jamf-mcp-redis's {@code consumedTokens}): of
   * any number of instances redeeming one confirmation exactly one gets {@code consumed}, and only
   * that one gets the action. Any other ledger: the two steps in turn.
   */
  @Override
  public Taken consumeAndTake(ConsumedTokens ledger, String id, Instant expiresAt) {
    if (!(ledger instanceof RedisConsumedTokens used) || !used.on(redis)) {
      return PendingActionStore.super.consumeAndTake(ledger, id, expiresAt);
    }
    Objects.requireNonNull(id, "id");
    List<Object> reply =
        redis.call(
            STORE,
            c ->
                c.eval(
                    CONSUME_AND_TAKE,
                    ScriptOutputType.MULTI,
                    new String[] {used.key(id), prefix + id},
                    Long.toString(used.ttlMillis(expiresAt))));
    if (reply == null || reply.isEmpty() || !Long.valueOf(1).equals(reply.get(0))) {
      return new Taken(false, null);
    }
    if (reply.size() < 2 || !(reply.get(1) instanceof String json)) {
      return new Taken(true, null);
    }
    PendingAction action = StoredJson.action(json);
    return new Taken(true, clock.instant().isBefore(action.expiresAt()) ? action : null);
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
