package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.GatedWrite;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * setPolicyEnabled: switches a policy on or off, a {@code confirm} write (reversible: the same call
 * with the other value undoes it). Only the policy's {@code enabled} flag is sent to Jamf.
 */
final class SetPolicyEnabled {
  static final String NAME = "setPolicyEnabled";

  private final ToolSupport support;

  SetPolicyEnabled(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        PolicyTools.policyChoice()
            .bool("enabled", "true: switch the policy on; false: switch it off", null)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("enabled")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("policy", Schemas.typed("object", "id and name"))
            .property("enabled", Schemas.typed("boolean", "The policy's state now"))
            .property("changed", Schemas.typed("boolean", "False when it was already so"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Enable or disable a policy")
        .description(
            "Switches a Jamf Pro policy on (enabled=true) or off (enabled=false); nothing else of"
                + " the policy changes. A disabled policy runs on no computer (no check-in, trigger"
                + " or Self Service run) until enabled again. Give policyId or policyName. The"
                + " first call returns a preview the user must confirm. "
                + ApprovalClass.CONFIRM.sentence())
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(true))
        .approvalClass(ApprovalClass.CONFIRM)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    boolean enabled = args.path("enabled").asBoolean();
    int policyId;
    Policy.General general;
    try {
      policyId = PolicyLookup.resolve(support.jamf(), args);
      general = support.jamf().policies().get(policyId).general();
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    String label = "policy '" + general.name() + "' (id " + policyId + ")";
    String verb = enabled ? "enable" : "disable";
    if (Boolean.valueOf(enabled).equals(general.enabled())) {
      return result(
          policyId,
          general.name(),
          enabled,
          false,
          "The " + label + " is already " + verb + "d; nothing was changed.");
    }
    Preview preview =
        Preview.of(
            Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " " + label,
            enabled
                ? "The policy runs again for the computers in its scope, at their next check-in"
                    + " or trigger. Undo: disable it."
                : "The policy stops running on every computer (check-in, triggers, Self Service)"
                    + " until it is enabled again. Undo: enable it.",
            List.of(label),
            false);
    ConfirmationGate.Decision decision =
        support
            .gate()
            .check(
                GatedWrite.of(
                    NAME, ApprovalClass.CONFIRM, args, List.of("policy:" + policyId), preview),
                ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    try {
      support.jamf().policies().setEnabled(policyId, enabled);
    } catch (JamfException e) {
      ToolBodies.audit(
          support, ctx, NAME, args, List.of("policy:" + policyId), "failed", Json.object());
      throw JamfFailures.onWrite(e, null);
    }
    ToolBodies.audit(
        support, ctx, NAME, args, List.of("policy:" + policyId), "succeeded", Json.object());
    return result(
        policyId, general.name(), enabled, true, "The " + label + " is now " + verb + "d.");
  }

  private static ToolResult result(
      int policyId, String name, boolean enabled, boolean changed, String text) {
    ObjectNode out = Json.object().put("status", "executed");
    out.putObject("policy").put("id", String.valueOf(policyId)).put("name", name);
    out.put("enabled", enabled).put("changed", changed);
    return ToolResult.structured(text, out);
  }
}
