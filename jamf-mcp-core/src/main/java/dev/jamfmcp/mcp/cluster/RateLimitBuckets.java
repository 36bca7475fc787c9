package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Duration;

/**
 * SPI: token buckets by key (a principal's subject, an IP address), {@code burst} requests at once
 * refilled at a fixed rate per second, both fixed when the buckets are made. One instance keeps
 * them in memory ({@link #inMemory}); a fleet shares them so that a principal's limit is the limit
 * of the fleet, not of each instance.
 *
 * <p>Contract for implementations: {@link #tryAcquire} is atomic for one key across every instance
 * sharing the buckets; when a shared store cannot answer, an implementation may fall back to a
 * per-instance bucket (a rate limit is protection, not a safety invariant) but must not block the
 * request for longer than its store timeout.
 */
@FunctionalInterface
public interface RateLimitBuckets {

  /** Takes one token: 0 when the request may go on, otherwise the whole seconds to wait (>= 1). */
  long tryAcquire(String key);

  /**
   * Buckets in this process's memory: at most {@code maxKeys}, the least recently used dropped
   * first, and buckets idle longer than {@code idleEviction} dropped as they are passed.
   */
  static InMemoryRateLimitBuckets inMemory(
      double perSecond, int burst, int maxKeys, Duration idleEviction, Clock clock) {
    return new InMemoryRateLimitBuckets(perSecond, burst, maxKeys, idleEviction, clock);
  }
}
