package dev.jamfmcp.tools.inventory;

import dev.jamfmcp.jamf.inventory.InventoryRecords.Commands;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ComputerHistory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.HistoryCommand;
import dev.jamfmcp.jamf.inventory.InventoryRecords.MobileDeviceHistory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.PolicyLog;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** getDeviceHistory: a computer's policy logs and MDM commands, or a mobile device's commands. */
final class DeviceHistory {
  private DeviceHistory() {}

  static Tool tool(ToolSupport support) {
    return Tool.builder("getDeviceHistory")
        .title("Get device history")
        .description(
            "A computer's policy logs (policy, status Completed/Failed, date) and MDM commands"
                + " (completed, pending, failed), or a mobile device's management commands."
                + " `device` is `computer:<id>`, `mobile:<id>`, or a computer id.")
        .inputSchema(
            Schemas.object()
                .string("device", "computer:<id>, mobile:<id>, or a computer id", 40)
                .bool("failedOnly", "Only failed policy runs and failed commands", false)
                .integer("limit", "Most entries per list, newest first", 1, 500, 50)
                .required("device")
                .build())
        .outputSchema(
            Schemas.object()
                .property("device", Schemas.typed("string", "computer:<id> or mobile:<id>"))
                .property("commands", Schemas.typed("object", "completed, pending, failed"))
                .required("device", "commands")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String device = ToolBodies.text(args, "device");
                  boolean failedOnly = args.path("failedOnly").asBoolean(false);
                  int limit = ToolBodies.integer(args, "limit", 50);
                  boolean mobile = device.startsWith("mobile:");
                  String idText =
                      device.contains(":") ? device.substring(device.indexOf(':') + 1) : device;
                  if (device.contains(":") && !mobile && !device.startsWith("computer:")) {
                    idText = "invalid '" + device + "'";
                  }
                  int id = ToolBodies.classicId(idText, "The device id");
                  ObjectNode out =
                      Json.object().put("device", (mobile ? "mobile:" : "computer:") + id);
                  Commands commands;
                  String summary;
                  if (mobile) {
                    MobileDeviceHistory h = support.jamf().inventory().mobileDeviceHistory(id);
                    commands = h.managementCommands();
                    summary = "Mobile device " + id + ": ";
                  } else {
                    ComputerHistory h = support.jamf().inventory().computerHistory(id);
                    List<PolicyLog> logs =
                        h.policyLogs() == null
                            ? List.of()
                            : h.policyLogs().stream()
                                .filter(l -> !failedOnly || "Failed".equalsIgnoreCase(l.status()))
                                .toList();
                    long failed =
                        logs.stream().filter(l -> "Failed".equalsIgnoreCase(l.status())).count();
                    out.put("policyRuns", logs.size()).put("policyRunsFailed", failed);
                    ArrayNode items = out.putArray("policyLogs");
                    logs.stream()
                        .limit(limit)
                        .forEach(
                            l ->
                                items
                                    .addObject()
                                    .put("policyId", l.policyId())
                                    .put("policy", l.policyName())
                                    .put("status", l.status())
                                    .put("date", l.dateCompletedUtc()));
                    commands = h.commands();
                    summary =
                        "Computer "
                            + id
                            + ": "
                            + logs.size()
                            + " policy runs ("
                            + failed
                            + " failed); ";
                  }
                  int completed =
                      failedOnly ? 0 : size(commands == null ? null : commands.completed());
                  int pending = failedOnly ? 0 : size(commands == null ? null : commands.pending());
                  int failedCommands = size(commands == null ? null : commands.failed());
                  ObjectNode cmd = out.putObject("commands");
                  if (!failedOnly) {
                    put(cmd, "completed", commands.completed(), limit);
                    put(cmd, "pending", commands.pending(), limit);
                  }
                  put(cmd, "failed", commands == null ? null : commands.failed(), limit);
                  return ToolResult.structured(
                      summary
                          + "commands: "
                          + completed
                          + " completed, "
                          + pending
                          + " pending, "
                          + failedCommands
                          + " failed.",
                      out);
                }))
        .build();
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static void put(ObjectNode into, String key, List<HistoryCommand> list, int limit) {
    ArrayNode items = into.putArray(key);
    if (list == null) {
      return;
    }
    list.stream()
        .limit(limit)
        .forEach(
            c -> {
              ObjectNode o = items.addObject().put("name", c.name());
              String when = c.completedUtc() != null ? c.completedUtc() : c.issuedUtc();
              o.put("date", when);
              if (c.status() != null) {
                o.put("status", c.status());
              }
              if (c.error() != null) {
                o.put("error", c.error());
              }
            });
  }
}
