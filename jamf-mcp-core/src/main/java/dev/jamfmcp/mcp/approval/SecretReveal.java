package dev.jamfmcp.mcp.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret read after a person approved seeing it (a FileVault recovery key, a LAPS password, a
 * device-lock PIN), waiting to be shown once on that approval's page and never to the model.
 *
 * @param approvalId the approval that allowed it
 * @param label what it is, e.g. "FileVault personal recovery key of MBP-0042"
 * @param secret the value; never logged, never in {@link #toString()}
 * @param readAt when it was read from Jamf Pro
 */
public record SecretReveal(String approvalId, String label, String secret, Instant readAt) {
  public SecretReveal {
    Objects.requireNonNull(approvalId, "approvalId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(readAt, "readAt");
  }

  @Override
  public String toString() {
    return "SecretReveal[approvalId=" + approvalId + ", label=" + label + ", secret=set]";
  }
}
