package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import io.lettuce.core.GetExArgs;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each session's toolsets as one Redis string: {@code <prefix>toolsets:<key>} = the names joined by
 * commas (empty: every toolset off), expiring {@code ttl} after its last read or write ({@code
 * GETEX ... PX}, Redis 6.2+), so a session in use keeps its choice and an abandoned one goes on its
 * own; a DELETE drops it at once. One command per read or write; the engine reads only on {@code
 * tools/list}, {@code listToolsets} and a call of a tool it did not know was on.
 */
final class RedisEnabledToolsets implements EnabledToolsets {
  private final RedisClusterState redis;
  private final String prefix;
  private final long ttlMillis;

  RedisEnabledToolsets(RedisClusterState redis, String keyPrefix, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    this.redis = redis;
    this.prefix = keyPrefix + "toolsets:";
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public Optional<Set<String>> read(String key) {
    String value =
        redis.call(
            "toolsets",
            c ->
                c.getex(
                    prefix + Objects.requireNonNull(key, "key"), GetExArgs.Builder.px(ttlMillis)));
    if (value == null) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    Arrays.stream(value.split(",")).filter(n -> !n.isBlank()).forEach(names::add);
    return Optional.of(Set.copyOf(names));
  }

  @Override
  public void write(String key, Set<String> enabled) {
    String value = String.join(",", new TreeSet<>(enabled));
    redis.call(
        "toolsets",
        c ->
            c.set(
                prefix + Objects.requireNonNull(key, "key"), value, SetArgs.Builder.px(ttlMillis)));
  }

  @Override
  public void forget(String key) {
    redis.call("toolsets", c -> c.del(prefix + Objects.requireNonNull(key, "key")));
  }
}
