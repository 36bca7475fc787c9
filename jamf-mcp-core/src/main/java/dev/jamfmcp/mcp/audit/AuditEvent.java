package dev.jamfmcp.mcp.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One thing that happened to a write: its preview, the user's confirmation or decline, a refused
 * confirmation (with the reason), its execution with what Jamf Pro answered. Secret arguments are
 * already redacted ({@link Secrets}) when an event is made.
 *
 * @param event {@code preview}, {@code confirmed}, {@code declined}, {@code refused} or {@code
 *     executed}
 * @param reason why it was declined or refused ({@code expired}, {@code replayed}, {@code
 *     wrong_kind}, {@code targets_changed} ...), or null
 * @param principal the caller's subject
 * @param tool the tool that ran
 * @param arguments the arguments as confirmed (without the confirmation token)
 * @param targets the objects acted on, e.g. "computer:42"
 * @param outcome for executed writes "succeeded", "partially_succeeded" or "failed"; otherwise the
 *     event again (e.g. "refused")
 * @param jamfResponse what Jamf Pro returned (ids of commands queued, statuses), never secrets
 */
public record AuditEvent(
    Instant time,
    String principal,
    String tool,
    JsonNode arguments,
    List<String> targets,
    String outcome,
    JsonNode jamfResponse,
    String event,
    String reason) {
  public static final String PREVIEW = "preview";
  public static final String CONFIRMED = "confirmed";
  public static final String DECLINED = "declined";
  public static final String REFUSED = "refused";
  public static final String EXECUTED = "executed";

  /** An approval was opened on the approval page (only its URL went to the caller). */
  public static final String APPROVAL_OPENED = "approval_opened";

  /** An approval a person gave on the page was redeemed: the action runs once. */
  public static final String APPROVAL_REDEEMED = "approval_redeemed";

  /** An executed write. */
  public AuditEvent(
      Instant time,
      String principal,
      String tool,
      JsonNode arguments,
      List<String> targets,
      String outcome,
      JsonNode jamfResponse) {
    this(time, principal, tool, arguments, targets, outcome, jamfResponse, EXECUTED, null);
  }

  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(tool, "tool");
    targets = List.copyOf(targets);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(event, "event");
  }
}
