package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-process {@link EndedSessions}: a bounded map from session id to the time its record may
 * go. When full, the record closest to expiring goes first: that id is the closest to being
 * unusable on its own.
 */
final class InMemoryEndedSessions implements EndedSessions {
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Instant> ended = new ConcurrentHashMap<>();

  InMemoryEndedSessions(int maxEntries, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void end(String sessionId, Instant until) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(until, "until");
    Instant now = clock.instant();
    ended.values().removeIf(at -> !now.isBefore(at));
    while (ended.size() >= maxEntries) {
      ended.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> ended.remove(oldest.getKey(), oldest.getValue()));
    }
    ended.put(sessionId, until);
  }

  @Override
  public boolean isEnded(String sessionId) {
    Instant until = ended.get(sessionId);
    return until != null && clock.instant().isBefore(until);
  }

  int size() {
    return ended.size();
  }
}
