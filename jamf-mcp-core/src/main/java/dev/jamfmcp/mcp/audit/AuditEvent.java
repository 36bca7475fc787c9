package dev.jamfmcp.mcp.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One executed write: who, when, what, on which targets, and what Jamf Pro answered.
 *
 * @param principal the caller's subject
 * @param tool the tool that ran
 * @param arguments the arguments as confirmed (without the confirmation token)
 * @param targets the objects acted on, e.g. "computer:42"
 * @param outcome "succeeded", "partially_succeeded" or "failed"
 * @param jamfResponse what Jamf Pro returned (ids of commands queued, statuses), never secrets
 */
public record AuditEvent(
    Instant time,
    String principal,
    String tool,
    JsonNode arguments,
    List<String> targets,
    String outcome,
    JsonNode jamfResponse) {
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(tool, "tool");
    targets = List.copyOf(targets);
    Objects.requireNonNull(outcome, "outcome");
  }
}
