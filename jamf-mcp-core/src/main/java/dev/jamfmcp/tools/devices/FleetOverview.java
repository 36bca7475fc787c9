package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fleet counts by OS version, model, department, check-in age and FileVault state: one streaming
 * pass over the whole fleet with the four sections those need (2000 computers a request), counting
 * as pages arrive and holding no computer longer than its page.
 */
public final class FleetOverview {
  private static final long DAY = Duration.ofDays(1).toMillis();
  static final String NONE = "(none)";

  private final ToolSupport support;
  private final OrgDirectory org;

  public FleetOverview(ToolSupport support, OrgDirectory org) {
    this.support = support;
    this.org = org;
  }

  static Tool tool(FleetOverview overview) {
    ObjectNode counts = counts("Computers per value");
    return Tool.builder("getFleetOverview")
        .title("Fleet overview")
        .description(
            "Counts of all Macs in Jamf Pro: by macOS version, by model, by department"
                + " (names), by check-in age (under 7 days, 7-30, 30-90, 90+, never) and by FileVault"
                + " state. Exact (every computer counted); large fleets take a few seconds.")
        .inputSchema(Schemas.object().build())
        .outputSchema(
            Schemas.object()
                .property("total", Schemas.typed("integer", "Computers counted"))
                .property("byOsVersion", counts)
                .property("byModel", counts)
                .property("byDepartment", counts)
                .property("byCheckIn", counts)
                .property("byFileVault", counts)
                .property("asOf", Schemas.typed("string", "When the counting started (ISO-8601)"))
                .required(
                    "total", "byOsVersion", "byModel", "byDepartment", "byCheckIn", "byFileVault")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              ObjectNode out = overview.compute(ctx);
              return ToolResult.structured(
                  "Fleet overview of " + out.get("total").asLong() + " computers.", out);
            })
        .build();
  }

  public ObjectNode compute(RequestContext ctx) {
    try {
      Instant now = support.clock().instant();
      Map<String, Long> os = new HashMap<>();
      Map<String, Long> model = new HashMap<>();
      Map<String, Long> department = new HashMap<>();
      Map<String, Long> fileVault = new HashMap<>();
      Map<String, Long> checkIn = new java.util.LinkedHashMap<>();
      for (String bucket :
          new String[] {"under7Days", "days7To30", "days30To90", "days90Plus", "never"}) {
        checkIn.put(bucket, 0L);
      }
      Map<String, String> departmentNames = org.departments();
      ListQuery query =
          ListQuery.all()
              .withSections(
                  ComputerSection.GENERAL,
                  ComputerSection.HARDWARE,
                  ComputerSection.OPERATING_SYSTEM,
                  ComputerSection.USER_AND_LOCATION);
      long total =
          FleetScan.scan(
              support,
              query,
              ctx,
              c -> {
                add(os, c.operatingSystem() == null ? null : c.operatingSystem().version());
                add(model, c.hardware() == null ? null : c.hardware().model());
                add(
                    fileVault,
                    c.operatingSystem() == null ? null : c.operatingSystem().fileVault2Status());
                String depId =
                    c.userAndLocation() == null ? null : c.userAndLocation().departmentId();
                add(
                    department,
                    depId == null
                        ? null
                        : departmentNames.getOrDefault(depId, "unknown id " + depId));
                add(
                    checkIn,
                    bucket(c.general() == null ? null : c.general().lastContactTime(), now));
              });
      ObjectNode out = Json.object();
      out.put("total", total);
      out.set("byOsVersion", sorted(os, true));
      out.set("byModel", sorted(model, false));
      out.set("byDepartment", sorted(department, false));
      ObjectNode buckets = out.putObject("byCheckIn");
      checkIn.forEach(buckets::put);
      out.set("byFileVault", sorted(fileVault, false));
      out.put("asOf", now.toString());
      return out;
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
  }

  static String bucket(String lastContact, Instant now) {
    if (lastContact == null || lastContact.isBlank()) {
      return "never";
    }
    long days;
    try {
      days = (now.toEpochMilli() - Instant.parse(lastContact).toEpochMilli()) / DAY;
    } catch (DateTimeParseException e) {
      return "never";
    }
    return days < 7
        ? "under7Days"
        : days < 30 ? "days7To30" : days < 90 ? "days30To90" : "days90Plus";
  }

  static void add(Map<String, Long> counts, String key) {
    counts.merge(key == null || key.isBlank() ? NONE : key, 1L, Long::sum);
  }

  /** Versions newest first; everything else by count, largest first. */
  static ObjectNode sorted(Map<String, Long> counts, boolean versions) {
    Comparator<Map.Entry<String, Long>> order =
        versions
            ? (a, b) -> Versions.compare(b.getKey(), a.getKey())
            : Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey());
    ObjectNode out = Json.object();
    counts.entrySet().stream().sorted(order).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static ObjectNode counts(String description) {
    ObjectNode node = Schemas.typed("object", description);
    node.putObject("additionalProperties").put("type", "integer").put("minimum", 0);
    return node;
  }
}
