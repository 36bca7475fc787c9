package dev.jamfmcp.mcp.confirm;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The per-process {@link ConsumedTokens}: a concurrent map from token id to expiry (the atomic
 * check-and-set is {@code putIfAbsent}) plus an index ordered by expiry, so every call first drops
 * the entries whose tokens have expired, oldest first, in time proportional to what it drops. The
 * bound applies to live entries only; when it is reached, redemptions are refused (throwing) rather
 * than a live entry forgotten, because forgetting one would allow a replay.
 */
final class InMemoryConsumedTokens implements ConsumedTokens {
  static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Entry(Instant expiresAt, String tokenId) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::expiresAt).thenComparing(Entry::tokenId);

  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Instant> consumed = new ConcurrentHashMap<>();
  private final NavigableSet<Entry> byExpiry = new ConcurrentSkipListSet<>(ORDER);

  InMemoryConsumedTokens(int maxEntries, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean markConsumed(String tokenId, Instant expiresAt) {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    forgetExpired(clock.instant());
    if (consumed.containsKey(tokenId)) {
      return false;
    }
    if (consumed.size() >= maxEntries) {
      throw new IllegalStateException(
          "more than " + maxEntries + " confirmations were used within their lifetime");
    }
    if (consumed.putIfAbsent(tokenId, expiresAt) != null) {
      return false;
    }
    byExpiry.add(new Entry(expiresAt, tokenId));
    return true;
  }

  /** Live entries (tests and metrics). */
  int size() {
    return consumed.size();
  }

  private void forgetExpired(Instant now) {
    for (Entry first = firstOrNull(); first != null && !now.isBefore(first.expiresAt()); ) {
      if (byExpiry.remove(first)) {
        consumed.remove(first.tokenId(), first.expiresAt());
      }
      first = firstOrNull();
    }
  }

  private Entry firstOrNull() {
    try {
      return byExpiry.first();
    } catch (NoSuchElementException e) {
      return null; // emptied by another thread
    }
  }
}
