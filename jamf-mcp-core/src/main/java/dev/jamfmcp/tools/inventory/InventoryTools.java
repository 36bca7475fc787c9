package dev.jamfmcp.tools.inventory;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.inventory.Inventory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ClassicApp;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Criterion;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ExtensionAttribute;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Prestage;
import dev.jamfmcp.jamf.inventory.InventoryRecords.SmartGroupDefinition;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listJamfObjects (packages, sites, end users, PreStages, ...) and getSmartGroupCriteria. */
public final class InventoryTools {
  private InventoryTools() {}

  static final String[] KINDS = {
    "packages",
    "sites",
    "endUsers",
    "computerPrestages",
    "mobilePrestages",
    "computerExtensionAttributes",
    "mobileExtensionAttributes",
    "macApps",
    "mobileApps",
    "mobileStaticGroups",
    "mobileSmartGroups",
    "categories"
  };

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.INVENTORY, listJamfObjects(support));
    catalog.tool(Toolset.GROUPS, getSmartGroupCriteria(support));
    catalog.tool(Toolset.INVENTORY, DeviceHistory.tool(support));
  }

  static Tool listJamfObjects(ToolSupport support) {
    ObjectNode item =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf id"))
            .property("name", Schemas.typed("string", "Name"))
            .required("id", "name")
            .buildOpen();
    return Tool.builder("listJamfObjects")
        .title("List Jamf objects")
        .description(
            "Lists one kind of Jamf Pro object with its key fields: packages, sites, end users,"
                + " computer or mobile PreStage enrollments (ADE), extension attribute"
                + " definitions, Mac App Store/VPP apps, mobile device apps, or static/smart"
                + " mobile device groups (with member counts; with `groupId`, that group's"
                + " devices), or categories. Optional `query` filters by name.")
        .inputSchema(
            Schemas.object()
                .enumeration("kind", "What to list", KINDS)
                .string("query", "Case-insensitive text the name must contain", 200)
                .property("groupId", Ids.object("Mobile group id: list its member devices"))
                .integer("limit", "Most items to return", 1, 1000, 200)
                .required("kind")
                .build())
        .outputSchema(Schemas.object().limitedList("items", "Objects", item).buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String kind = ToolBodies.text(args, "kind");
                  String query = ToolBodies.text(args, "query");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  String groupId = ToolBodies.text(args, "groupId");
                  List<ObjectNode> all =
                      groupId == null
                          ? rows(support.jamf(), kind, query)
                          : members(support.jamf().inventory(), kind, groupId);
                  String folded = query == null ? null : query.toLowerCase(Locale.ROOT);
                  List<ObjectNode> matching =
                      all.stream()
                          .filter(
                              o ->
                                  folded == null
                                      || o.path("name")
                                          .asString("")
                                          .toLowerCase(Locale.ROOT)
                                          .contains(folded))
                          .toList();
                  ObjectNode out = Json.object().put("kind", kind).put("total", matching.size());
                  ArrayNode items = out.putArray("items");
                  matching.stream().limit(limit).forEach(items::add);
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      matching.size()
                          + " "
                          + kind
                          + (query == null ? "" : " matching '" + query + "'")
                          + ".",
                      out);
                }))
        .build();
  }

  private static List<ObjectNode> rows(JamfClient jamf, String kind, String query) {
    Inventory inv = jamf.inventory();
    ListQuery all = ListQuery.all();
    List<ObjectNode> rows = new ArrayList<>();
    switch (kind) {
      case "packages" ->
          inv.packages(all)
              .forEach(
                  p ->
                      rows.add(
                          row(p.id(), p.packageName())
                              .put("fileName", p.fileName())
                              .put("rebootRequired", Boolean.TRUE.equals(p.rebootRequired()))
                              .put("osInstall", Boolean.TRUE.equals(p.osInstall()))));
      case "sites" -> inv.sites().forEach(s -> rows.add(row(s.id(), s.name())));
      case "endUsers" ->
          inv.users(all)
              .forEach(
                  u ->
                      rows.add(
                          row(u.id(), u.username())
                              .put("realname", u.realname())
                              .put("email", u.email())));
      case "computerPrestages" -> inv.computerPrestages(all).forEach(p -> rows.add(prestage(p)));
      case "mobilePrestages" -> inv.mobileDevicePrestages(all).forEach(p -> rows.add(prestage(p)));
      case "computerExtensionAttributes" ->
          inv.computerExtensionAttributes(all).forEach(a -> rows.add(attribute(a)));
      case "mobileExtensionAttributes" ->
          inv.mobileDeviceExtensionAttributes(all).forEach(a -> rows.add(attribute(a)));
      case "macApps" -> inv.macApps().forEach(a -> rows.add(app(a)));
      case "mobileApps" -> inv.mobileDeviceApps().forEach(a -> rows.add(app(a)));
      case "mobileStaticGroups", "mobileSmartGroups" ->
          inv.mobileDeviceGroups(kind.equals("mobileSmartGroups"), all)
              .forEach(
                  g ->
                      rows.add(
                          row(g.groupId(), g.groupName())
                              .put("description", g.groupDescription())
                              .put("members", g.count())));
      case "categories" ->
          // filtered by Jamf (RSQL), so a large list is not fetched only to be dropped here
          jamf.organization()
              .categories(query == null ? all : all.withFilter(Rsql.contains("name", query)))
              .forEach(c -> rows.add(row(c.id(), c.name()).put("priority", c.priority())));
      default -> throw new ToolException("Unknown kind '" + kind + "'.");
    }
    return rows;
  }

  /** The devices of one mobile device group (kind says static or smart). */
  private static List<ObjectNode> members(Inventory inv, String kind, String groupId) {
    if (!kind.equals("mobileStaticGroups") && !kind.equals("mobileSmartGroups")) {
      throw new ToolException(
          "groupId works only with kind mobileStaticGroups or mobileSmartGroups.");
    }
    if (!groupId.matches("[0-9]{1,9}")) {
      throw new ToolException("groupId must be a Jamf id (digits), e.g. '3'.");
    }
    List<ObjectNode> rows = new ArrayList<>();
    inv.mobileDeviceGroupMembers(kind.equals("mobileSmartGroups"), groupId, ListQuery.all())
        .forEach(
            d ->
                rows.add(
                    row(d.mobileDeviceId(), d.displayName())
                        .put("serial", d.serialNumber())
                        .put("model", d.model())
                        .put("osVersion", d.osVersion())));
    return rows;
  }

  private static ObjectNode row(String id, String name) {
    return Json.object().put("id", id).put("name", name == null ? "" : name);
  }

  private static ObjectNode prestage(Prestage p) {
    return row(p.id(), p.displayName())
        .put("mandatory", Boolean.TRUE.equals(p.mandatory()))
        .put("default", Boolean.TRUE.equals(p.defaultPrestage()))
        .put("department", p.department());
  }

  private static ObjectNode attribute(ExtensionAttribute a) {
    return row(a.id(), a.name())
        .put("description", a.description())
        .put("dataType", a.dataType())
        .put("inputType", a.inputType())
        .put("enabled", !Boolean.FALSE.equals(a.enabled()));
  }

  private static ObjectNode app(ClassicApp a) {
    ObjectNode row = row(String.valueOf(a.id()), a.name());
    if (a.bundleId() != null) {
      row.put("bundleId", a.bundleId()).put("version", a.version());
    }
    return row;
  }

  static Tool getSmartGroupCriteria(ToolSupport support) {
    return Tool.builder("getSmartGroupCriteria")
        .title("Get smart group criteria")
        .description(
            "The criteria of a smart computer group or smart mobile device group (field,"
                + " operator, value, and/or, parentheses, in order).")
        .inputSchema(
            Schemas.object()
                .property("groupId", Ids.object("The smart group's id"))
                .enumeration(
                    "deviceType", "Computer (default) or mobile group", "computer", "mobile")
                .required("groupId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("name", Schemas.typed("string", "Group name"))
                .property("criteria", Schemas.typed("array", "Criteria in order"))
                .required("name", "criteria")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String id =
                      String.valueOf(
                          ToolBodies.classicId(args.get("groupId").asString(), "groupId"));
                  boolean mobile = "mobile".equals(ToolBodies.text(args, "deviceType"));
                  SmartGroupDefinition g =
                      mobile
                          ? support.jamf().inventory().mobileDeviceSmartGroup(id)
                          : support.jamf().inventory().computerSmartGroup(id);
                  ObjectNode out =
                      Json.object()
                          .put("groupId", id)
                          .put("deviceType", mobile ? "mobile" : "computer")
                          .put("name", g.displayName());
                  ArrayNode criteria = out.putArray("criteria");
                  StringBuilder text = new StringBuilder();
                  List<Criterion> list = g.criteria() == null ? List.of() : g.criteria();
                  for (Criterion c : list) {
                    criteria
                        .addObject()
                        .put("andOr", c.andOr())
                        .put("openingParen", Boolean.TRUE.equals(c.openingParen()))
                        .put("name", c.name())
                        .put("searchType", c.searchType())
                        .put("value", c.value())
                        .put("closingParen", Boolean.TRUE.equals(c.closingParen()));
                    if (text.length() > 0) {
                      text.append(' ').append(c.andOr()).append(' ');
                    }
                    text.append(Boolean.TRUE.equals(c.openingParen()) ? "(" : "")
                        .append(c.name())
                        .append(' ')
                        .append(c.searchType())
                        .append(" '")
                        .append(c.value())
                        .append('\'')
                        .append(Boolean.TRUE.equals(c.closingParen()) ? ")" : "");
                  }
                  return ToolResult.structured(
                      "Smart group '"
                          + g.displayName()
                          + "': "
                          + (list.isEmpty() ? "no criteria (all devices)" : text)
                          + ".",
                      out);
                }))
        .build();
  }
}
