package dev.jamfmcp.mcp.tool;

/**
 * How much a person must be involved before a write runs. Every write tool declares the highest
 * class any of its calls can need ({@link Tool#approvalClass()}); each call passes the gate the
 * class of what it is about to do (an MDM command type, for instance, or removing group members
 * rather than only adding them).
 */
public enum ApprovalClass {
  /** Harmless (a blank push, an inventory request): the gate lets it run without asking. */
  NONE("none", "runs at once, nothing to confirm"),
  /** Reversible: the user confirms a preview (dialog, or a confirmation token). */
  CONFIRM("confirm", "reversible; the user confirms a preview first"),
  /**
   * Destructive or hard to undo (erase, lock, lost mode, clear passcode, restart, shut down,
   * removing group members, re-running a policy on several computers, anything revealing a secret):
   * a person approves it. Until the approval page exists these take the confirmation path.
   */
  APPROVE("approve", "destructive or hard to undo; a person must approve it");

  private final String label;
  private final String meaning;

  ApprovalClass(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** {@code none}, {@code confirm} or {@code approve}, as docs and descriptions spell it. */
  public String label() {
    return label;
  }

  /** One sentence for tool descriptions, e.g. "Approval class: approve (destructive ...)." */
  public String sentence() {
    return "Approval class: " + label + " (" + meaning + ").";
  }

  /** The stricter of the two. */
  public ApprovalClass atLeast(ApprovalClass other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
