package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.mdm.QueuedCommand;
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
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.DeviceTargets.Kind;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * updateInventory: what really refreshes inventory, per device type. An iPhone or iPad gets the
 * DEVICE_INFORMATION MDM command. A Mac has no MDM inventory command: it gets a blank push so that
 * it contacts Jamf Pro sooner, and the answer says plainly that its inventory is updated only when
 * a policy with the Update Inventory step runs (or {@code sudo jamf recon}).
 */
final class UpdateInventory {
  static final String NAME = "updateInventory";

  /**
   * What DEVICE_INFORMATION asks the device for (the contract requires at least one query; Apple's
   * names): the fields Jamf Pro's mobile inventory shows.
   */
  static final List<String> INVENTORY_QUERIES =
      List.of(
          "DeviceName",
          "OSVersion",
          "BuildVersion",
          "ModelName",
          "Model",
          "ProductName",
          "SerialNumber",
          "DeviceCapacity",
          "AvailableDeviceCapacity",
          "BatteryLevel",
          "IsSupervised",
          "WiFiMAC",
          "BluetoothMAC",
          "IMEI",
          "PhoneNumber");

  /** After the fact (the result): the push was sent. */
  static final String MAC_NOTE =
      "Jamf Pro has no MDM command that makes a Mac submit"
          + " inventory: a blank push was sent (it wakes the Mac's MDM client, not the Jamf agent),"
          + " and its inventory is updated when a policy with the Update Inventory step runs on it (at"
          + " check-in, if one is in scope and due) or when someone runs 'sudo jamf recon' on it.";

  /** Before anything happened (the preview): what the push will and will not do. */
  static final String MAC_NOTE_AHEAD =
      "Jamf Pro has no MDM command that makes a Mac submit"
          + " inventory: the blank push wakes the Mac's MDM client, not the Jamf agent, and its"
          + " inventory is updated when a policy with the Update Inventory step runs on it (at"
          + " check-in, if one is in scope and due) or when someone runs 'sudo jamf recon' on it.";

  private final ToolSupport support;

  UpdateInventory(ToolSupport support) {
    this.support = support;
  }

  Tool tool() {
    ObjectNode input = DeviceIds.schema().required(DeviceIds.NAME).build();
    ObjectNode executed =
        Schemas.object()
            .property(
                "outcome", Schemas.typed("string", "succeeded, partially_succeeded or failed"))
            .property("counts", Schemas.typed("object", "done, failed, unknown, notAttempted"))
            .property(
                "devices",
                Schemas.arrayOf(
                    Schemas.typed(
                        "object",
                        "ref, name, serial, result (requested, failed, unknown, not_attempted), method")))
            .property("macNote", Schemas.nullableString("What a blank push does and does not do"))
            .buildOpen();
    return Tool.builder(NAME)
        .title("Request an inventory update")
        .description(
            "Asks devices to refresh their Jamf Pro inventory, in the way Jamf really"
                + " allows per device type: iPhones and iPads get the DEVICE_INFORMATION MDM"
                + " command; Macs have no such command, so they get a blank push (they contact Jamf"
                + " Pro sooner) and their inventory is updated when a policy with Update Inventory"
                + " runs. Harmless, so it runs at once (no preview to confirm). Reports a result per"
                + " device, with a progress notification per device. "
                + ApprovalClass.NONE.sentence())
        .inputSchema(input)
        .outputSchema(ConfirmationGate.outputSchema((ObjectNode) executed.get("properties")))
        .annotations(ToolAnnotations.additive(true))
        .approvalClass(ApprovalClass.NONE)
        .requiredScopes(JamfScopes.WRITE)
        .handler(this::call)
        .build();
  }

  private ToolResult call(ObjectNode args, RequestContext ctx) throws Exception {
    List<Device> devices = DeviceIds.resolve(support, args);
    List<String> unmanaged =
        devices.stream().filter(d -> d.managementId() == null).map(Device::describe).toList();
    if (!unmanaged.isEmpty()) {
      throw new ToolException(
          "These devices have no MDM management id, so Jamf cannot reach"
              + " them: "
              + String.join("; ", unmanaged)
              + ". Nothing was done.");
    }
    long macs = devices.stream().filter(d -> d.kind() == Kind.COMPUTER).count();
    long mobiles = devices.size() - macs;
    String summary = previewSummary(macs, mobiles);
    Preview preview =
        Preview.of(
            "Request an inventory update from "
                + devices.size()
                + (devices.size() == 1 ? " device" : " devices"),
            summary.trim(),
            devices.stream()
                .map(
                    d ->
                        d.describe()
                            + (d.kind() == Kind.COMPUTER ? ": blank push" : ": inventory request"))
                .toList(),
            false);
    // class none: the gate lets it through without asking (DEVICE_INFORMATION and a blank push)
    ConfirmationGate.Decision decision =
        support
            .gate()
            .check(
                GatedWrite.of(
                    NAME,
                    ApprovalClass.NONE,
                    args,
                    devices.stream().map(Device::binding).toList(),
                    preview),
                ctx);
    if (decision instanceof ConfirmationGate.Decision.Stop stop) {
      return stop.result();
    }
    PerDevice.Report report =
        PerDevice.run(
            devices,
            ctx,
            "requested",
            device -> {
              if (device.kind() == Kind.MOBILE) {
                List<QueuedCommand> receipts =
                    support
                        .jamf()
                        .mdm()
                        .send(
                            MdmCommandRequest.of(
                                    "DEVICE_INFORMATION", List.of(device.managementId()))
                                .with("queries", INVENTORY_QUERIES));
                return Json.object()
                    .put("method", "DEVICE_INFORMATION")
                    .put("commandUuid", receipts.isEmpty() ? null : receipts.get(0).id());
              }
              List<String> refused = support.jamf().mdm().blankPush(List.of(device.managementId()));
              if (!refused.isEmpty()) {
                throw new PerDevice.Refused("Jamf Pro reported it could not push to this device");
              }
              return Json.object().put("method", "blank_push");
            });
    ToolBodies.audit(
        support,
        ctx,
        NAME,
        args,
        devices.stream().map(Device::ref).toList(),
        report.outcome(),
        report.devices());
    ObjectNode out =
        Json.object()
            .put("status", "executed")
            .put("outcome", report.outcome())
            .put("macNote", macs == 0 ? null : MAC_NOTE);
    out.set("counts", report.counts());
    out.set("devices", report.devices());
    String text =
        PerDevice.partialSummary(report, "the inventory request")
            + (macs == 0 ? "" : " " + MAC_NOTE);
    return new ToolResult.Complete(
        List.of(Content.text(text), Content.text(Json.mapper().writeValueAsString(out))),
        out,
        !report.complete());
  }

  /** What the preview says will happen: nothing has been sent yet. */
  static String previewSummary(long macs, long mobiles) {
    return (mobiles == 0
            ? ""
            : mobiles
                + " iPhone/iPad(s) get Apple's inventory request (an MDM command) and report"
                + " fresh inventory when they receive it. ")
        + (macs == 0 ? "" : macs + " Mac(s) get a blank push only. " + MAC_NOTE_AHEAD);
  }
}
