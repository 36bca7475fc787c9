package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.mdm.QueuedCommand;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.audit.Secrets;
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
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.security.SecureRandom;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * sendMdmCommand: lock, restart, shut down, Lost Mode on and off, clear passcode, log out, erase.
 * Always behind the gate with the command's approval class; erase and lock also demand a typed
 * phrase. The confirmation is bound to the resolved devices (Jamf and management ids). The PIN and
 * the unlock token are secrets: marked in the schema, redacted from audit lines, never shown back;
 * a Mac's PIN left out is generated here and kept in the pending action, for the person only.
 */
final class SendMdmCommand {
  static final String NAME = "sendMdmCommand";
  static final String PIN = "pin";
  private static final String SECRET_OPTION =
      "A secret of the command (see its fields): never repeated back, written as 'set' in audit"
          + " lines";

  private final ToolSupport support;
  private final SecureRandom random = new SecureRandom();
  private final ObjectNode inputSchema = inputSchema();

  SendMdmCommand(ToolSupport support) {
    this.support = support;
  }

  private static ObjectNode inputSchema() {
    ObjectNode options =
        Schemas.object()
            .secret(
                PIN,
                "lock and erase: 6-digit PIN for Macs (unlocks the Mac afterwards); leave it out and"
                    + " the server generates one that only the person is shown; ignored for iPhones"
                    + " and iPads. A secret: never repeated back, written as 'set' in audit lines",
                6,
                "^[0-9]{6}$")
            .string(
                "message", "lock: text on the lock screen; enableLostMode: Lost Mode message", 500)
            .string(
                "phoneNumber", "lock and enableLostMode: phone number shown on the lock screen", 50)
            .string("footnote", "enableLostMode: text at the bottom of the lock screen", 500)
            .bool("notifyUser", "restart (Mac): let the user postpone the restart", null)
            .bool("preserveDataPlan", "erase (iPhone/iPad with eSIM): keep the data plan", null)
            .bool("disallowProximitySetup", "erase (iOS): skip Proximity Setup", null)
            .bool(
                "returnToService",
                "erase: re-enroll the device after the erase (Return to Service; iOS 17+,"
                    + " macOS 14+)",
                null)
            .enumeration(
                "obliterationBehavior",
                "erase (Mac): fallback when erasing fails",
                "Default",
                "DoNotObliterate",
                "ObliterateWithWarning",
                "Always")
            .secret("password", SECRET_OPTION, 256, null)
            .secret("newPassword", SECRET_OPTION, 256, null)
            .secret("redemptionCode", SECRET_OPTION, 256, null)
            .secret("appleCareToken", SECRET_OPTION, 4096, null)
            .build();
    // The other commands' options are Jamf's commandData fields by name; each command's own list
    // is checked (MdmCommandKind.problems), which keeps 35 commands' fields out of tools/list.
    options.put("additionalProperties", true);
    options.put(
        "description",
        "The command's fields, named as in Jamf's commandData; a field the command does not take"
            + " is refused with the list of those it takes");
    ObjectNode input =
        DeviceIds.schema()
            .enumeration(
                "command",
                "What to do (each command's approval class is in the tool's description)",
                MdmCommandKind.arguments())
            .property("options", options)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required(DeviceIds.NAME, "command")
            .build();
    return input;
  }

  Tool tool() {
    ObjectNode executed =
        Schemas.object()
            .property("command", Schemas.typed("string", "The command sent"))
            .property("commandType", Schemas.typed("string", "Jamf's command type"))
            .property(
                "outcome",
                Json.object()
                    .put("type", "string")
                    .put("description", "succeeded, partially_succeeded or failed"))
            .property("counts", Schemas.typed("object", "done, failed, unknown, notAttempted"))
            .property(
                "devices",
                Schemas.arrayOf(
                    Schemas.typed(
                        "object",
                        "ref, name, serial, result (queued, failed, unknown, not_attempted), commandUuid")))
            .property("next", Schemas.typed("string", "What happens now"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Send an MDM command")
        .description(
            "Sends one MDM command to up to "
                + DeviceTargets.MAX_IDENTIFIERS
                + " devices through Jamf Pro: any command type of Jamf Pro 11.30.1 (lock, restart,"
                + " shutDown, Lost Mode, clearPasscode, logOutUser, erase, deleteUser, Recovery"
                + " Lock, remote desktop, settings, the inventory queries, ...). The first call"
                + " changes nothing unless the command's class is none: it returns a preview (devices by name and serial, the effect, what"
                + " cannot be undone) that the user must confirm; erase and lock also require the"
                + " user to type a phrase such as 'ERASE 3 DEVICES'. Jamf queues the command; each"
                + " device runs it when it next reaches Apple's push service. Lost Mode, clear"
                + " passcode and log out apply to iPhones/iPads only; lock and erase on a Mac use"
                + " options.pin (6 digits; left out, the server generates one for the person)."
                + " Use listMdmCommands to follow the commands. "
                + ApprovalClass.APPROVE.sentence()
                + " Per command: "
                + MdmCommandKind.approvalClasses()
                + ".")
        .inputSchema(inputSchema.deepCopy())
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(false))
        .approvalClass(ApprovalClass.APPROVE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    MdmCommandKind kind = MdmCommandKind.of(ToolBodies.text(args, "command"));
    ObjectNode options = args.has("options") ? (ObjectNode) args.get("options") : Json.object();
    List<Device> devices = DeviceIds.resolve(support, args);
    List<String> problems = kind.problems(devices, options);
    if (kind == MdmCommandKind.CLEAR_PASSCODE && problems.isEmpty()) {
      problems.addAll(UnlockTokens.missing(support, devices));
    }
    if (!problems.isEmpty()) {
      throw new ToolException(
          "Cannot send "
              + kind.argument
              + ":\n- "
              + String.join("\n- ", problems)
              + "\nNothing was done.");
    }
    // Typed by the person on the approval page or in the client's dialog, never by the model.
    String phrase = kind.typedPhrase(devices.size());
    boolean generatePin = kind.needsPin(devices) && !options.has(PIN);
    GatedWrite write =
        GatedWrite.of(
                NAME,
                kind.approval,
                args,
                devices.stream().map(Device::binding).toList(),
                preview(kind, devices, phrase, generatePin))
            .withInputSchema(inputSchema)
            .withApprovalTargets(devices.stream().map(Device::approvalTarget).toList());
    if (generatePin) {
      write = write.withGeneratedSecret(PIN, String.format("%06d", random.nextInt(1_000_000)));
    }
    ConfirmationGate.Decision decision = support.gate().check(write, ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    ObjectNode sent = options.deepCopy();
    if (generatePin) {
      // the PIN of the action the person confirmed, from its pending action
      String pin = ((ConfirmationGate.Decision.Proceed) decision).generatedSecrets().get(PIN);
      if (pin == null) {
        throw new ToolException("The generated PIN was lost; nothing was done. Call again.");
      }
      sent.put(PIN, pin);
    }
    PerDevice.Report report =
        PerDevice.run(
            devices,
            ctx,
            "queued",
            device -> {
              var request = kind.request(device, sent);
              if (kind == MdmCommandKind.CLEAR_PASSCODE) {
                request = request.with("unlockToken", UnlockTokens.of(support, device));
              }
              List<QueuedCommand> receipts = support.jamf().mdm().send(request);
              return Json.object()
                  .put("commandUuid", receipts.isEmpty() ? null : receipts.get(0).id());
            });
    ToolBodies.audit(
        support,
        ctx,
        NAME,
        Secrets.redact(args, inputSchema),
        devices.stream().map(Device::ref).toList(),
        report.outcome(),
        report.devices());
    String next =
        report.done().isEmpty() && report.unknown() > 0
            ? "No device is confirmed to have received the command, but for "
                + report.unknown()
                + " device(s) the outcome is unknown: Jamf Pro may have queued it. Check with"
                + " listMdmCommands before sending it again, or it may run twice."
            : report.done().isEmpty()
                ? "No device received the command."
                : "Jamf Pro queued "
                    + kind.commandType
                    + " for "
                    + report.done().size()
                    + " device(s);"
                    + " each runs it when it next reaches Apple's push service (usually within minutes if"
                    + " online). Follow it with listMdmCommands.";
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("command", kind.argument)
            .put("commandType", kind.commandType)
            .put("outcome", report.outcome())
            .put("next", next);
    out.set("counts", report.counts());
    out.set("devices", report.devices());
    String text = PerDevice.partialSummary(report, kind.argument) + " " + next;
    return new ToolResult.Complete(
        List.of(Content.text(text), Content.text(Json.mapper().writeValueAsString(out))),
        out,
        !report.complete());
  }

  private static Preview preview(
      MdmCommandKind kind, List<Device> devices, String phrase, boolean generatedPin) {
    String summary =
        kind.effect
            + (generatedPin
                ? " The Mac gets a new 6-digit PIN, shown only on the approval page to whoever"
                    + " approves; the assistant never sees it."
                : "")
            + " Jamf Pro queues the command for each device; it runs when the device next"
            + " reaches Apple's push service.";
    // In words a person reads ("Enable lost mode on 2 devices"), not the API's ENABLE_LOST_MODE.
    String words = kind.commandType.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    String action =
        Character.toUpperCase(words.charAt(0))
            + words.substring(1)
            + " on "
            + devices.size()
            + (devices.size() == 1 ? " device" : " devices");
    return new Preview(
        action,
        summary,
        devices.stream().map(Device::describe).toList(),
        kind.irreversible,
        phrase);
  }
}
