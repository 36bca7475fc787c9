package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Used confirmations as Redis keys: {@code SET <prefix>consumed:<id> 1 NX PX <ms to expiry>}, one
 * atomic command, so of any number of instances redeeming one token exactly one gets {@code OK}. A
 * reply lost to a broken connection counts as "not confirmed" (fail closed): the token may then be
 * spent without its write having run, never the other way round.
 */
final class RedisConsumedTokens implements ConsumedTokens {
  private final RedisClusterState redis;
  private final String prefix;
  private final Clock clock;

  RedisConsumedTokens(RedisClusterState redis, String keyPrefix, Clock clock) {
    this.redis = redis;
    this.prefix = keyPrefix + "consumed:";
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean markConsumed(String tokenId, Instant expiresAt) {
    Objects.requireNonNull(tokenId, "tokenId");
    long ttlMillis = ttlMillis(expiresAt);
    String reply =
        redis.call(
            "confirmation", c -> c.set(key(tokenId), "1", SetArgs.Builder.nx().px(ttlMillis)));
    return "OK".equals(reply);
  }

  /** Whether this ledger keeps its keys in {@code other}'s Redis (so one script can reach both). */
  boolean on(RedisClusterState other) {
    return redis == other;
  }

  String key(String tokenId) {
    return prefix + tokenId;
  }

  /** Milliseconds until {@code expiresAt} on this ledger's clock, at least 1. */
  long ttlMillis(Instant expiresAt) {
    return Math.max(1, Duration.between(clock.instant(), expiresAt).toMillis());
  }
}
