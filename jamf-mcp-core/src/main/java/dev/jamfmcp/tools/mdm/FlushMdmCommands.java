package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.mdm.Mdm.FlushStatus;
import dev.jamfmcp.jamf.mdm.Mdm.FlushTarget;
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
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * flushMdmCommands: clears devices' failed (and, if asked, pending) MDM commands from Jamf Pro, the
 * usual first step when a device is stuck on a command that keeps failing. A {@code confirm} write:
 * nothing is sent to the devices, but a flushed pending command (an erase, a lock) is never sent,
 * and a flush cannot be undone.
 */
final class FlushMdmCommands {
  static final String NAME = "flushMdmCommands";

  private final ToolSupport support;

  FlushMdmCommands(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input =
        DeviceIds.schema()
            .enumeration(
                "status",
                "Which commands to clear (default failed): failed, pending, or pending_and_failed",
                "failed",
                "pending",
                "pending_and_failed")
            .property(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema())
            .property(ConfirmationGate.APPROVAL_ARGUMENT, ConfirmationGate.approvalArgumentSchema())
            .required(DeviceIds.NAME)
            .build();
    ObjectNode executed =
        Schemas.object()
            .property("status", Schemas.typed("string", "executed"))
            .property("cleared", Schemas.typed("string", "failed, pending or pending_and_failed"))
            .property("devices", Schemas.arrayOf(Schemas.typed("object", "ref, name, serial")))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Clear failed MDM commands")
        .description(
            "Clears devices' failed MDM commands from Jamf Pro (status=failed, the default), or"
                + " their pending commands (pending: queued commands are never sent), or both."
                + " Use it when a device is stuck on a command that keeps failing, before sending"
                + " the command again. Nothing is sent to the devices. The first call returns a"
                + " preview the user must confirm. "
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
    String cleared = args.path("status").asString("failed");
    FlushStatus status = FlushStatus.valueOf(cleared.toUpperCase(Locale.ROOT));
    List<Device> devices = DeviceIds.resolve(support, args);
    String which =
        switch (status) {
          case FAILED -> "failed";
          case PENDING -> "pending";
          case PENDING_AND_FAILED -> "failed and pending";
        };
    String consequence =
        status == FlushStatus.FAILED
            ? "Jamf Pro forgets the failed commands; send a command again if it is still needed."
            : "Pending commands are removed from Jamf Pro's queue and will never reach the"
                + " devices (a pending lock or erase included); send them again if still needed.";
    Preview preview =
        Preview.of(
            "Clear the "
                + which
                + " MDM commands of "
                + devices.size()
                + (devices.size() == 1 ? " device" : " devices"),
            consequence + " Nothing is sent to the devices. This cannot be undone.",
            devices.stream().map(Device::describe).toList(),
            false);
    List<String> bindings = devices.stream().map(Device::binding).toList();
    ConfirmationGate.Decision decision =
        support
            .gate()
            .check(GatedWrite.of(NAME, ApprovalClass.CONFIRM, args, bindings, preview), ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    List<Integer> computers = ids(devices, Kind.COMPUTER);
    List<Integer> mobiles = ids(devices, Kind.MOBILE);
    List<String> refs = devices.stream().map(Device::ref).toList();
    String done = null;
    try {
      if (!computers.isEmpty()) {
        support.jamf().mdm().flushCommands(FlushTarget.COMPUTERS, computers, status);
        done = "the commands of " + computers.size() + " computer(s) were cleared";
      }
      if (!mobiles.isEmpty()) {
        support.jamf().mdm().flushCommands(FlushTarget.MOBILE_DEVICES, mobiles, status);
      }
    } catch (JamfException e) {
      ToolBodies.audit(support, ctx, NAME, args, refs, "failed", Json.object());
      throw JamfFailures.onWrite(e, done);
    }
    ToolBodies.audit(support, ctx, NAME, args, refs, "succeeded", Json.object());
    ObjectNode out = Json.object().put("status", "executed").put("cleared", cleared);
    ArrayNode list = out.putArray("devices");
    devices.forEach(d -> list.add(d.toJson()));
    return ToolResult.structured(
        "Cleared the "
            + which
            + " MDM commands of "
            + devices.size()
            + (devices.size() == 1 ? " device: " : " devices: ")
            + String.join("; ", devices.stream().map(Device::describe).toList())
            + ".",
        out);
  }

  private static List<Integer> ids(List<Device> devices, Kind kind) {
    return devices.stream()
        .filter(d -> d.kind() == kind)
        .map(d -> Integer.valueOf(d.id()))
        .toList();
  }
}
