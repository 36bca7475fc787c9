package dev.jamfmcp.mcp.approval;

import java.util.List;
import java.util.Objects;

/**
 * What a person is asked to approve: who asked, what will run on which targets, and what the
 * preview the caller saw hashed to (the action is bound to that digest).
 *
 * @param subject the principal that asked (the token's {@code sub})
 * @param tool the tool that will run, e.g. {@code eraseDevice}
 * @param action a short human label of the action, e.g. "Erase"
 * @param summary one sentence describing what will happen
 * @param targets the resolved targets, in the order shown
 * @param irreversible what cannot be undone, in plain words; may be empty
 * @param phrase the phrase the person must type to approve
 * @param secret a secret to show only on the page (e.g. a generated PIN); {@code null} when none.
 *     Never logged, never in {@link #toString()}
 * @param previewDigest the digest of the preview the caller received
 */
public record ApprovalRequest(
    String subject,
    String tool,
    String action,
    String summary,
    List<ApprovalTarget> targets,
    String irreversible,
    String phrase,
    String secret,
    String previewDigest) {
  public ApprovalRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(summary, "summary");
    targets = List.copyOf(targets);
    irreversible = irreversible == null ? "" : irreversible;
    Objects.requireNonNull(phrase, "phrase");
    if (phrase.isBlank()) {
      throw new IllegalArgumentException("the phrase to type must not be blank");
    }
    Objects.requireNonNull(previewDigest, "previewDigest");
  }

  /** Whether a secret is shown on the page. */
  public boolean hasSecret() {
    return secret != null && !secret.isEmpty();
  }

  @Override
  public String toString() {
    return "ApprovalRequest[subject="
        + subject
        + ", tool="
        + tool
        + ", action="
        + action
        + ", targets="
        + targets.size()
        + ", secret="
        + (hasSecret() ? "set" : "none")
        + "]";
  }
}
