package dev.jamfmcp.loadtest;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.jamf.mdm.QueuedCommand;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.confirm.Preview;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfFailures;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stand-ins for the Jamf tools while they are written on other branches: two reads and one
 * confirmed write that go through {@link JamfClient} exactly as the real tools will. This is the
 * only file to replace once {@code JamfTools.create(jamf, ...)} offers real tools: the harness and
 * the tests call {@link #create} and name the tools through the constants below.
 */
public final class StandInTools {
  public static final String LIST = "stand_in_list_computers";
  public static final String DETAIL = "stand_in_computer_detail";
  public static final String VERSION = "stand_in_jamf_version";
  public static final String SEND = "stand_in_send_mdm_command";

  private StandInTools() {}

  public static List<Tool> create(JamfClient jamf, ConfirmationGate gate) {
    return List.of(list(jamf), detail(jamf), version(jamf), send(jamf, gate));
  }

  private static Tool list(JamfClient jamf) {
    return Tool.builder(LIST)
        .description("Lists computers whose name matches a wildcard pattern.")
        .inputSchema(
            "{\"type\":\"object\",\"properties\":{"
                + "\"nameLike\":{\"type\":\"string\",\"maxLength\":100},"
                + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":2000},"
                + "\"pageSize\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":2000}},"
                + "\"additionalProperties\":false}")
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes("read:jamf")
        .handler(
            (args, ctx) -> {
              int limit = args.path("limit").asInt(20);
              ListQuery query =
                  ListQuery.all()
                      .withSections(ComputerSection.GENERAL)
                      .withPageSize(args.path("pageSize").asInt(limit));
              if (args.hasNonNull("nameLike")) {
                query =
                    query.withFilter(Rsql.like("general.name", args.get("nameLike").asString()));
              }
              try {
                List<Computer> found = jamf.computers().list(query).first(limit);
                ObjectNode data = Json.object().put("count", found.size());
                ArrayNode rows = data.putArray("computers");
                found.forEach(
                    c ->
                        rows.addObject()
                            .put("id", c.id())
                            .put("name", c.general() == null ? null : c.general().name())
                            .put(
                                "managementId",
                                c.general() == null ? null : c.general().managementId()));
                return ToolResult.structured(data);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  private static Tool detail(JamfClient jamf) {
    return Tool.builder(DETAIL)
        .description("One computer, every section.")
        .inputSchema(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\","
                + "\"pattern\":\"^[0-9]{1,9}$\"}},\"required\":[\"id\"],\"additionalProperties\":false}")
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes("read:jamf")
        .handler(
            (args, ctx) -> {
              try {
                Computer c = jamf.computers().detail(args.get("id").asString());
                return ToolResult.structured(Json.mapper().valueToTree(c));
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  private static Tool version(JamfClient jamf) {
    return Tool.builder(VERSION)
        .description("The Jamf Pro version.")
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes("read:jamf")
        .handler(
            (args, ctx) -> {
              try {
                return ToolResult.text(jamf.jamfProVersion());
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  private static Tool send(JamfClient jamf, ConfirmationGate gate) {
    ObjectNode schema =
        (ObjectNode)
            Json.mapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{"
                        + "\"managementId\":{\"type\":\"string\",\"maxLength\":64},"
                        + "\"commandType\":{\"enum\":[\"RESTART_DEVICE\",\"DEVICE_LOCK\",\"SHUT_DOWN_DEVICE\"]}},"
                        + "\"required\":[\"managementId\",\"commandType\"],\"additionalProperties\":false}");
    ((ObjectNode) schema.get("properties"))
        .set(ConfirmationGate.TOKEN_ARGUMENT, ConfirmationGate.tokenArgumentSchema());
    return Tool.builder(SEND)
        .description("Sends an MDM command to one device, after confirmation.")
        .inputSchema(schema)
        .annotations(ToolAnnotations.destructive(false))
        .requiredScopes("write:jamf")
        .handler(
            (args, ctx) -> {
              String device = args.get("managementId").asString();
              String type = args.get("commandType").asString();
              Preview preview =
                  Preview.of(
                      "Send " + type,
                      "Jamf Pro queues the command for the"
                          + " device; it runs at the next check-in.",
                      List.of(device),
                      false);
              if (gate.check(SEND, args, preview, ctx)
                  instanceof ConfirmationGate.Decision.Stop stop) {
                return stop.result();
              }
              try {
                List<QueuedCommand> queued =
                    jamf.mdm().send(MdmCommandRequest.of(type, List.of(device)));
                ObjectNode data = Json.object().put("status", "executed");
                queued.forEach(q -> data.withArray("commandIds").add(q.id()));
                return ToolResult.structured(data);
              } catch (JamfException e) {
                throw JamfFailures.onWrite(e, null);
              }
            })
        .build();
  }
}
