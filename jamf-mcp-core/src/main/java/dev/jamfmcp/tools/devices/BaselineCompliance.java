package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.ComplianceBaseline;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * checkComplianceBaseline: every device checked against a baseline (check-in and inventory age,
 * minimum macOS and iOS/iPadOS, FileVault, SIP, Gatekeeper, firewall, MDM profile expiry, bootstrap
 * token, supervision). One streaming pass per platform with only the sections the checks read
 * (computers: GENERAL, OPERATING_SYSTEM, SECURITY; mobile devices: GENERAL), 2,000 a page, so the
 * Jamf requests are those of getSecurityPosture: ceil(computers / 2000) + ceil(mobile / 2000).
 * Counts are exact; the failing devices are listed up to a limit, each with the checks it failed. A
 * value Jamf Pro did not collect makes its check unknown: never passed, never failed.
 */
public final class BaselineCompliance {
  static final String NAME = "checkComplianceBaseline";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 2000;
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** The checks, in the order they are reported. */
  enum Check {
    CHECK_IN("checkIn"),
    INVENTORY("inventory"),
    OS_VERSION("osVersion"),
    FILE_VAULT("fileVault"),
    SIP("sip"),
    GATEKEEPER("gatekeeper"),
    FIREWALL("firewall"),
    MDM_PROFILE("mdmProfile"),
    BOOTSTRAP_TOKEN("bootstrapToken"),
    SUPERVISION("supervision");

    final String key;

    Check(String key) {
      this.key = key;
    }
  }

  enum Outcome {
    PASS,
    FAIL,
    UNKNOWN
  }

  private final ToolSupport support;
  private final OrgDirectory org;

  public BaselineCompliance(ToolSupport support, OrgDirectory org) {
    this.support = support;
    this.org = org;
  }

  static Tool tool(BaselineCompliance compliance) {
    ComplianceBaseline d = compliance.support.baseline();
    return Tool.builder(NAME)
        .title("Compliance baseline")
        .description(
            "Exact counts of Macs, iPhones and iPads that pass, fail or are unknown against the"
                + " baseline's checks, with each failing device's failed checks. Not collected ="
                + " unknown, never pass or fail. Checks and defaults: "
                + describe(d)
                + "; override any per call (0, \"off\" or false turns a check off).")
        .inputSchema(
            Schemas.object()
                .enumeration(
                    "platform", "Which devices (default all)", "all", "computers", "mobile")
                .string(
                    "department", "Only devices of this department (name, case-insensitive)", 100)
                .string("site", "Site name, or none", 100)
                .integer("checkInDays", "Fail after this many days without check-in", 0, 3650, null)
                .integer("inventoryDays", "Fail when inventory is older than this", 0, 3650, null)
                .string("minMacOsVersion", "Lowest passing macOS, e.g. 15.0; off: no check", 20)
                .string("minIosVersion", "Lowest passing iOS/iPadOS, e.g. 18.0; off: no check", 20)
                .bool("fileVault", "Macs must have FileVault on", null)
                .bool("sip", "Macs must have SIP on", null)
                .bool("gatekeeper", "Macs must have Gatekeeper on", null)
                .bool("firewall", "Macs must have the firewall on", null)
                .integer(
                    "mdmProfileDays",
                    "The MDM profile must stay valid this many more days",
                    0,
                    3650,
                    null)
                .bool("bootstrapToken", "Macs must have the bootstrap token escrowed", null)
                .bool("supervision", "iPhones and iPads must be supervised", null)
                .bool("includeDevices", "List the failing devices (false: counts only)", true)
                .integer("limit", "Most failing devices to list", 1, MAX_LIMIT, DEFAULT_LIMIT)
                .build())
        .outputSchema(outputSchema())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(dev.jamfmcp.tools.JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              ComplianceBaseline baseline = overridden(d, args);
              String platform = SearchDevices.text(args, "platform");
              boolean include =
                  !args.has("includeDevices") || args.get("includeDevices").asBoolean();
              int limit = args.has("limit") ? args.get("limit").asInt() : DEFAULT_LIMIT;
              ObjectNode out =
                  compliance.compute(
                      baseline,
                      platform == null ? "all" : platform,
                      SearchDevices.text(args, "department"),
                      SearchDevices.text(args, "site"),
                      include ? limit : 0,
                      ctx);
              return ToolResult.structured(summaryText(out), out);
            })
        .build();
  }

  /** The defaults with the call's overrides; a bad value is a clear error. */
  static ComplianceBaseline overridden(ComplianceBaseline defaults, ObjectNode args) {
    ComplianceBaseline b = defaults;
    for (Check check : Check.values()) {
      for (String key : overrideKeys(check)) {
        JsonNode v = args.get(key);
        if (v != null && !v.isNull()) {
          try {
            b = b.with(key, v.isString() ? v.asString() : v.toString());
          } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage() + ". Nothing was checked.");
          }
        }
      }
    }
    return b;
  }

  private static List<String> overrideKeys(Check check) {
    return switch (check) {
      case CHECK_IN -> List.of("checkInDays");
      case INVENTORY -> List.of("inventoryDays");
      case OS_VERSION -> List.of("minMacOsVersion", "minIosVersion");
      case MDM_PROFILE -> List.of("mdmProfileDays");
      default -> List.of(check.key);
    };
  }

  /**
   * The report; {@code limit} 0 lists no devices, {@code ctx} may be null. For one site ({@code
   * site} a name or "none"; null: every site). Jamf's inventory filters have no site field, so
   * devices of other sites are skipped while streaming: the same requests as without it, plus one
   * for the site list.
   */
  public ObjectNode compute(
      ComplianceBaseline baseline,
      String platform,
      String department,
      String site,
      int limit,
      RequestContext ctx) {
    try {
      SiteFilter sites = site == null ? null : SiteFilter.named(support.jamf(), site);
      Instant now = support.clock().instant();
      Tally computers = new Tally();
      Tally mobile = new Tally();
      ArrayNode devices = Json.mapper().createArrayNode();
      long[] failing = {0};
      if (!"mobile".equals(platform)) {
        ListQuery query =
            ListQuery.all()
                .withSections(
                    ComputerSection.GENERAL,
                    ComputerSection.OPERATING_SYSTEM,
                    ComputerSection.SECURITY);
        if (department != null) {
          query =
              query.withFilter(
                  Rsql.eq("userAndLocation.departmentId", org.departmentId(department)));
        }
        FleetScan.scan(
            support,
            query,
            ctx,
            c -> {
              if (sites != null && !sites.matches(c)) {
                return;
              }
              Map<Check, String> failed = new EnumMap<>(Check.class);
              Map<Check, Outcome> outcomes = checkComputer(c, baseline, now, failed);
              if (computers.add(outcomes) == Outcome.FAIL && failing[0]++ < limit) {
                devices.add(
                    device(
                        "computer:" + c.id(),
                        c.general() == null ? null : c.general().name(),
                        failed,
                        outcomes,
                        support.links().computer(c.id())));
              }
            });
      }
      if (!"computers".equals(platform)) {
        ListQuery query =
            ListQuery.all()
                .withSections(MobileDeviceSection.GENERAL)
                .withPageSize(ListQuery.MAX_PAGE_SIZE);
        if (department != null) {
          String id = org.departmentId(department);
          query = query.withFilter(Rsql.eq("department", org.departments().get(id)));
        }
        long seen = 0;
        for (MobileDeviceInventory m : support.jamf().mobileDevices().inventory(query)) {
          if (ctx != null && ++seen % ListQuery.MAX_PAGE_SIZE == 0) {
            ctx.cancellation().throwIfCancelled();
            ctx.progress(seen, null, "checked " + seen + " mobile devices");
          }
          if (sites != null && !sites.matches(m.general() == null ? null : m.general().siteId())) {
            continue;
          }
          Map<Check, String> failed = new EnumMap<>(Check.class);
          Map<Check, Outcome> outcomes = checkMobile(m, baseline, now, failed);
          if (mobile.add(outcomes) == Outcome.FAIL && failing[0]++ < limit) {
            devices.add(
                device(
                    "mobile:" + m.mobileDeviceId(),
                    m.general() == null ? null : m.general().displayName(),
                    failed,
                    outcomes,
                    support.links().mobileDevice(m.mobileDeviceId())));
          }
        }
      }
      ObjectNode out = Json.object();
      out.set("baseline", Json.mapper().valueToTree(baseline));
      out.put("department", department);
      if (sites != null) {
        out.put("site", sites.name());
      }
      out.put("asOf", now.toString());
      ObjectNode summary = out.putObject("summary");
      if (!"mobile".equals(platform)) {
        summary.set("computers", computers.toJson());
      }
      if (!"computers".equals(platform)) {
        summary.set("mobileDevices", mobile.toJson());
      }
      out.set("devices", devices);
      out.put("truncated", failing[0] > devices.size());
      if (limit == 0) {
        out.put("note", "Device list not requested (includeDevices=false).");
      } else if (failing[0] > devices.size()) {
        out.put(
            "note",
            "Showing "
                + devices.size()
                + " of "
                + failing[0]
                + " failing devices; raise limit (max "
                + MAX_LIMIT
                + "), narrow by platform or department, or turn checks off.");
      }
      return out;
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
  }

  static Map<Check, Outcome> checkComputer(
      Computer c, ComplianceBaseline b, Instant now, Map<Check, String> why) {
    Map<Check, Outcome> out = new EnumMap<>(Check.class);
    var g = c.general();
    var os = c.operatingSystem();
    var sec = c.security();
    if (b.checkInDays() > 0) {
      out.put(
          Check.CHECK_IN,
          age(g == null ? null : g.lastContactTime(), b.checkInDays(), now, Check.CHECK_IN, why));
    }
    if (b.inventoryDays() > 0) {
      out.put(
          Check.INVENTORY,
          age(g == null ? null : g.reportDate(), b.inventoryDays(), now, Check.INVENTORY, why));
    }
    if (!b.minMacOsVersion().isEmpty()) {
      out.put(
          Check.OS_VERSION,
          minimum(os == null ? null : os.version(), b.minMacOsVersion(), "macOS", why));
    }
    if (b.fileVault()) {
      out.put(
          Check.FILE_VAULT,
          status(
              Check.FILE_VAULT,
              os == null ? null : os.fileVault2Status(),
              SecurityPosture.FILE_VAULT_ON,
              SecurityPosture.FILE_VAULT_OFF,
              why));
    }
    if (b.sip()) {
      out.put(
          Check.SIP,
          status(
              Check.SIP,
              sec == null ? null : sec.sipStatus(),
              SecurityPosture.SIP_ON,
              SecurityPosture.SIP_OFF,
              why));
    }
    if (b.gatekeeper()) {
      out.put(
          Check.GATEKEEPER,
          status(
              Check.GATEKEEPER,
              sec == null ? null : sec.gatekeeperStatus(),
              SecurityPosture.GATEKEEPER_ON,
              SecurityPosture.GATEKEEPER_OFF,
              why));
    }
    if (b.firewall()) {
      Boolean on = sec == null ? null : sec.firewallEnabled();
      out.put(
          Check.FIREWALL,
          status(
              Check.FIREWALL,
              on == null ? null : on ? "ENABLED" : "DISABLED",
              SecurityPosture.FIREWALL_ON,
              SecurityPosture.FIREWALL_OFF,
              why));
    }
    if (b.mdmProfileDays() > 0) {
      Boolean managed =
          g == null || g.remoteManagement() == null ? null : g.remoteManagement().managed();
      out.put(
          Check.MDM_PROFILE,
          Boolean.FALSE.equals(managed)
              ? fail(why, Check.MDM_PROFILE, "not managed by Jamf Pro (no MDM profile)")
              : expiry(g == null ? null : g.mdmProfileExpiration(), b.mdmProfileDays(), now, why));
    }
    if (b.bootstrapToken()) {
      String token = sec == null ? null : sec.bootstrapTokenEscrowedStatus();
      out.put(
          Check.BOOTSTRAP_TOKEN,
          "ESCROWED".equals(token)
              ? Outcome.PASS
              : "NOT_ESCROWED".equals(token)
                  ? fail(why, Check.BOOTSTRAP_TOKEN, "bootstrap token not escrowed")
                  : Outcome.UNKNOWN); // NOT_SUPPORTED or not collected
    }
    return out;
  }

  static Map<Check, Outcome> checkMobile(
      MobileDeviceInventory m, ComplianceBaseline b, Instant now, Map<Check, String> why) {
    Map<Check, Outcome> out = new EnumMap<>(Check.class);
    var g = m.general();
    if (b.checkInDays() > 0) {
      out.put(
          Check.CHECK_IN,
          age(g == null ? null : g.lastContactDate(), b.checkInDays(), now, Check.CHECK_IN, why));
    }
    if (b.inventoryDays() > 0) {
      out.put(
          Check.INVENTORY,
          age(
              g == null ? null : g.lastInventoryUpdateDate(),
              b.inventoryDays(),
              now,
              Check.INVENTORY,
              why));
    }
    boolean ios = m.deviceType() == null || "iOS".equalsIgnoreCase(m.deviceType());
    if (!b.minIosVersion().isEmpty()) {
      out.put(
          Check.OS_VERSION,
          ios
              ? minimum(g == null ? null : g.osVersion(), b.minIosVersion(), "iOS", why)
              : Outcome.UNKNOWN); // tvOS, watchOS, visionOS: no iOS minimum applies
    }
    if (b.mdmProfileDays() > 0) {
      out.put(
          Check.MDM_PROFILE,
          Boolean.FALSE.equals(g == null ? null : g.managed())
              ? fail(why, Check.MDM_PROFILE, "not managed by Jamf Pro (no MDM profile)")
              : expiry(
                  g == null ? null : g.mdmProfileExpirationDate(), b.mdmProfileDays(), now, why));
    }
    if (b.supervision()) {
      Boolean supervised = g == null ? null : g.supervised();
      out.put(
          Check.SUPERVISION,
          supervised == null
              ? Outcome.UNKNOWN
              : supervised ? Outcome.PASS : fail(why, Check.SUPERVISION, "not supervised"));
    }
    return out;
  }

  /** A date that must be within {@code days}; a missing one (never) fails. */
  private static Outcome age(
      String when, int days, Instant now, Check check, Map<Check, String> why) {
    Instant at = instant(when);
    if (at == null) {
      return fail(
          why, check, check == Check.CHECK_IN ? "never checked in" : "no inventory reported");
    }
    long age = (now.toEpochMilli() - at.toEpochMilli()) / DAY;
    return age < days ? Outcome.PASS : fail(why, check, age + " days ago (limit " + days + ")");
  }

  private static Outcome expiry(String when, int days, Instant now, Map<Check, String> why) {
    Instant at = instant(when);
    if (at == null) {
      return Outcome.UNKNOWN;
    }
    long left = Math.floorDiv(at.toEpochMilli() - now.toEpochMilli(), DAY);
    if (left >= days) {
      return Outcome.PASS;
    }
    return fail(
        why,
        Check.MDM_PROFILE,
        left < 0
            ? "MDM profile expired " + (-left) + " days ago"
            : "MDM profile expires in " + left + " days (needs " + days + ")");
  }

  private static Outcome minimum(String version, String min, String os, Map<Check, String> why) {
    if (version == null || version.isBlank()) {
      return Outcome.UNKNOWN;
    }
    return atLeast(version, min)
        ? Outcome.PASS
        : fail(why, Check.OS_VERSION, os + " " + version + " below " + min);
  }

  private static Outcome status(
      Check check,
      String value,
      java.util.Set<String> on,
      java.util.Set<String> off,
      Map<Check, String> why) {
    if (value != null && on.contains(value)) {
      return Outcome.PASS;
    }
    if (value != null && off.contains(value)) {
      return fail(why, check, value);
    }
    return Outcome.UNKNOWN;
  }

  private static Outcome fail(Map<Check, String> why, Check check, String reason) {
    why.put(check, reason);
    return Outcome.FAIL;
  }

  /** Numeric, part by part; missing parts are 0 ("15" equals "15.0"). */
  static boolean atLeast(String version, String min) {
    String[] v = version.trim().split("\\.");
    String[] m = min.split("\\.");
    for (int i = 0; i < Math.max(v.length, m.length); i++) {
      int a = i < v.length ? leadingNumber(v[i]) : 0;
      int b = i < m.length ? leadingNumber(m[i]) : 0;
      if (a != b) {
        return a > b;
      }
    }
    return true;
  }

  private static int leadingNumber(String part) {
    int end = 0;
    while (end < part.length() && end < 9 && Character.isDigit(part.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ObjectNode device(
      String ref,
      String name,
      Map<Check, String> failed,
      Map<Check, Outcome> outcomes,
      String url) {
    ObjectNode d = Json.object();
    d.put("ref", ref);
    d.put("name", name);
    ObjectNode f = d.putObject("failed");
    failed.forEach((check, reason) -> f.put(check.key, reason));
    ArrayNode unknown = d.putArray("unknown");
    outcomes.forEach(
        (check, outcome) -> {
          if (outcome == Outcome.UNKNOWN) {
            unknown.add(check.key);
          }
        });
    d.put("url", url);
    return d;
  }

  /** Exact counts: devices by verdict, and pass/fail/unknown per check. */
  static final class Tally {
    long total;
    long compliant;
    long failing;
    long unknown;
    final Map<Check, long[]> perCheck = new EnumMap<>(Check.class);

    Outcome add(Map<Check, Outcome> outcomes) {
      total++;
      boolean anyFail = false;
      boolean anyUnknown = false;
      for (Map.Entry<Check, Outcome> e : outcomes.entrySet()) {
        perCheck.computeIfAbsent(e.getKey(), k -> new long[3])[e.getValue().ordinal()]++;
        anyFail |= e.getValue() == Outcome.FAIL;
        anyUnknown |= e.getValue() == Outcome.UNKNOWN;
      }
      Outcome verdict = anyFail ? Outcome.FAIL : anyUnknown ? Outcome.UNKNOWN : Outcome.PASS;
      switch (verdict) {
        case FAIL -> failing++;
        case UNKNOWN -> unknown++;
        default -> compliant++;
      }
      return verdict;
    }

    ObjectNode toJson() {
      ObjectNode out = Json.object();
      out.put("total", total);
      out.put("compliant", compliant);
      out.put("failing", failing);
      out.put("unknown", unknown);
      ObjectNode checks = out.putObject("checks");
      perCheck.forEach(
          (check, n) ->
              checks.putObject(check.key).put("pass", n[0]).put("fail", n[1]).put("unknown", n[2]));
      return out;
    }
  }

  static String summaryText(ObjectNode out) {
    List<String> parts = new ArrayList<>();
    JsonNode s = out.get("summary");
    for (String platform : List.of("computers", "mobileDevices")) {
      JsonNode t = s.get(platform);
      if (t != null) {
        parts.add(
            (platform.equals("computers") ? "Computers" : "Mobile devices")
                + ": "
                + t.get("compliant").asLong()
                + " of "
                + t.get("total").asLong()
                + " compliant, "
                + t.get("failing").asLong()
                + " failing, "
                + t.get("unknown").asLong()
                + " unknown (not collected)");
      }
    }
    return String.join("; ", parts)
        + "."
        + (out.get("truncated").asBoolean() ? " The device list is truncated." : "");
  }

  static String describe(ComplianceBaseline b) {
    return "checkInDays "
        + b.checkInDays()
        + ", inventoryDays "
        + b.inventoryDays()
        + ", minMacOsVersion "
        + (b.minMacOsVersion().isEmpty() ? "off" : b.minMacOsVersion())
        + ", minIosVersion "
        + (b.minIosVersion().isEmpty() ? "off" : b.minIosVersion())
        + ", fileVault "
        + b.fileVault()
        + ", sip "
        + b.sip()
        + ", gatekeeper "
        + b.gatekeeper()
        + ", firewall "
        + b.firewall()
        + ", mdmProfileDays "
        + b.mdmProfileDays()
        + ", bootstrapToken "
        + b.bootstrapToken()
        + ", supervision "
        + b.supervision();
  }

  static ObjectNode outputSchema() {
    ObjectNode counts = Schemas.typed("object", "pass, fail, unknown per check");
    ObjectNode tally =
        Schemas.object()
            .property("total", Schemas.typed("integer", "Devices checked"))
            .property("compliant", Schemas.typed("integer", "Passed every check"))
            .property("failing", Schemas.typed("integer", "Failed at least one check"))
            .property(
                "unknown",
                Schemas.typed("integer", "Failed none, but at least one check was not collected"))
            .property("checks", counts)
            .required("total", "compliant", "failing", "unknown", "checks")
            .buildOpen();
    ObjectNode device =
        Schemas.object()
            .property("ref", Schemas.typed("string", "computer:<id> or mobile:<id>"))
            .property("name", Schemas.nullableString("Device name"))
            .property("failed", Schemas.typed("object", "Each failed check and why"))
            .property("unknown", Schemas.typed("array", "Checks Jamf Pro did not collect"))
            .property("url", Schemas.typed("string", "Page in Jamf Pro"))
            .required("ref", "failed", "url")
            .buildOpen();
    return Schemas.object()
        .property("baseline", Schemas.typed("object", "The checks applied (defaults + overrides)"))
        .property(
            "summary",
            Schemas.object()
                .property("computers", tally)
                .property("mobileDevices", tally.deepCopy())
                .buildOpen())
        .property("devices", Schemas.arrayOf(device))
        .property("truncated", Schemas.typed("boolean", "More failing devices than listed"))
        .property("note", Schemas.typed("string", "Why the list is partial, when it is"))
        .required("baseline", "summary", "devices", "truncated")
        .buildOpen();
  }
}
