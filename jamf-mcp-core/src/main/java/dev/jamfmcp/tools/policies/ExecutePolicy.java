package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.GatedWrite;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ApprovalClass;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * executePolicy: Jamf has no "run this policy on that computer now". What it allows, and what this
 * does: check each computer is in the policy's scope (others are reported, not touched), flush the
 * policy's log for those computers so that a once-per-computer policy runs again, and send a blank
 * push. A blank push wakes the Mac's MDM client only: it does not start the Jamf agent's check-in,
 * so the policy still runs at the next recurring check-in. The answer says which of these happened
 * and when the policy will actually run.
 */
final class ExecutePolicy {
  static final String NAME = "executePolicy";
  static final String LIMITATIONS =
      "Jamf also applies the policy's limitations (users, network"
          + " segments) at check-in; they are not checked here.";

  private final ToolSupport support;

  ExecutePolicy(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        PolicyTools.policyChoice()
            .strings(
                "deviceIdentifiers",
                "The computers: computer:<id>, a plain id, a serial" + " number or an exact name",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required("deviceIdentifiers")
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("policy", Schemas.typed("object", "id and name"))
            .property(
                "outcome", Schemas.typed("string", "succeeded, partially_succeeded or failed"))
            .property(
                "steps",
                Schemas.typed(
                    "object",
                    "scopeCheck, logFlush and blankPush, each"
                        + " with status done, skipped, failed or unknown"))
            .property(
                "devices",
                Schemas.arrayOf(
                    Schemas.typed(
                        "object", "ref, name, serial, inScope, reason, logFlushed, pushed")))
            .property("next", Schemas.typed("string", "When the policy will really run"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Re-run a policy on computers")
        .description(
            "Makes a policy run again on chosen computers, in the only ways Jamf Pro"
                + " allows (it has no 'run now' call): checks each computer is in the policy's"
                + " scope (those that are not are reported and left alone), flushes the policy's log"
                + " for them so that a once-per-computer policy runs again, and, if the policy runs"
                + " at check-in, sends a blank push (it wakes the Mac's MDM client, e.g. for pending"
                + " MDM commands; it does not start the Jamf agent's check-in). The policy then"
                + " runs at each computer's next check-in. Give policyId or policyName. The first"
                + " call changes nothing and returns a preview to confirm. "
                + ApprovalClass.APPROVE.sentence()
                + " Re-running on more than one computer is approve; on one computer, confirm.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(false))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    int policyId;
    Policy policy;
    List<Device> devices;
    Map<Device, PolicyScopeCheck.Verdict> verdicts = new LinkedHashMap<>();
    try {
      policyId = PolicyLookup.resolve(support.jamf(), args);
      policy = support.jamf().policies().get(policyId);
      devices =
          new DeviceTargets(support.jamf())
              .resolve(ToolBodies.strings(args, "deviceIdentifiers"))
              .requireAll();
      List<String> mobiles =
          devices.stream().filter(d -> d.kind() != Kind.COMPUTER).map(Device::describe).toList();
      if (!mobiles.isEmpty()) {
        throw new ToolException(
            "Policies run on computers only, not on "
                + String.join("; ", mobiles)
                + ". Nothing was done.");
      }
      PolicyScopeCheck scope = new PolicyScopeCheck(support.jamf());
      devices.forEach(d -> verdicts.put(d, scope.check(policy.scope(), d)));
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    Policy.General general = policy.general();
    String label = "policy '" + general.name() + "' (id " + policyId + ")";
    if (Boolean.FALSE.equals(general.enabled())) {
      throw new ToolException(
          "The "
              + label
              + " is disabled, so it runs nowhere; someone must"
              + " enable it in Jamf Pro first. Nothing was done.");
    }
    List<Device> inScope = devices.stream().filter(d -> verdicts.get(d).inScope()).toList();
    List<String> outOfScope =
        devices.stream()
            .filter(d -> !verdicts.get(d).inScope())
            .map(d -> d.describe() + ": " + verdicts.get(d).reason())
            .toList();
    if (inScope.isEmpty()) {
      throw new ToolException(
          "None of the computers is in the scope of the "
              + label
              + ":\n- "
              + String.join("\n- ", outOfScope)
              + "\nNothing was done. Change the scope in Jamf"
              + " Pro (or add them to a scoped static group) first.");
    }
    boolean flush = !PolicyJson.ongoing(general);
    boolean push = PolicyJson.runsAtCheckIn(general);
    if (!flush && !push) {
      throw new ToolException(
          "Nothing Jamf allows would make the "
              + label
              + " run: it does"
              + " not run at check-in and its frequency is Ongoing, so there is no log to flush. "
              + PolicyJson.howItRuns(policy)
              + " Nothing was done.");
    }
    List<Device> pushable = inScope.stream().filter(d -> d.managementId() != null).toList();
    String next = next(policy, push);
    Preview preview =
        Preview.of(
            "Re-run the "
                + label
                + " on "
                + inScope.size()
                + (inScope.size() == 1 ? " computer" : " computers"),
            (flush ? "The policy's log is flushed for them, so that it runs again. " : "")
                + (push
                    ? "They get a blank push (it wakes MDM only; it does not make the policy run"
                        + " sooner). "
                    : "")
                + next
                + (outOfScope.isEmpty()
                    ? ""
                    : " Left alone (not in scope): " + String.join("; ", outOfScope) + "."),
            inScope.stream().map(Device::describe).toList(),
            false);
    List<String> bound = new java.util.ArrayList<>();
    bound.add("policy:" + policyId);
    inScope.forEach(d -> bound.add(d.binding()));
    ApprovalClass approval = inScope.size() > 1 ? ApprovalClass.APPROVE : ApprovalClass.CONFIRM;
    ConfirmationGate.Decision decision =
        support
            .gate()
            .check(
                GatedWrite.of(NAME, approval, args, bound, preview)
                    .withApprovalTargets(inScope.stream().map(Device::approvalTarget).toList()),
                ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    return execute(
        args, ctx, policyId, general, devices, verdicts, inScope, pushable, flush, push, next);
  }

  private ToolResult execute(
      ObjectNode args,
      RequestContext ctx,
      int policyId,
      Policy.General general,
      List<Device> devices,
      Map<Device, PolicyScopeCheck.Verdict> verdicts,
      List<Device> inScope,
      List<Device> pushable,
      boolean flush,
      boolean push,
      String next) {
    ObjectNode steps = Json.object();
    steps
        .putObject("scopeCheck")
        .put("status", "done")
        .put("inScope", inScope.size())
        .put("outOfScope", devices.size() - inScope.size())
        .put("note", LIMITATIONS);
    String failure = null;
    boolean flushed = false;
    if (flush) {
      try {
        support
            .jamf()
            .policies()
            .flushLog(policyId, inScope.stream().map(d -> Integer.parseInt(d.id())).toList());
        flushed = true;
        steps.putObject("logFlush").put("status", "done");
      } catch (JamfException e) {
        boolean maybe = ToolBodies.outcomeUnknown(e);
        steps
            .putObject("logFlush")
            .put("status", maybe ? "unknown" : "failed")
            .put("error", e.getMessage());
        failure =
            "the log flush "
                + (maybe ? "got no answer (it may or may not have happened)" : "was refused")
                + ": "
                + e.getMessage();
      }
    } else {
      steps
          .putObject("logFlush")
          .put("status", "skipped")
          .put("why", "the policy's frequency is Ongoing: it runs every time anyway");
    }
    Set<String> refused = Set.of();
    boolean pushed = false;
    if (!push) {
      steps
          .putObject("blankPush")
          .put("status", "skipped")
          .put("why", "the policy does not run at check-in, so a check-in would not run it");
    } else if (failure != null) {
      steps.putObject("blankPush").put("status", "not_attempted");
    } else if (pushable.isEmpty()) {
      steps
          .putObject("blankPush")
          .put("status", "skipped")
          .put("why", "none of the computers has an MDM management id");
    } else {
      try {
        refused =
            Set.copyOf(
                support
                    .jamf()
                    .mdm()
                    .blankPush(pushable.stream().map(Device::managementId).toList()));
        pushed = true;
        steps
            .putObject("blankPush")
            .put("status", refused.isEmpty() ? "done" : "partial")
            .put("refused", refused.size());
      } catch (JamfException e) {
        boolean maybe = ToolBodies.outcomeUnknown(e);
        steps
            .putObject("blankPush")
            .put("status", maybe ? "unknown" : "failed")
            .put("error", e.getMessage());
        failure =
            "the blank push "
                + (maybe ? "got no answer (it may or may not have been" + " sent)" : "was refused")
                + ": "
                + e.getMessage();
      }
    }
    ArrayNode entries = Json.mapper().createArrayNode();
    for (Device d : devices) {
      PolicyScopeCheck.Verdict v = verdicts.get(d);
      ObjectNode entry =
          entries
              .addObject()
              .put("ref", d.ref())
              .put("name", d.name())
              .put("serial", d.serial())
              .put("inScope", v.inScope())
              .put("reason", v.reason());
      entry.put("logFlushed", v.inScope() && flushed);
      entry.put(
          "pushed",
          v.inScope() && pushed && d.managementId() != null && !refused.contains(d.managementId()));
    }
    String outcome =
        failure == null && refused.isEmpty()
            ? "succeeded"
            : flushed || pushed ? "partially_succeeded" : "failed";
    ObjectNode response = Json.object();
    response.set("steps", steps.deepCopy());
    ToolBodies.audit(
        support, ctx, NAME, args, inScope.stream().map(Device::ref).toList(), outcome, response);
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("outcome", outcome)
            .put(
                "next",
                failure == null
                    ? next
                    : "The policy may not run again on these computers"
                        + " until the failed step succeeds.");
    out.putObject("policy").put("id", String.valueOf(policyId)).put("name", general.name());
    out.set("steps", steps);
    out.set("devices", entries);
    StringBuilder text = new StringBuilder(failure == null ? "Done" : "NOT COMPLETE");
    text.append(" for ")
        .append(inScope.size())
        .append(" computer(s) in scope: ")
        .append(flush ? (flushed ? "log flushed" : "log NOT flushed") : "no log flush needed")
        .append("; ")
        .append(
            !push
                ? "no blank push (not a check-in policy)"
                : pushed
                    ? "blank push sent"
                        + (refused.isEmpty()
                            ? ""
                            : " (Jamf could not push to " + refused.size() + ")")
                    : "blank push NOT sent")
        .append(".");
    if (failure != null) {
      text.append(" Stopped because ").append(failure).append(".");
    }
    text.append(' ').append(out.get("next").asString());
    if (devices.size() > inScope.size()) {
      text.append(' ')
          .append(devices.size() - inScope.size())
          .append(" computer(s) were not in scope and were left alone.");
    }
    return new ToolResult.Complete(
        List.of(Content.text(text.toString()), Content.text(Json.mapper().writeValueAsString(out))),
        out,
        !"succeeded".equals(outcome));
  }

  private static String next(Policy policy, boolean push) {
    Policy.General g = policy.general();
    if (push) {
      return "The policy runs on each computer at its next check-in (the recurring check-in"
          + " runs every 15 minutes by default; a computer that is off runs it when it is back"
          + " online). "
          + LIMITATIONS;
    }
    String custom = PolicyJson.customTrigger(g);
    return "A check-in does not run this policy: "
        + (custom != null
            ? "it runs when the custom event '"
                + custom
                + "' fires (sudo jamf"
                + " policy -event "
                + custom
                + " on the computer)"
            : "it runs only on its own trigger (" + g.trigger() + ")")
        + (policy.selfService() != null
                && Boolean.TRUE.equals(policy.selfService().useForSelfService())
            ? " or when the user starts it in Self Service"
            : "")
        + ". "
        + LIMITATIONS;
  }
}
