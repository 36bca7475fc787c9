package dev.jamfmcp.mcp.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reveals of one instance, bounded, each dropped when it expires. */
final class InMemorySecretReveals implements SecretReveals {
  static final int MAX_ENTRIES = 10_000;

  private record Held(SecretReveal reveal, Instant until) {}

  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  InMemorySecretReveals(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(SecretReveal reveal, Instant until) {
    Instant now = clock.instant();
    held.values().removeIf(h -> !now.isBefore(h.until()));
    if (held.size() >= MAX_ENTRIES) {
      throw new IllegalStateException("too many secrets waiting to be shown");
    }
    held.put(reveal.approvalId(), new Held(reveal, until));
  }

  @Override
  public Optional<SecretReveal> take(String approvalId) {
    Held h = approvalId == null ? null : held.remove(approvalId);
    return h == null || !clock.instant().isBefore(h.until())
        ? Optional.empty()
        : Optional.of(h.reveal());
  }
}
