package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.InMemoryRateLimitBuckets;
import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis: one script per request reads the bucket (a hash of tokens and the time it
 * was last filled, on Redis's own clock so instances' clocks do not matter), refills, takes, and
 * sets it to expire when it would be full again. Atomic per key across instances. While Redis
 * cannot answer, each instance limits on its own buckets (a limit per instance rather than none),
 * and says so in the log at most once a minute.
 */
final class RedisRateLimitBuckets implements RateLimitBuckets {
  private static final Logger log = LoggerFactory.getLogger(RedisRateLimitBuckets.class);
  private static final String SCRIPT =
      """
      local rate = tonumber(ARGV[1])
      local burst = tonumber(ARGV[2])
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(b[1])
      local at = tonumber(b[2])
      if tokens == nil or at == nil then tokens = burst; at = now end
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local wait = 0
      if tokens >= 1 then tokens = tokens - 1
      else wait = math.ceil((1 - tokens) / rate) end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return wait
      """;

  private final RedisClusterState redis;
  private final String keyPrefix;
  private final String perMillis;
  private final String burst;
  private final InMemoryRateLimitBuckets fallback;
  private final AtomicLong lastWarned = new AtomicLong();

  RedisRateLimitBuckets(RedisClusterState redis, String keyPrefix, double perSecond, int burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.perMillis = Double.toString(perSecond / 1000.0);
    this.burst = Integer.toString(burst);
    this.fallback =
        RateLimitBuckets.inMemory(
            perSecond, burst, 10_000, Duration.ofMinutes(10), Clock.systemUTC());
  }

  @Override
  public long tryAcquire(String key) {
    String redisKey = keyPrefix + hash(key);
    try {
      Long waitMillis =
          redis.call(
              "rate-limit",
              c ->
                  c.eval(
                      SCRIPT, ScriptOutputType.INTEGER, new String[] {redisKey}, perMillis, burst));
      return waitMillis == null || waitMillis <= 0 ? 0 : Math.max(1, (waitMillis + 999) / 1000);
    } catch (StoreUnavailableException e) {
      long now = System.currentTimeMillis();
      long last = lastWarned.get();
      if (now - last > 60_000 && lastWarned.compareAndSet(last, now)) {
        log.warn("Rate limits are per instance while Redis is unavailable: {}", e.getMessage());
      }
      return fallback.tryAcquire(key);
    }
  }

  /** Subjects can be long or odd; keys get a fixed-size digest of them. */
  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
