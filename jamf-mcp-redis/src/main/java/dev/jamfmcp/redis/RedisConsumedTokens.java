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
    long ttlMillis = Math.max(1, Duration.between(clock.instant(), expiresAt).toMillis());
    String reply =
        redis.call(
            "confirmation", c -> c.set(prefix + tokenId, "1", SetArgs.Builder.nx().px(ttlMillis)));
    return "OK".equals(reply);
  }
}
