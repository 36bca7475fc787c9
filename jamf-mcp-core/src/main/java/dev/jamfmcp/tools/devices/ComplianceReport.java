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
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Check-in compliance, exact over the whole fleet without downloading it. Every number comes from
 * Jamf Pro's own {@code totalCount} under a server-side filter on {@code general.lastContactTime}:
 *
 * <ol>
 *   <li>{@code total}: the computers (in the department, if one was named);
 *   <li>{@code compliant}: {@code lastContactTime >= now - days};
 *   <li>{@code staleKnown}: {@code lastContactTime < now - days} (this listing's first page is also
 *       the device list, oldest first);
 *   <li>{@code critical}: {@code lastContactTime < now - max(days, 90)}.
 * </ol>
 *
 * A computer that never contacted Jamf Pro has a null {@code lastContactTime}, which satisfies
 * neither comparison: {@code neverContacted = total - compliant - staleKnown}. Such a computer is
 * deliberately counted as noncompliant and as critical (it has not checked in for longer than any
 * cutoff). So {@code noncompliant = total - compliant}, {@code critical90Plus = critical +
 * neverContacted} and {@code warning = noncompliant - critical90Plus}. Four small requests, plus
 * the department list when a department is named; never a fleet scan. Never-contacted computers
 * cannot be selected by a filter, so they are counted but not listed.
 */
public final class ComplianceReport {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 2000;
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final ToolSupport support;
  private final OrgDirectory org;

  public ComplianceReport(ToolSupport support, OrgDirectory org) {
    this.support = support;
    this.org = org;
  }

  static Tool tool(ComplianceReport report) {
    return Tool.builder("checkDeviceCompliance")
        .title("Check-in compliance")
        .description(
            "Which Macs have not checked in with Jamf Pro for daysSinceLastCheckin days."
                + " The summary is exact over the whole fleet: total, noncompliant (no check-in for that long, or"
                + " never), critical90Plus (no check-in for 90+ days, or never), warning"
                + " (noncompliant but under 90 days). devices lists the noncompliant computers, oldest"
                + " check-in first, up to limit; truncated says whether more exist. Set"
                + " includeDevices=false for the numbers alone.")
        .inputSchema(
            Schemas.object()
                .integer(
                    "daysSinceLastCheckin",
                    "A computer is noncompliant after this many days without a check-in",
                    1,
                    3650,
                    30)
                .string(
                    "department", "Only computers of this department (name, case-insensitive)", 100)
                .bool(
                    "includeDevices", "List the noncompliant computers (false: summary only)", true)
                .integer(
                    "limit",
                    "Most computers to list (the summary stays exact)",
                    1,
                    MAX_LIMIT,
                    DEFAULT_LIMIT)
                .build())
        .outputSchema(outputSchema())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              int days =
                  args.has("daysSinceLastCheckin") ? args.get("daysSinceLastCheckin").asInt() : 30;
              boolean include =
                  !args.has("includeDevices") || args.get("includeDevices").asBoolean();
              int limit = args.has("limit") ? args.get("limit").asInt() : DEFAULT_LIMIT;
              ObjectNode out =
                  report.compute(days, SearchDevices.text(args, "department"), include, limit, ctx);
              ObjectNode s = (ObjectNode) out.get("summary");
              String text =
                  s.get("noncompliant").asLong()
                      + " of "
                      + s.get("total").asLong()
                      + " computers have not checked in for "
                      + days
                      + "+ days ("
                      + s.get("critical90Plus").asLong()
                      + " for 90+ days or never, "
                      + s.get("warning").asLong()
                      + " warning)."
                      + (out.has("note") && out.get("truncated").asBoolean()
                          ? " " + out.get("note").asString()
                          : "");
              return ToolResult.structured(text, out);
            })
        .build();
  }

  /** The report; {@code ctx} may be null (resources without progress). */
  public ObjectNode compute(
      int days, String department, boolean includeDevices, int limit, RequestContext ctx) {
    try {
      Instant now = support.clock().instant();
      Instant cutoff = now.minus(Duration.ofDays(days));
      Instant criticalCutoff = now.minus(Duration.ofDays(Math.max(days, 90)));
      Rsql scope =
          department == null
              ? null
              : Rsql.eq("userAndLocation.departmentId", org.departmentId(department));
      var computers = support.jamf().computers();

      long total = computers.list(query(scope, null)).count();
      progress(ctx, 1, "counted " + total + " computers");
      long compliant =
          computers
              .list(query(scope, Rsql.ge("general.lastContactTime", cutoff.toString())))
              .count();
      progress(ctx, 2, "counted " + compliant + " compliant");
      ListQuery stale =
          query(scope, Rsql.lt("general.lastContactTime", cutoff.toString()))
              .withSections(
                  ComputerSection.GENERAL,
                  ComputerSection.HARDWARE,
                  ComputerSection.USER_AND_LOCATION)
              .withSort(Sort.asc("general.lastContactTime"), Sort.asc("id"));
      Page<Computer> first =
          includeDevices ? computers.list(stale.withPageSize(limit)).page(0) : null;
      long staleKnown = first != null ? first.totalCount() : computers.list(stale).count();
      progress(ctx, 3, "counted " + staleKnown + " stale");
      long critical =
          computers
              .list(query(scope, Rsql.lt("general.lastContactTime", criticalCutoff.toString())))
              .count();
      progress(ctx, 4, "counted " + critical + " critical");

      long never = Math.max(0, total - compliant - staleKnown);
      long noncompliant = total - compliant;
      long critical90Plus = critical + never;
      ObjectNode out = Json.object();
      ObjectNode summary = out.putObject("summary");
      summary.put("total", total);
      summary.put("noncompliant", noncompliant);
      summary.put("critical90Plus", critical90Plus);
      summary.put("warning", noncompliant - critical90Plus);
      summary.put("compliant", compliant);
      summary.put("neverContacted", never);
      summary.put("daysSinceLastCheckin", days);
      summary.put("cutoff", cutoff.toString());
      summary.put("department", department);
      ArrayNode devices = out.putArray("devices");
      if (first != null) {
        for (Computer c : first.results()) {
          devices.add(device(c, now));
        }
      }
      boolean truncated = includeDevices && devices.size() < noncompliant;
      out.put("truncated", truncated);
      if (!includeDevices) {
        out.put("note", "Device list not requested (includeDevices=false).");
      } else if (never > 0) {
        out.put(
            "note",
            never
                + " computers never checked in: counted as noncompliant and critical,"
                + " but not listed (Jamf Pro cannot filter on a missing check-in time).");
      } else if (truncated) {
        out.put(
            "note",
            "Showing the "
                + devices.size()
                + " computers with the oldest check-ins of "
                + noncompliant
                + "; raise limit (max "
                + MAX_LIMIT
                + ") or narrow by department for more.");
      }
      return out;
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
  }

  private ObjectNode device(Computer c, Instant now) {
    ObjectNode d = Json.object();
    d.put("id", c.id());
    d.put("name", c.general() == null ? null : c.general().name());
    d.put("serial", c.hardware() == null ? null : c.hardware().serialNumber());
    var user = c.userAndLocation();
    d.put("user", user == null ? null : ComputerRows.emptyToNull(user.username()));
    d.put("department", user == null ? null : org.departmentName(user.departmentId()));
    String last = c.general() == null ? null : c.general().lastContactTime();
    d.put("lastContactTime", last);
    if (last == null) {
      d.putNull("daysSince");
    } else {
      d.put("daysSince", (now.toEpochMilli() - Instant.parse(last).toEpochMilli()) / DAY);
    }
    d.put("url", support.links().computer(c.id()));
    return d;
  }

  private static ListQuery query(Rsql scope, Rsql condition) {
    Rsql filter = scope == null ? condition : condition == null ? scope : scope.and(condition);
    return ListQuery.all().withFilter(filter);
  }

  private static void progress(RequestContext ctx, int step, String message) {
    if (ctx != null) {
      ctx.cancellation().throwIfCancelled();
      ctx.progress(step, 4.0, message);
    }
  }

  static ObjectNode outputSchema() {
    ObjectNode count = Schemas.typed("integer", "count");
    ObjectNode summary =
        Schemas.object()
            .property("total", Schemas.typed("integer", "Computers considered"))
            .property(
                "noncompliant",
                Schemas.typed(
                    "integer", "No check-in for daysSinceLastCheckin days or more, or never"))
            .property(
                "critical90Plus",
                Schemas.typed(
                    "integer",
                    "No check-in for 90+ days (and at least daysSinceLastCheckin), or never"))
            .property(
                "warning", Schemas.typed("integer", "Noncompliant but checked in within 90 days"))
            .property("compliant", count)
            .property(
                "neverContacted",
                Schemas.typed(
                    "integer",
                    "Computers with no check-in at all (part of noncompliant and critical90Plus)"))
            .property("daysSinceLastCheckin", count)
            .property(
                "cutoff", Schemas.typed("string", "Check-ins before this instant are noncompliant"))
            .property(
                "department", Schemas.nullableString("The department the report is limited to"))
            .required("total", "noncompliant", "critical90Plus", "warning")
            .buildOpen();
    ObjectNode device =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf Pro computer id"))
            .property("name", Schemas.nullableString("Computer name"))
            .property("serial", Schemas.nullableString("Serial number"))
            .property("user", Schemas.nullableString("Assigned user's username"))
            .property("department", Schemas.nullableString("Department name"))
            .property("lastContactTime", Schemas.nullableString("Last check-in (ISO-8601)"))
            .property("daysSince", nullableInteger())
            .property("url", Schemas.typed("string", "Page in Jamf Pro"))
            .required("id", "daysSince")
            .buildOpen();
    return Schemas.object()
        .property("summary", summary)
        .property("devices", Schemas.arrayOf(device))
        .property(
            "truncated",
            Schemas.typed("boolean", "True when more noncompliant computers exist than are listed"))
        .property("note", Schemas.typed("string", "Why the list is partial, when it is"))
        .required("summary", "devices", "truncated")
        .buildOpen();
  }

  private static ObjectNode nullableInteger() {
    ObjectNode node = Json.object().put("description", "Whole days since the last check-in");
    node.putArray("type").add("integer").add("null");
    return node;
  }
}
