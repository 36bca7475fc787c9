package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.devices.ComputerResolver.ComputerRef;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code getDeviceDetails}: one computer, the sections asked for, names resolved. */
public final class DeviceDetails {
  static final List<String> DEFAULT_SECTIONS =
      List.of(
          "GENERAL",
          "HARDWARE",
          "OPERATING_SYSTEM",
          "USER_AND_LOCATION",
          "DISK_ENCRYPTION",
          "SECURITY");

  private DeviceDetails() {}

  static Tool tool(ToolSupport support, OrgDirectory org, ComputerResolver resolver) {
    ObjectNode sections =
        Json.object()
            .put("type", "array")
            .put("minItems", 1)
            .put("maxItems", ComputerSection.values().length)
            .put("uniqueItems", true)
            .put(
                "description",
                "Inventory sections to include (default: "
                    + String.join(", ", DEFAULT_SECTIONS)
                    + ")");
    ArrayNode names = sections.putObject("items").put("type", "string").putArray("enum");
    for (ComputerSection s : ComputerSection.values()) {
      names.add(s.name());
    }
    return Tool.builder("getDeviceDetails")
        .title("Computer details")
        .description(
            "Everything Jamf Pro knows about one Mac (Jamf id, serial, UDID or exact name). A"
                + " name several Macs share gets the candidates (ids, serials): ask the user which,"
                + " then call with the id. Choose sections to keep the answer short.")
        .inputSchema(
            Schemas.object()
                .property("identifier", Ids.device(Ids.Platform.COMPUTER, "The Mac"))
                .property("sections", sections)
                .required("identifier")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf Pro computer id"))
                .property("name", Schemas.nullableString("Computer name"))
                .property("serial", Schemas.nullableString("Serial number"))
                .property("udid", Schemas.nullableString("UDID"))
                .property("department", Schemas.nullableString("Department name"))
                .property("building", Schemas.nullableString("Building name"))
                .property("url", Schemas.typed("string", "The computer's page in Jamf Pro"))
                .property(
                    "inventory",
                    Schemas.typed(
                        "object",
                        "The chosen inventory sections as Jamf Pro sends them (ids of department and building"
                            + " also resolved to departmentName and buildingName in userAndLocation)"))
                .required("id", "url", "inventory")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              List<String> chosen = new ArrayList<>();
              if (args.has("sections")) {
                args.get("sections").forEach(n -> chosen.add(n.asString()));
              } else {
                chosen.addAll(DEFAULT_SECTIONS);
              }
              try {
                ComputerRef ref = resolver.require(args.get("identifier").asString());
                ObjectNode out = details(support, org, ref.id(), chosen);
                return ToolResult.structured(
                    out.path("name").asString("")
                        + " (id "
                        + ref.id()
                        + ", serial "
                        + ref.serialNumber()
                        + ")",
                    out);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  /**
   * The chosen sections of computer {@code id}, in one request; also used by resources and fetch.
   */
  public static ObjectNode details(
      ToolSupport support, OrgDirectory org, String id, List<String> sections) {
    Enum<?>[] chosen = sections.stream().map(ComputerSection::valueOf).toArray(Enum<?>[]::new);
    List<JsonNode> rows =
        support
            .jamf()
            .computers()
            .listJson(
                ListQuery.all().withSections(chosen).withFilter(Rsql.eq("id", id)).withPageSize(1))
            .first(1);
    if (rows.isEmpty()) {
      throw new ToolException(
          "Jamf Pro has no computer with id "
              + id
              + " (it may just have been"
              + " deleted). Use searchDevices to find it again.");
    }
    ObjectNode inventory = (ObjectNode) rows.get(0).deepCopy();
    List<String> absent = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : inventory.properties()) {
      if (e.getValue().isNull()) {
        absent.add(e.getKey());
      }
    }
    absent.forEach(inventory::remove);
    ObjectNode out = Json.object();
    out.put("id", inventory.path("id").asString(id));
    JsonNode general = inventory.path("general");
    JsonNode hardware = inventory.path("hardware");
    out.put("name", general.isObject() ? general.path("name").asString(null) : null);
    out.put("serial", hardware.isObject() ? hardware.path("serialNumber").asString(null) : null);
    out.put("udid", inventory.path("udid").asString(null));
    String department = null;
    String building = null;
    if (inventory.get("userAndLocation") instanceof ObjectNode user) {
      department = org.departmentName(user.path("departmentId").asString(null));
      building = org.buildingName(user.path("buildingId").asString(null));
      user.put("departmentName", department);
      user.put("buildingName", building);
    }
    out.put("department", department);
    out.put("building", building);
    out.put("url", support.links().computer(id));
    out.set("inventory", inventory);
    return out;
  }
}
