package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.tool.ApprovalClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A write that was previewed and awaits its confirmation (or, once the approval page exists, its
 * approval): what the person must see, including the secrets the server generated for it (such as a
 * lock or erase PIN), which are shown only to the person and never to the model. Kept by the gate
 * under the id of the confirmation that was minted for it, until it expires.
 */
public record PendingAction(
    String id,
    String principal,
    String tool,
    ApprovalClass approval,
    List<String> targets,
    Preview preview,
    Map<String, String> generatedSecrets,
    Instant expiresAt) {
  public PendingAction {
    Objects.requireNonNull(id, "id");
    targets = List.copyOf(targets);
    generatedSecrets = Map.copyOf(generatedSecrets);
  }

  /** Shows secret values only as their names, so a log of this record reveals nothing. */
  @Override
  public String toString() {
    return "PendingAction[id="
        + id
        + ", principal="
        + principal
        + ", tool="
        + tool
        + ", approval="
        + approval.label()
        + ", targets="
        + targets
        + ", generatedSecrets="
        + generatedSecrets.keySet()
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
