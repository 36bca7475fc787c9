package dev.jamfmcp.tools.patch;

import dev.jamfmcp.jamf.patch.PatchTitle;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listPatchTitles. */
public final class PatchTools {
  private PatchTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.PATCH, listPatchTitles(support));
    catalog.tool(Toolset.PATCH, PatchStatus.tool(support));
  }

  static Tool listPatchTitles(ToolSupport support) {
    ObjectNode title =
        Schemas.object()
            .property("id", Schemas.typed("string", "Patch title configuration id"))
            .property("displayName", Schemas.typed("string", "Name shown in Jamf Pro"))
            .property("softwareTitleName", Schemas.nullableString("The software title"))
            .property("publisher", Schemas.nullableString("The software's publisher"))
            .required("id", "displayName")
            .buildOpen();
    return Tool.builder("listPatchTitles")
        .title("List patch titles")
        .description(
            "Patch management titles in Jamf Pro (name, software title, publisher, Jamf-maintained"
                + " or not), optionally those whose name or publisher contains `query`.")
        .inputSchema(
            Schemas.object()
                .string("query", "Case-insensitive text the name or publisher must contain", 200)
                .integer("limit", "Most titles to return", 1, 1000, 200)
                .build())
        .outputSchema(Schemas.object().limitedList("titles", "Titles", title).buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String query = ToolBodies.text(args, "query");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  String folded = query == null ? null : query.toLowerCase(Locale.ROOT);
                  List<PatchTitle> matching =
                      support.jamf().patchTitles().list().stream()
                          .filter(
                              t ->
                                  folded == null
                                      || contains(t.displayName(), folded)
                                      || contains(t.softwareTitleName(), folded)
                                      || contains(t.softwareTitlePublisher(), folded))
                          .toList();
                  ObjectNode out = Json.object().put("total", matching.size());
                  ArrayNode items = out.putArray("titles");
                  matching.stream()
                      .limit(limit)
                      .forEach(
                          t ->
                              items
                                  .addObject()
                                  .put("id", t.id())
                                  .put("displayName", t.displayName())
                                  .put("softwareTitleName", t.softwareTitleName())
                                  .put("publisher", t.softwareTitlePublisher())
                                  .put("jamfOfficial", Boolean.TRUE.equals(t.jamfOfficial())));
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      matching.size()
                          + " patch titles"
                          + (query == null ? "" : " matching '" + query + "'")
                          + ".",
                      out);
                }))
        .build();
  }

  private static boolean contains(String text, String folded) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(folded);
  }
}
