package dev.jamfmcp.mcp.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * Where pending approvals live (SPI). In memory by default ({@link InMemoryApprovalStore}); a
 * shared store lets any instance serve the page and the caller's next call. Every change goes
 * through {@link #compareAndSet}, so two decisions or two redemptions racing cannot both win.
 */
public interface ApprovalStore {
  /**
   * Stores a new approval.
   *
   * @throws IllegalStateException if the id is taken or the store is full
   */
  void create(PendingApproval approval);

  /** The approval with this id, if the store still holds it. */
  Optional<PendingApproval> find(String id);

  /**
   * Replaces the approval with {@code next} only if the stored one still has {@code
   * expectedVersion}.
   *
   * @return whether it was replaced
   */
  boolean compareAndSet(String id, long expectedVersion, PendingApproval next);

  /** Forgets approvals that expired before {@code cutoff}. */
  void purgeExpiredBefore(Instant cutoff);
}
