package dev.jamfmcp.mcp.confirm;

import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One write call as the gate judges it.
 *
 * @param tool the tool's name
 * @param approval the class of what this call would do (may be lower than the tool's highest)
 * @param arguments the call's arguments as received, the confirmation token (if any) among them
 * @param targets what the confirmation is bound to: the resolved objects, with every id that
 *     addresses them (e.g. {@code computer:42 managementId=...}); if they resolve differently when
 *     the confirmation comes back, nothing runs and the caller gets a fresh preview
 * @param preview what the user is shown
 * @param inputSchema the tool's input schema, whose secret markers ({@link
 *     dev.jamfmcp.mcp.audit.Secrets}) say what audit lines redact; null when nothing is secret
 * @param generatedSecrets secrets the server made up for this action (e.g. a PIN): kept in the
 *     pending action for the person, never shown to the model, handed back on {@link
 *     ConfirmationGate.Decision.Proceed}
 * @param approvalTargets the resolved targets as the approval page shows them (name, serial, ids);
 *     empty when the tool gives none (the page then shows the preview's target lines)
 */
public record GatedWrite(
    String tool,
    ApprovalClass approval,
    ObjectNode arguments,
    List<String> targets,
    Preview preview,
    ObjectNode inputSchema,
    Map<String, String> generatedSecrets,
    List<ApprovalTarget> approvalTargets) {
  public GatedWrite {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(arguments, "arguments");
    targets = List.copyOf(targets);
    Objects.requireNonNull(preview, "preview");
    generatedSecrets = Map.copyOf(generatedSecrets);
    approvalTargets = List.copyOf(approvalTargets);
  }

  public static GatedWrite of(
      String tool,
      ApprovalClass approval,
      ObjectNode arguments,
      List<String> targets,
      Preview preview) {
    return new GatedWrite(tool, approval, arguments, targets, preview, null, Map.of(), List.of());
  }

  public GatedWrite withInputSchema(ObjectNode schema) {
    return new GatedWrite(
        tool, approval, arguments, targets, preview, schema, generatedSecrets, approvalTargets);
  }

  public GatedWrite withGeneratedSecret(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(generatedSecrets);
    more.put(name, value);
    return new GatedWrite(
        tool, approval, arguments, targets, preview, inputSchema, more, approvalTargets);
  }

  /** This write with the targets as the approval page shows them. */
  public GatedWrite withApprovalTargets(List<ApprovalTarget> shown) {
    return new GatedWrite(
        tool, approval, arguments, targets, preview, inputSchema, generatedSecrets, shown);
  }

  /** Shows secret values only as their names, so a log of this record reveals nothing. */
  @Override
  public String toString() {
    return "GatedWrite[tool="
        + tool
        + ", approval="
        + approval.label()
        + ", targets="
        + targets
        + ", generatedSecrets="
        + generatedSecrets.keySet()
        + "]";
  }
}
