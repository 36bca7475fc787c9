package dev.jamfmcp.mcp.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An approval as stored: the request, its state, who approved so far, and a version that every
 * change increments (the store's compare-and-set compares it).
 *
 * @param id the approval id ({@code ap_} and 32 hex digits)
 * @param request what is to be approved
 * @param state where it stands
 * @param createdAt when it was opened
 * @param expiresAt when it stops being decidable or redeemable
 * @param secondPersonRequired whether two different people must approve
 * @param approvedBy the subjects that approved so far, in order
 * @param declinedBy the subject that declined; {@code null} unless declined
 * @param version incremented on every change
 */
public record PendingApproval(
    String id,
    ApprovalRequest request,
    ApprovalState state,
    Instant createdAt,
    Instant expiresAt,
    boolean secondPersonRequired,
    List<String> approvedBy,
    String declinedBy,
    long version) {
  public PendingApproval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    approvedBy = List.copyOf(approvedBy);
  }

  /** Whether it is past its expiry at {@code now} (and so no longer decidable or redeemable). */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** How many approvals it needs in all. */
  public int approvalsNeeded() {
    return secondPersonRequired ? 2 : 1;
  }

  PendingApproval withState(ApprovalState next) {
    return new PendingApproval(
        id,
        request,
        next,
        createdAt,
        expiresAt,
        secondPersonRequired,
        approvedBy,
        declinedBy,
        version + 1);
  }

  PendingApproval approvedBy(String subject) {
    List<String> approvers = new ArrayList<>(approvedBy);
    approvers.add(subject);
    ApprovalState next =
        approvers.size() >= approvalsNeeded() ? ApprovalState.APPROVED : ApprovalState.PENDING;
    return new PendingApproval(
        id,
        request,
        next,
        createdAt,
        expiresAt,
        secondPersonRequired,
        approvers,
        declinedBy,
        version + 1);
  }

  PendingApproval declinedBy(String subject) {
    return new PendingApproval(
        id,
        request,
        ApprovalState.DECLINED,
        createdAt,
        expiresAt,
        secondPersonRequired,
        approvedBy,
        subject,
        version + 1);
  }
}
