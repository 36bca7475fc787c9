package dev.jamfmcp.javalin.ratelimit;

import dev.jamfmcp.mcp.cluster.InMemoryRateLimitBuckets;
import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets by key (an IP address, a principal) in this process's memory: {@code burst}
 * requests at once, refilled at {@code perSecond}. Memory is bounded: at most {@code maxKeys}
 * buckets, the least recently used dropped first, and buckets idle longer than {@code idleEviction}
 * dropped as they are passed. A dropped bucket comes back full, which is what an idle bucket would
 * have become anyway. (The buckets are core's {@link RateLimitBuckets#inMemory}.)
 */
public final class RateLimiter implements RateLimitBuckets {
  private final InMemoryRateLimitBuckets buckets;

  public RateLimiter(double perSecond, int burst, int maxKeys, Duration idleEviction, Clock clock) {
    this.buckets = RateLimitBuckets.inMemory(perSecond, burst, maxKeys, idleEviction, clock);
  }

  /** Takes one token: 0 when allowed, otherwise the whole seconds to wait (at least 1). */
  @Override
  public long tryAcquire(String key) {
    return buckets.tryAcquire(key);
  }

  /** Buckets held now. */
  public int size() {
    return buckets.size();
  }
}
