package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.groups.GroupMember;
import dev.jamfmcp.jamf.groups.SmartComputerGroup;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
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
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * listComputerGroups, getComputerGroupMembers, setStaticGroupMembership, createSmartGroup and
 * updateSmartGroup.
 */
public final class GroupTools {
  private GroupTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.GROUPS, listGroups(support));
    catalog.tool(Toolset.GROUPS, getMembers(support));
    catalog.tool(Toolset.GROUPS, new SetStaticGroupMembership(support).tool());
    catalog.tool(Toolset.GROUPS, new CreateSmartGroup(support).tool());
    catalog.tool(Toolset.GROUPS, new UpdateSmartGroup(support).tool());
  }

  static Tool listGroups(ToolSupport support) {
    ObjectNode group =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf group id"))
            .property("name", Schemas.typed("string", "Group name"))
            .property("type", Schemas.typed("string", "smart or static"))
            .property("memberCount", Schemas.typed("integer", "Computers in the group"))
            .property("url", Schemas.typed("string", "The group in the Jamf Pro web interface"))
            .required("id", "name", "type")
            .buildOpen();
    return Tool.builder("listComputerGroups")
        .title("List computer groups")
        .description(
            "Lists computer groups with their member counts: smart groups (membership"
                + " computed from criteria), static groups (membership set by hand, changeable with"
                + " setStaticGroupMembership), or both. Optionally only names containing `query`.")
        .inputSchema(
            Schemas.object()
                .enumeration("type", "smart, static or all (default all)", "smart", "static", "all")
                .string("query", "Case-insensitive text the group name must contain", 200)
                .integer("limit", "Most groups of each type to return", 1, 1000, 200)
                .build())
        .outputSchema(Schemas.object().limitedList("groups", "Groups", group).buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String type = ToolBodies.text(args, "type");
                  String query = ToolBodies.text(args, "query");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  ListQuery list = ListQuery.all().withSort(Sort.asc("name")).withPageSize(limit);
                  if (query != null) {
                    list = list.withFilter(Rsql.contains("name", query));
                  }
                  ObjectNode out = Json.object();
                  ArrayNode items = out.putArray("groups");
                  long total = 0;
                  if (type == null || type.equals("all") || type.equals("smart")) {
                    var page = support.jamf().computerGroups().smartGroups(list).page(0);
                    total += page.totalCount();
                    for (SmartComputerGroup g : page.results()) {
                      items
                          .addObject()
                          .put("id", g.id())
                          .put("name", g.name())
                          .put("type", "smart")
                          .put("description", g.description())
                          .put("memberCount", g.membershipCount())
                          .put("url", support.links().smartGroup(g.id()));
                    }
                  }
                  if (type == null || type.equals("all") || type.equals("static")) {
                    var page = support.jamf().computerGroups().staticGroups(list).page(0);
                    total += page.totalCount();
                    for (StaticComputerGroup g : page.results()) {
                      items
                          .addObject()
                          .put("id", g.id())
                          .put("name", g.name())
                          .put("type", "static")
                          .put("description", g.description())
                          .put("memberCount", g.count())
                          .put("url", support.links().staticGroup(g.id()));
                    }
                  }
                  out.put("total", total).put("returned", items.size());
                  return ToolResult.structured(
                      total
                          + " computer groups"
                          + (query == null ? "" : " matching '" + query + "'")
                          + ".",
                      out);
                }))
        .build();
  }

  static Tool getMembers(ToolSupport support) {
    ObjectNode member =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf computer id"))
            .property("name", Schemas.nullableString("Computer name"))
            .property("serial", Schemas.nullableString("Serial number"))
            .required("id")
            .buildOpen();
    return Tool.builder("getComputerGroupMembers")
        .title("Get computer group members")
        .description(
            "The computers in one smart or static computer group: id, name and serial"
                + " number, up to `limit`, with the exact total.")
        .inputSchema(
            Schemas.object()
                .property("groupId", Ids.object("Jamf computer group id (see listComputerGroups)"))
                .integer("limit", "Most members to return", 1, 2000, 200)
                .required("groupId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("groupId", Schemas.typed("string", "The group"))
                .property("type", Schemas.typed("string", "smart or static"))
                .property("total", Schemas.typed("integer", "Computers in the group"))
                .property("returned", Schemas.typed("integer", "Members in this answer"))
                .property("members", Schemas.arrayOf(member))
                .required("groupId", "type", "total", "returned", "members")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  int groupId = ToolBodies.classicId(ToolBodies.text(args, "groupId"), "groupId");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  GroupMembership.Members members;
                  try {
                    members = GroupMembership.of(support.jamf(), groupId);
                  } catch (JamfNotFoundException e) {
                    throw new ToolException(
                        "No computer group has id " + groupId + "; listComputerGroups lists them.");
                  }
                  ObjectNode out =
                      Json.object()
                          .put("groupId", Integer.toString(groupId))
                          .put("type", members.smart() ? "smart" : "static")
                          .put("total", members.ids().size());
                  ArrayNode items = out.putArray("members");
                  if (members.smart()) {
                    List<String> shown = members.ids().stream().limit(limit).toList();
                    if (!shown.isEmpty()) {
                      ListQuery query =
                          ListQuery.all()
                              .withSections(ComputerSection.GENERAL, ComputerSection.HARDWARE)
                              .withSort(Sort.asc("id"));
                      // Batched by the client: 2,000 ids do not fit one URL.
                      for (Computer c :
                          support
                              .jamf()
                              .computers()
                              .listAnyIn(query, Map.of("id", shown), shown.size())) {
                        items
                            .addObject()
                            .put("id", c.id())
                            .put("name", c.general() == null ? null : c.general().name())
                            .put(
                                "serial",
                                c.hardware() == null ? null : c.hardware().serialNumber());
                      }
                    }
                  } else {
                    for (GroupMember m : members.named().stream().limit(limit).toList()) {
                      items
                          .addObject()
                          .put("id", Integer.toString(m.id()))
                          .put("name", m.name())
                          .put("serial", m.serialNumber());
                    }
                  }
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      "Group "
                          + groupId
                          + " ("
                          + (members.smart() ? "smart" : "static")
                          + ") has "
                          + members.ids().size()
                          + " computers"
                          + (items.size() < members.ids().size() ? "; showing " + items.size() : "")
                          + ".",
                      out);
                }))
        .build();
  }
}
