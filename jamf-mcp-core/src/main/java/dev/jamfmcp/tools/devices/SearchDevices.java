package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.computers.Computer;
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
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code searchDevices}: computers found by a server-side RSQL filter, one page per call. */
final class SearchDevices {
  static final String[] SEARCHED = {
    "general.name",
    "hardware.serialNumber",
    "userAndLocation.username",
    "userAndLocation.realname",
    "userAndLocation.email",
    "general.lastReportedIp",
    "general.assetTag"
  };

  private SearchDevices() {}

  static Tool tool(ToolSupport support, OrgDirectory org) {
    return Tool.builder("searchDevices")
        .title("Search computers")
        .description(
            "Finds Macs. `query` matches part of the name, serial, username, real name, email, IP"
                + " or asset tag (case-insensitive, literal). Narrow by department, building, site"
                + " (names), model (part) and osVersion (\"15\", \"15.3\": 15.x, 15.3.x). Jamf Pro"
                + " filters all but site, which is matched here while paging (a request per 2,000"
                + " Macs the rest matches). A page per call, by name; pass nextCursor back as cursor.")
        .inputSchema(
            Schemas.object()
                .string(
                    "query",
                    "Text to find in name, serial, username, real name, email, IP or asset tag",
                    200)
                .string("department", "Department name (case-insensitive)", 100)
                .string("building", "Building name (case-insensitive)", 100)
                .string("site", "Site name, or none", 100)
                .string("model", "Part of the model name, e.g. \"MacBook Air\"", 100)
                .string(
                    "osVersion", "macOS version or prefix, e.g. \"15\", \"15.3\" or \"15.3.1\"", 32)
                .integer("limit", "Computers per page", 1, 200, 25)
                .string("cursor", "nextCursor of the previous page of this same search", 200)
                .build())
        .outputSchema(
            Schemas.object()
                .property("totalCount", Schemas.typed("integer", "How many computers match in all"))
                .property("returned", Schemas.typed("integer", "How many are on this page"))
                .property("devices", Schemas.arrayOf(ComputerRows.schema()))
                .property(
                    "nextCursor",
                    Schemas.nullableString(
                        "Pass as cursor for the next page; null on the last page"))
                .required("totalCount", "returned", "devices", "nextCursor")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              try {
                return search(support, org, args, ctx);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  private static ToolResult search(
      ToolSupport support, OrgDirectory org, ObjectNode args, RequestContext ctx) {
    Rsql filter =
        filter(
            org,
            text(args, "query"),
            text(args, "department"),
            text(args, "building"),
            text(args, "model"),
            text(args, "osVersion"));
    String siteName = text(args, "site");
    SiteFilter site = siteName == null ? null : SiteFilter.named(support.jamf(), siteName);
    int fingerprint =
        (filter == null ? 0 : filter.expression().hashCode())
            + (site == null ? 0 : 31 * site.fingerprint());
    String cursorText = text(args, "cursor");
    Cursor cursor =
        cursorText != null
            ? Cursor.decode(cursorText, fingerprint)
            : new Cursor(0, args.has("limit") ? args.get("limit").asInt() : 25, fingerprint);
    ListQuery query =
        ListQuery.all()
            .withSections(
                ComputerSection.GENERAL,
                ComputerSection.HARDWARE,
                ComputerSection.OPERATING_SYSTEM,
                ComputerSection.USER_AND_LOCATION)
            .withFilter(filter)
            .withSort(Sort.asc("general.name"), Sort.asc("id"))
            .withPageSize(cursor.pageSize());
    Page<Computer> page;
    if (site == null) {
      page = support.jamf().computers().list(query).page(cursor.page());
    } else {
      // No site field in the inventory filter of 11.30.1: matched here (see SiteFilter).
      SiteFilter.Cut<Computer> cut =
          site.cut(
              support.jamf().computers().list(query.withPageSize(ListQuery.MAX_PAGE_SIZE)),
              SiteFilter::siteIdOf,
              cursor.page(),
              cursor.pageSize(),
              ctx);
      page = new Page<>(cut.total(), cut.rows());
    }
    ObjectNode out = Json.object();
    out.put("totalCount", page.totalCount());
    out.put("returned", page.results().size());
    ArrayNode devices = out.putArray("devices");
    for (Computer c : page.results()) {
      devices.add(ComputerRows.row(c, org, support.links()));
    }
    long seen = (long) (cursor.page() + 1) * cursor.pageSize();
    out.put(
        "nextCursor",
        seen < page.totalCount()
            ? new Cursor(cursor.page() + 1, cursor.pageSize(), fingerprint).encode()
            : null);
    String summary =
        page.totalCount() == 0
            ? "No computer matches. Try a shorter query, or check the department/building name."
            : page.totalCount()
                + " computers match; this page has "
                + page.results().size()
                + (seen < page.totalCount() ? " (more with nextCursor)." : ".");
    return ToolResult.structured(summary, out);
  }

  /** Every condition the caller gave, joined with and; null when none (the whole fleet). */
  static Rsql filter(
      OrgDirectory org,
      String query,
      String department,
      String building,
      String model,
      String osVersion) {
    List<Rsql> parts = new ArrayList<>();
    if (query != null) {
      Rsql any = Rsql.contains(SEARCHED[0], query);
      Rsql[] rest = new Rsql[SEARCHED.length - 1];
      for (int i = 1; i < SEARCHED.length; i++) {
        rest[i - 1] = Rsql.contains(SEARCHED[i], query);
      }
      parts.add(any.or(rest));
    }
    if (department != null) {
      parts.add(Rsql.eq("userAndLocation.departmentId", org.departmentId(department)));
    }
    if (building != null) {
      parts.add(Rsql.eq("userAndLocation.buildingId", org.buildingId(building)));
    }
    if (model != null) {
      parts.add(Rsql.contains("hardware.model", model));
    }
    if (osVersion != null) {
      parts.add(osVersion(osVersion));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return parts.get(0).and(parts.subList(1, parts.size()).toArray(new Rsql[0]));
  }

  /** "15.3" matches 15.3 and 15.3.x, not 15.30: the exact value, or the value and a dot. */
  static Rsql osVersion(String version) {
    String literal = version.replace("*", "");
    Rsql exact = Rsql.eq("operatingSystem.version", literal);
    return literal.isEmpty()
        ? exact
        : exact.or(Rsql.like("operatingSystem.version", literal + ".*"));
  }

  static String text(ObjectNode args, String name) {
    var node = args.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asString().trim();
    return value.isEmpty() ? null : value;
  }
}
