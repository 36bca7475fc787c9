package dev.jamfmcp.mcp.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The approvals of one instance, in memory, bounded. */
public final class InMemoryApprovalStore implements ApprovalStore {
  /** The default bound: far above what people approve in ten minutes. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final ConcurrentMap<String, PendingApproval> approvals = new ConcurrentHashMap<>();
  private final int maxEntries;

  public InMemoryApprovalStore() {
    this(DEFAULT_MAX_ENTRIES);
  }

  public InMemoryApprovalStore(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public void create(PendingApproval approval) {
    Objects.requireNonNull(approval);
    if (approvals.size() >= maxEntries) {
      throw new IllegalStateException("too many pending approvals");
    }
    if (approvals.putIfAbsent(approval.id(), approval) != null) {
      throw new IllegalStateException("approval id already in use");
    }
  }

  @Override
  public Optional<PendingApproval> find(String id) {
    return Optional.ofNullable(approvals.get(id));
  }

  @Override
  public boolean compareAndSet(String id, long expectedVersion, PendingApproval next) {
    if (!next.id().equals(id)) {
      throw new IllegalArgumentException("an approval cannot change its id");
    }
    boolean[] replaced = {false};
    approvals.computeIfPresent(
        id,
        (key, current) -> {
          if (current.version() != expectedVersion) {
            return current;
          }
          replaced[0] = true;
          return next;
        });
    return replaced[0];
  }

  @Override
  public void purgeExpiredBefore(Instant cutoff) {
    approvals.values().removeIf(a -> a.expiresAt().isBefore(cutoff));
  }

  /** How many approvals are held (for tests and metrics). */
  public int size() {
    return approvals.size();
  }
}
