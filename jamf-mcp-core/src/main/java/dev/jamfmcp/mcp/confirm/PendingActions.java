package dev.jamfmcp.mcp.confirm;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's pending actions, by confirmation id, each dropped once it expires. Bounded: when
 * full of live entries, {@link #put} refuses (the gate then refuses to mint a confirmation that
 * would need one), rather than forgetting a live action.
 */
final class PendingActions implements PendingActionStore {
  static final int MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final Map<String, PendingAction> byId = new ConcurrentHashMap<>();

  PendingActions(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean put(PendingAction action) {
    forgetExpired();
    if (byId.size() >= MAX_ENTRIES) {
      return false;
    }
    byId.put(action.id(), action);
    return true;
  }

  @Override
  public Optional<PendingAction> get(String id) {
    if (id == null) {
      return Optional.empty();
    }
    PendingAction action = byId.get(id);
    if (action == null || !clock.instant().isBefore(action.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(action);
  }

  @Override
  public void remove(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  private void forgetExpired() {
    var now = clock.instant();
    byId.values().removeIf(a -> !now.isBefore(a.expiresAt()));
  }
}
