package dev.jamfmcp.mcp.approval;

/**
 * Where a pending approval stands. Every state but {@link #PENDING} and {@link #APPROVED} is final.
 */
public enum ApprovalState {
  /** Waiting for a person (or, with four eyes, for the second person). */
  PENDING,
  /** Approved; the caller may redeem it once. */
  APPROVED,
  /** Declined by a person. */
  DECLINED,
  /** Not decided, or not redeemed, in time. */
  EXPIRED,
  /** Approved and redeemed: the action ran (or was handed to run). */
  USED;

  /** Whether a person has made the final decision or time ran out. */
  public boolean decided() {
    return this != PENDING;
  }
}
