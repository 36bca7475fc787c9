package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The per-process {@link EnabledToolsets}: a bounded, access-ordered map with expiry. */
final class InMemoryEnabledToolsets implements EnabledToolsets {
  private record Entry(Set<String> enabled, long until) {}

  private final int maxEntries;
  private final long ttlMillis;
  private final Clock clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  InMemoryEnabledToolsets(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("maxEntries and ttl must be positive");
    }
    this.maxEntries = maxEntries;
    this.ttlMillis = ttl.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Optional<Set<String>> read(String key) {
    long now = clock.millis();
    Entry entry = entries.get(Objects.requireNonNull(key, "key"));
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.until() <= now) {
      entries.remove(key);
      return Optional.empty();
    }
    entries.put(key, new Entry(entry.enabled(), now + ttlMillis));
    return Optional.of(entry.enabled());
  }

  @Override
  public synchronized void write(String key, Set<String> enabled) {
    long now = clock.millis();
    entries.put(
        Objects.requireNonNull(key, "key"), new Entry(Set.copyOf(enabled), now + ttlMillis));
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (entries.size() > maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  @Override
  public synchronized void forget(String key) {
    entries.remove(key);
  }

  synchronized int size() {
    return entries.size();
  }
}
