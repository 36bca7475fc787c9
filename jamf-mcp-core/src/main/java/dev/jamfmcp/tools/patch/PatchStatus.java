package dev.jamfmcp.tools.patch;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.patch.PatchReportEntry;
import dev.jamfmcp.jamf.patch.PatchVersionCount;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolBodies;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** getPatchStatus: how many computers run each version of a patch title, and which are behind. */
final class PatchStatus {
  private PatchStatus() {}

  static Tool tool(ToolSupport support) {
    return Tool.builder("getPatchStatus")
        .title("Get patch status of a title")
        .description(
            "Patch status of one patch title (id from listPatchTitles): computers per version,"
                + " newest first, how many are on the newest, and the first `limit` computers"
                + " not on it.")
        .inputSchema(
            Schemas.object()
                .property("titleId", Ids.object("Patch software title configuration id"))
                .integer("limit", "Most out-of-date computers to list", 0, 1000, 25)
                .required("titleId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("computers", Schemas.typed("integer", "Computers with the title"))
                .property("onNewest", Schemas.typed("integer", "On the newest version"))
                .property("versions", Schemas.typed("array", "Computers per version"))
                .required("computers", "onNewest", "versions")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String id =
                      String.valueOf(
                          ToolBodies.classicId(ToolBodies.text(args, "titleId"), "titleId"));
                  int limit = ToolBodies.integer(args, "limit", 25);
                  List<PatchVersionCount> counts = support.jamf().patchTitles().versionCounts(id);
                  String newest = counts.isEmpty() ? null : counts.get(0).version();
                  int total = counts.stream().mapToInt(PatchVersionCount::onVersion).sum();
                  int onNewest = counts.isEmpty() ? 0 : counts.get(0).onVersion();
                  ObjectNode out =
                      Json.object()
                          .put("titleId", id)
                          .put("newestVersion", newest)
                          .put("computers", total)
                          .put("onNewest", onNewest)
                          .put("behind", total - onNewest);
                  ArrayNode versions = out.putArray("versions");
                  counts.forEach(
                      c ->
                          versions
                              .addObject()
                              .put("version", c.version())
                              .put("computers", c.onVersion()));
                  ArrayNode behind = out.putArray("behindComputers");
                  if (limit > 0 && newest != null && total > onNewest) {
                    for (PatchReportEntry e :
                        support.jamf().patchTitles().report(id, ListQuery.all())) {
                      if (!newest.equals(e.version())) {
                        behind
                            .addObject()
                            .put("id", e.deviceId())
                            .put("name", e.computerName())
                            .put("version", e.version())
                            .put("lastCheckIn", e.lastCheckIn());
                        if (behind.size() >= limit) {
                          break;
                        }
                      }
                    }
                  }
                  return ToolResult.structured(
                      onNewest
                          + " of "
                          + total
                          + " computers run the newest version "
                          + newest
                          + "; "
                          + (total - onNewest)
                          + " are behind.",
                      out);
                }))
        .build();
  }
}
