package dev.jamfmcp.tools.software;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Application;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ComputerApplications;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** findComputersBySoftware: "which Macs run Chrome below 120", counted exactly over the fleet. */
public final class SoftwareTools {
  private SoftwareTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.INVENTORY, findComputersBySoftware(support));
  }

  static Tool findComputersBySoftware(ToolSupport support) {
    return Tool.builder("findComputersBySoftware")
        .title("Find computers by installed software")
        .description(
            "Which Macs have an application (name contains `application`, e.g. 'Chrome'),"
                + " optionally only below `belowVersion` (numeric comparison, e.g. '120'). Exact"
                + " counts over every computer, counts per version, and the first `limit` Macs.")
        .inputSchema(
            Schemas.object()
                .string("application", "Application name or part of it, e.g. Chrome", 200)
                .string("belowVersion", "Only versions lower than this, e.g. 120", 50)
                .integer("limit", "Most computers to list", 0, 1000, 50)
                .required("application")
                .build())
        .outputSchema(
            Schemas.object()
                .property("matching", Schemas.typed("integer", "Computers that match"))
                .property("computersWithApplication", Schemas.typed("integer", "At any version"))
                .property("computers", Schemas.typed("array", "The first `limit` matches"))
                .required("matching", "computersWithApplication", "computers")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  String application = ToolBodies.text(args, "application");
                  String below = ToolBodies.text(args, "belowVersion");
                  int limit = ToolBodies.integer(args, "limit", 50);
                  String folded = application.toLowerCase(Locale.ROOT);
                  int scanned = 0;
                  int withApp = 0;
                  int matching = 0;
                  Map<String, Integer> versions = new TreeMap<>(SoftwareTools::compareVersions);
                  ObjectNode out = Json.object();
                  ArrayNode computers = Json.mapper().createArrayNode();
                  for (ComputerApplications c :
                      support.jamf().inventory().computerApplications(ListQuery.all())) {
                    scanned++;
                    Application found = null;
                    if (c.applications() != null) {
                      for (Application a : c.applications()) {
                        if (a.name() != null
                            && a.name().toLowerCase(Locale.ROOT).contains(folded)) {
                          found = a;
                          break;
                        }
                      }
                    }
                    if (found == null) {
                      continue;
                    }
                    withApp++;
                    String version = found.version() == null ? "" : found.version();
                    if (below != null && compareVersions(version, below) >= 0) {
                      continue;
                    }
                    matching++;
                    versions.merge(version, 1, Integer::sum);
                    if (computers.size() < limit) {
                      computers
                          .addObject()
                          .put("id", c.id())
                          .put("name", c.general() == null ? null : c.general().name())
                          .put("serial", c.general() == null ? null : c.general().serialNumber())
                          .put("application", found.name())
                          .put("version", version);
                    }
                  }
                  out.put("application", application)
                      .put("belowVersion", below)
                      .put("computersScanned", scanned)
                      .put("computersWithApplication", withApp)
                      .put("matching", matching);
                  ObjectNode perVersion = out.putObject("matchingByVersion");
                  versions.forEach(perVersion::put);
                  out.set("computers", computers);
                  out.put("returned", computers.size());
                  return ToolResult.structured(
                      matching
                          + " of "
                          + scanned
                          + " computers have '"
                          + application
                          + "'"
                          + (below == null ? "" : " below " + below)
                          + " ("
                          + withApp
                          + " have it at any version).",
                      out);
                }))
        .build();
  }

  /**
   * Dotted versions compared part by part as numbers ("119.0.6045" below "120"; missing parts are
   * 0); a part that is not a number counts as -1, and numerically equal texts tie-break by text.
   */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? number(x[i]) : 0;
      int q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int number(String part) {
    try {
      return Integer.parseInt(part.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
