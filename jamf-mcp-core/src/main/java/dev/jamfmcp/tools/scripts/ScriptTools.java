package dev.jamfmcp.tools.scripts;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.scripts.Script;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listScripts and getScriptDetails. Scripts run only from policies; there is no "run now". */
public final class ScriptTools {
  /** Longer script bodies are cut, and the answer says so. */
  static final int MAX_CONTENT = 20_000;

  private ScriptTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.SCRIPTS, listScripts(support));
    catalog.tool(Toolset.SCRIPTS, getScriptDetails(support));
  }

  static Tool listScripts(ToolSupport support) {
    ObjectNode script =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf script id"))
            .property("name", Schemas.typed("string", "Script name"))
            .property("category", Schemas.nullableString("Category name"))
            .property("url", Schemas.typed("string", "The script in the Jamf Pro web interface"))
            .required("id", "name")
            .buildOpen();
    return Tool.builder("listScripts")
        .title("List scripts")
        .description(
            "Lists the scripts stored in Jamf Pro (id, name, category), optionally"
                + " those whose name contains `query`, filtered by Jamf Pro itself. Scripts run only"
                + " as part of a policy; use getScriptDetails for a script's content.")
        .inputSchema(
            Schemas.object()
                .string("query", "Case-insensitive text the script name must contain", 200)
                .integer("limit", "Most scripts to return", 1, 1000, 200)
                .build())
        .outputSchema(Schemas.object().limitedList("scripts", "Scripts", script).buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String query = ToolBodies.text(args, "query");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  ListQuery list = ListQuery.all().withSort(Sort.asc("name")).withPageSize(limit);
                  if (query != null) {
                    list = list.withFilter(Rsql.contains("name", query));
                  }
                  Page<Script> page = support.jamf().scripts().list(list).page(0);
                  ObjectNode out = Json.object().put("total", page.totalCount());
                  ArrayNode items = out.putArray("scripts");
                  page.results()
                      .forEach(
                          s ->
                              items
                                  .addObject()
                                  .put("id", s.id())
                                  .put("name", s.name())
                                  .put("category", s.categoryName())
                                  .put("url", support.links().script(s.id())));
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      page.totalCount()
                          + " scripts"
                          + (query == null ? "" : " matching '" + query + "'")
                          + (items.size() < page.totalCount() ? "; showing " + items.size() : "")
                          + ".",
                      out);
                }))
        .build();
  }

  static Tool getScriptDetails(ToolSupport support) {
    return Tool.builder("getScriptDetails")
        .title("Get script details")
        .description(
            "One script: name, category, priority, OS requirements, notes, the labels"
                + " of parameters 4 to 11, and its content (cut after "
                + MAX_CONTENT
                + " characters, which the answer then says).")
        .inputSchema(
            Schemas.object()
                .property("scriptId", Ids.object("Jamf script id, e.g. \"3\" (see listScripts)"))
                .required("scriptId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf script id"))
                .property("name", Schemas.typed("string", "Script name"))
                .property("content", Schemas.nullableString("The script, possibly cut"))
                .property("contentTruncated", Schemas.typed("boolean", "True when content was cut"))
                .property("parameters", Schemas.typed("object", "Labels of parameters 4 to 11"))
                .required("id", "name", "contentTruncated")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String id =
                      String.valueOf(
                          ToolBodies.classicId(ToolBodies.text(args, "scriptId"), "scriptId"));
                  Script s = support.jamf().scripts().get(id);
                  String content = s.scriptContents();
                  boolean cut = content != null && content.length() > MAX_CONTENT;
                  ObjectNode out =
                      Json.object()
                          .put("id", s.id())
                          .put("name", s.name())
                          .put("category", s.categoryName())
                          .put("priority", s.priority())
                          .put("osRequirements", s.osRequirements())
                          .put("info", s.info())
                          .put("notes", s.notes())
                          .put("url", support.links().script(s.id()))
                          .put("content", cut ? content.substring(0, MAX_CONTENT) : content)
                          .put("contentTruncated", cut);
                  ObjectNode parameters = out.putObject("parameters");
                  String[] labels = {
                    s.parameter4(),
                    s.parameter5(),
                    s.parameter6(),
                    s.parameter7(),
                    s.parameter8(),
                    s.parameter9(),
                    s.parameter10(),
                    s.parameter11()
                  };
                  for (int i = 0; i < labels.length; i++) {
                    if (labels[i] != null && !labels[i].isBlank()) {
                      parameters.put("parameter" + (i + 4), labels[i]);
                    }
                  }
                  return ToolResult.structured(
                      "Script '"
                          + s.name()
                          + "' (id "
                          + s.id()
                          + ")"
                          + (cut ? "; content cut at " + MAX_CONTENT + " characters." : "."),
                      out);
                }))
        .build();
  }
}
