package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.mdm.QueuedCommand;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * sendMdmCommand: lock, restart, shut down, Lost Mode on and off, clear passcode, log out, erase.
 * Always behind the confirmation gate; erase and lock also demand a typed phrase.
 */
final class SendMdmCommand {
  static final String NAME = "sendMdmCommand";
  static final String PHRASE_ARGUMENT = "confirmationPhrase";

  private final ToolSupport support;

  SendMdmCommand(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode options =
        Schemas.object()
            .property(
                "pin",
                Json.object()
                    .put("type", "string")
                    .put("pattern", "^[0-9]{6}$")
                    .put(
                        "description",
                        "lock and erase: 6-digit PIN, required for Macs (unlocks the Mac"
                            + " afterwards); ignored for iPhones and iPads"))
            .string(
                "message", "lock: text on the lock screen; enableLostMode: Lost Mode message", 500)
            .string(
                "phoneNumber", "lock and enableLostMode: phone number shown on the lock screen", 50)
            .string("footnote", "enableLostMode: text at the bottom of the lock screen", 500)
            .bool("notifyUser", "restart (Mac): let the user postpone the restart", null)
            .bool("preserveDataPlan", "erase (iPhone/iPad with eSIM): keep the data plan", null)
            .bool("disallowProximitySetup", "erase (iOS): skip Proximity Setup", null)
            .enumeration(
                "obliterationBehavior",
                "erase (Mac): fallback when erasing fails",
                "Default",
                "DoNotObliterate",
                "ObliterateWithWarning",
                "Always")
            .string(
                "unlockToken",
                "clearPasscode: the device's unlock token (base64), as Jamf's API" + " requires",
                4096)
            .build();
    ObjectNode input =
        Schemas.object()
            .strings(
                "deviceIds",
                "The devices: computer:<id>, mobile:<id>, a plain id (a computer),"
                    + " a serial number or an exact name",
                DeviceTargets.MAX_IDENTIFIERS,
                200)
            .enumeration("command", "What to do", MdmCommandKind.arguments())
            .property("options", options)
            .string(
                PHRASE_ARGUMENT,
                "erase and lock with a confirmationToken only: the phrase the"
                    + " user typed, exactly as the preview asked (e.g. ERASE 3 DEVICES)",
                100)
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .required("deviceIds", "command")
            .build();
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
                + " devices through Jamf Pro: lock, restart, shutDown, enableLostMode,"
                + " disableLostMode, clearPasscode, logOutUser or erase. The first call changes"
                + " nothing: it returns a preview (devices by name and serial, the effect, what"
                + " cannot be undone) that the user must confirm; erase and lock also require the"
                + " user to type a phrase such as 'ERASE 3 DEVICES'. Jamf queues the command; each"
                + " device runs it when it next reaches Apple's push service. Lost Mode, clear"
                + " passcode and log out apply to iPhones/iPads only; lock and erase on a Mac need"
                + " options.pin (6 digits). Use listMdmCommands to follow the commands.")
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.destructive(false))
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    MdmCommandKind kind = MdmCommandKind.of(ToolBodies.text(args, "command"));
    ObjectNode options = args.has("options") ? (ObjectNode) args.get("options") : Json.object();
    List<Device> devices;
    try {
      devices =
          new DeviceTargets(support.jamf())
              .resolve(ToolBodies.strings(args, "deviceIds"))
              .requireAll();
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
    List<String> problems = kind.problems(devices, options);
    if (!problems.isEmpty()) {
      throw new ToolException(
          "Cannot send "
              + kind.argument
              + ":\n- "
              + String.join("\n- ", problems)
              + "\nNothing was done.");
    }
    String phrase = kind.typedPhrase(devices.size());
    if (phrase != null
        && args.has(ConfirmationGate.TOKEN_ARGUMENT)
        && !phrase.equals(ToolBodies.text(args, PHRASE_ARGUMENT))) {
      throw new ToolException(
          "Not confirmed: "
              + kind.argument
              + " needs the user to type"
              + " exactly '"
              + phrase
              + "', passed as "
              + PHRASE_ARGUMENT
              + " together with"
              + " confirmationToken. Nothing was done.");
    }
    ObjectNode bound = args.deepCopy();
    bound.remove(PHRASE_ARGUMENT);
    ConfirmationGate.Decision decision =
        support.gate().check(NAME, bound, preview(kind, devices, phrase), ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    PerDevice.Report report =
        PerDevice.run(
            devices,
            ctx,
            "queued",
            device -> {
              List<QueuedCommand> receipts =
                  support.jamf().mdm().send(kind.request(device, options));
              return Json.object()
                  .put("commandUuid", receipts.isEmpty() ? null : receipts.get(0).id());
            });
    ToolBodies.audit(
        support,
        ctx,
        NAME,
        bound,
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

  private static Preview preview(MdmCommandKind kind, List<Device> devices, String phrase) {
    String summary =
        kind.effect
            + " Jamf Pro queues "
            + kind.commandType
            + " for each device;"
            + " it runs when the device next reaches Apple's push service."
            + (phrase == null
                ? ""
                : " To confirm, the user must type exactly: "
                    + phrase
                    + " (clients without a confirmation dialog pass it back as "
                    + PHRASE_ARGUMENT
                    + " with the confirmationToken).");
    String action =
        Character.toUpperCase(kind.argument.charAt(0))
            + kind.argument.substring(1)
            + " ("
            + kind.commandType
            + ") on "
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
