package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.mdm.MdmCommand;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.DeviceTargets;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listMdmCommands, sendMdmCommand and updateInventory. */
public final class MdmTools {
  private MdmTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.MDM, listMdmCommands(support));
    catalog.tool(Toolset.MDM, new SendMdmCommand(support).tool());
    catalog.tool(Toolset.MDM, new UpdateInventory(support).tool());
    catalog.tool(Toolset.MDM, new FlushMdmCommands(support).tool());
  }

  static Tool listMdmCommands(ToolSupport support) {
    ObjectNode command =
        Schemas.object()
            .property("uuid", Schemas.typed("string", "Command id"))
            .property("commandType", Schemas.typed("string", "e.g. DEVICE_LOCK"))
            .property("state", Schemas.typed("string", "PENDING, ACKNOWLEDGED, NOT_NOW or ERROR"))
            .property("dateSent", Schemas.nullableString("When Jamf queued it"))
            .property("dateCompleted", Schemas.nullableString("When the device answered"))
            .property("error", Schemas.nullableString("Why the device refused it"))
            .required("uuid", "commandType", "state")
            .buildOpen();
    return Tool.builder("listMdmCommands")
        .title("List MDM commands of a device")
        .description(
            "The MDM commands Jamf Pro queued for one device, newest first, with their"
                + " state (PENDING: not yet picked up; ACKNOWLEDGED: done; NOT_NOW: the device was"
                + " busy and will retry; ERROR: refused, with the reason), optionally only one state.")
        .inputSchema(
            Schemas.object()
                .string(
                    "deviceId",
                    "The device: computer:<id>, mobile:<id>, a plain id (a"
                        + " computer), a serial number or an exact name",
                    200)
                .enumeration(
                    "status",
                    "Only commands in this state",
                    "PENDING",
                    "ACKNOWLEDGED",
                    "NOT_NOW",
                    "ERROR")
                .integer("limit", "Most commands to return", 1, 500, 50)
                .required("deviceId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("device", Schemas.typed("object", "ref, name, serial"))
                .property("total", Schemas.typed("integer", "Commands matching"))
                .property("returned", Schemas.typed("integer", "Commands in this answer"))
                .property("commands", Schemas.arrayOf(command))
                .required("device", "total", "returned", "commands")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  Device device =
                      new DeviceTargets(support.jamf())
                          .resolve(List.of(ToolBodies.text(args, "deviceId")))
                          .requireAll()
                          .get(0);
                  if (device.managementId() == null) {
                    throw new ToolException(
                        device.describe()
                            + " has no MDM management id, so it has"
                            + " no MDM commands.");
                  }
                  String status = ToolBodies.text(args, "status");
                  int limit = ToolBodies.integer(args, "limit", 50);
                  Rsql filter = Rsql.eq("clientManagementId", device.managementId());
                  if (status != null) {
                    filter = filter.and(Rsql.eq("status", status));
                  }
                  Page<MdmCommand> page =
                      support
                          .jamf()
                          .mdm()
                          .commands(
                              ListQuery.all()
                                  .withFilter(filter)
                                  .withSort(Sort.desc("dateSent"))
                                  .withPageSize(limit))
                          .page(0);
                  ObjectNode out = Json.object();
                  out.set("device", device.toJson());
                  out.put("total", page.totalCount());
                  ArrayNode items = out.putArray("commands");
                  for (MdmCommand c : page.results()) {
                    items
                        .addObject()
                        .put("uuid", c.uuid())
                        .put("commandType", c.commandType())
                        .put("state", c.commandState())
                        .put("dateSent", c.dateSent())
                        .put("dateCompleted", c.dateCompleted())
                        .put(
                            "error",
                            c.commandError() == null
                                ? null
                                : c.commandError().errorEnglishDescription());
                  }
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      page.totalCount()
                          + " MDM commands for "
                          + device.describe()
                          + (status == null ? "" : " in state " + status)
                          + ".",
                      out);
                }))
        .build();
  }
}
