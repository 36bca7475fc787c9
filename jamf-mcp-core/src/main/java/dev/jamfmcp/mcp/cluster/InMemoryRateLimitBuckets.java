package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-process {@link RateLimitBuckets}. Memory is bounded: at most {@code maxKeys} buckets, the
 * least recently used dropped first, and buckets idle longer than {@code idleEviction} dropped as
 * they are passed. A dropped bucket comes back full, which is what an idle bucket would have become
 * anyway.
 */
public final class InMemoryRateLimitBuckets implements RateLimitBuckets {
  private final double perSecond;
  private final int burst;
  private final int maxKeys;
  private final long idleMillis;
  private final Clock clock;
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  InMemoryRateLimitBuckets(
      double perSecond, int burst, int maxKeys, Duration idleEviction, Clock clock) {
    if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
      throw new IllegalArgumentException("rate, burst and maxKeys must be positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.maxKeys = maxKeys;
    this.idleMillis = idleEviction.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized long tryAcquire(String key) {
    long now = clock.millis();
    evictIdle(now);
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      bucket = new Bucket(burst, now);
      buckets.put(key, bucket);
      if (buckets.size() > maxKeys) {
        Iterator<String> eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    } else {
      double elapsed = Math.max(0, now - bucket.updated) / 1000.0;
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
      bucket.updated = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
  }

  /** Buckets held now. */
  public synchronized int size() {
    return buckets.size();
  }

  // Access order puts the least recently used first: stop at the first one still fresh.
  private void evictIdle(long now) {
    Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue().updated < idleMillis) {
        return;
      }
      it.remove();
    }
  }
}
