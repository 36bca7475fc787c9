package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * FileVault, SIP, Gatekeeper, firewall and OS currency over every computer (or one department): one
 * streaming pass with the OPERATING_SYSTEM and SECURITY sections, counted as pages arrive.
 */
public final class SecurityPosture {
  // Each check names what counts as on and what as off; anything else Jamf reports
  // (NOT_COLLECTED, NOT_AVAILABLE, NOT_APPLICABLE, absent) is unknown, never on or off.
  static final Set<String> FILE_VAULT_ON = Set.of("ALL_ENCRYPTED", "BOOT_ENCRYPTED");
  static final Set<String> FILE_VAULT_OFF = Set.of("NOT_ENCRYPTED", "SOME_ENCRYPTED");
  static final Set<String> SIP_ON = Set.of("ENABLED");
  static final Set<String> SIP_OFF = Set.of("DISABLED");
  static final Set<String> GATEKEEPER_ON =
      Set.of("APP_STORE_AND_IDENTIFIED_DEVELOPERS", "APP_STORE");
  static final Set<String> GATEKEEPER_OFF = Set.of("DISABLED");
  static final Set<String> FIREWALL_ON = Set.of("ENABLED");
  static final Set<String> FIREWALL_OFF = Set.of("DISABLED");

  private final ToolSupport support;
  private final OrgDirectory org;

  public SecurityPosture(ToolSupport support, OrgDirectory org) {
    this.support = support;
    this.org = org;
  }

  static Tool tool(SecurityPosture posture) {
    ObjectNode check =
        Schemas.object()
            .property("enabled", Schemas.typed("integer", "Computers where the protection is on"))
            .property("disabled", Schemas.typed("integer", "Computers where it is off"))
            .property(
                "unknown",
                Schemas.typed(
                    "integer",
                    "Computers that did not report it (NOT_COLLECTED, NOT_AVAILABLE or absent):"
                        + " neither enabled nor disabled"))
            .property(
                "percentEnabled", Schemas.typed("number", "enabled / total * 100, one decimal"))
            .property(
                "percentEnabledOfReported",
                Schemas.typed("number", "enabled / (enabled + disabled) * 100, one decimal"))
            .property("byStatus", FleetOverview.counts("Computers per status Jamf Pro reports"))
            .required("enabled", "disabled", "unknown", "percentEnabled")
            .buildOpen();
    return Tool.builder("getSecurityPosture")
        .title("Security posture")
        .description(
            "How many Macs (all, or one department by name) have FileVault, System Integrity"
                + " Protection, Gatekeeper and the firewall on, and how many run the newest macOS"
                + " seen in the fleet (same major, same major.minor, exact version). A protection"
                + " not reported (NOT_COLLECTED, NOT_AVAILABLE) counts as unknown, never on or off."
                + " Exact; large fleets take a few seconds.")
        .inputSchema(
            Schemas.object()
                .string(
                    "department", "Only computers of this department (name, case-insensitive)", 100)
                .string("site", "Site name, or none", 100)
                .build())
        .outputSchema(
            Schemas.object()
                .property("total", Schemas.typed("integer", "Computers counted"))
                .property(
                    "department",
                    Schemas.nullableString("The department, if the report is limited to one"))
                .property("fileVault", check)
                .property("sip", check)
                .property("gatekeeper", check)
                .property("firewall", check)
                .property(
                    "osCurrency",
                    Schemas.typed(
                        "object",
                        "newestVersion, newestMinor, newestMajor seen, and how many computers run each"))
                .required("total", "fileVault", "sip", "gatekeeper", "firewall", "osCurrency")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              ObjectNode out =
                  posture.compute(
                      SearchDevices.text(args, "department"),
                      SearchDevices.text(args, "site"),
                      ctx);
              return ToolResult.structured(
                  "Security posture of "
                      + out.get("total").asLong()
                      + " computers: FileVault "
                      + out.path("fileVault").path("percentEnabled").asDouble()
                      + "% ("
                      + out.path("fileVault").path("unknown").asLong()
                      + " unknown), firewall "
                      + out.path("firewall").path("percentEnabled").asDouble()
                      + "% ("
                      + out.path("firewall").path("unknown").asLong()
                      + " unknown).",
                  out);
            })
        .build();
  }

  /**
   * The posture of one site ({@code site} a name or "none"; null: every site), matched while
   * streaming (no site field in Jamf's inventory filter): GENERAL is read too, same request count.
   */
  public ObjectNode compute(String department, String site, RequestContext ctx) {
    try {
      SiteFilter sites = site == null ? null : SiteFilter.named(support.jamf(), site);
      ListQuery query =
          sites == null
              ? ListQuery.all()
                  .withSections(ComputerSection.OPERATING_SYSTEM, ComputerSection.SECURITY)
              : ListQuery.all()
                  .withSections(
                      ComputerSection.GENERAL,
                      ComputerSection.OPERATING_SYSTEM,
                      ComputerSection.SECURITY);
      if (department != null) {
        query =
            query.withFilter(Rsql.eq("userAndLocation.departmentId", org.departmentId(department)));
      }
      Map<String, Long> fileVault = new HashMap<>();
      Map<String, Long> sip = new HashMap<>();
      Map<String, Long> gatekeeper = new HashMap<>();
      Map<String, Long> firewall = new HashMap<>();
      Map<String, Long> versions = new HashMap<>();
      long[] counted = {0};
      FleetScan.scan(
          support,
          query,
          ctx,
          c -> {
            if (sites != null && !sites.matches(c)) {
              return;
            }
            counted[0]++;
            var os = c.operatingSystem();
            var sec = c.security();
            FleetOverview.add(fileVault, os == null ? null : os.fileVault2Status());
            FleetOverview.add(sip, sec == null ? null : sec.sipStatus());
            FleetOverview.add(gatekeeper, sec == null ? null : sec.gatekeeperStatus());
            FleetOverview.add(
                firewall,
                sec == null || sec.firewallEnabled() == null
                    ? null
                    : sec.firewallEnabled() ? "ENABLED" : "DISABLED");
            FleetOverview.add(versions, os == null ? null : os.version());
          });
      long total = counted[0];
      ObjectNode out = Json.object();
      out.put("total", total);
      out.put("department", department);
      if (sites != null) {
        out.put("site", sites.name());
      }
      out.set("fileVault", check(fileVault, total, FILE_VAULT_ON, FILE_VAULT_OFF));
      out.set("sip", check(sip, total, SIP_ON, SIP_OFF));
      out.set("gatekeeper", check(gatekeeper, total, GATEKEEPER_ON, GATEKEEPER_OFF));
      out.set("firewall", check(firewall, total, FIREWALL_ON, FIREWALL_OFF));
      out.set("osCurrency", currency(versions, total));
      return out;
    } catch (JamfException e) {
      throw JamfFailures.onRead(e);
    }
  }

  private static ObjectNode check(
      Map<String, Long> byStatus, long total, Set<String> on, Set<String> off) {
    long enabled = 0;
    long disabled = 0;
    for (Map.Entry<String, Long> e : byStatus.entrySet()) {
      if (on.contains(e.getKey())) {
        enabled += e.getValue();
      } else if (off.contains(e.getKey())) {
        disabled += e.getValue();
      }
    }
    ObjectNode out = Json.object();
    out.put("enabled", enabled);
    out.put("disabled", disabled);
    out.put("unknown", total - enabled - disabled);
    out.put("percentEnabled", percent(enabled, total));
    out.put("percentEnabledOfReported", percent(enabled, enabled + disabled));
    out.set("byStatus", FleetOverview.sorted(byStatus, false));
    return out;
  }

  private static ObjectNode currency(Map<String, Long> versions, long total) {
    ObjectNode out = Json.object();
    String newest =
        versions.keySet().stream()
            .filter(v -> !FleetOverview.NONE.equals(v))
            .max(Versions::compare)
            .orElse(null);
    if (newest == null) {
      out.putNull("newestVersion");
      out.put("onNewestMajor", 0).put("onNewestMinor", 0).put("onNewestVersion", 0);
      return out;
    }
    String major = Versions.major(newest);
    String minor = Versions.minor(newest);
    long onMajor = 0;
    long onMinor = 0;
    for (Map.Entry<String, Long> e : versions.entrySet()) {
      String v = e.getKey();
      if (v.equals(major) || v.startsWith(major + ".")) {
        onMajor += e.getValue();
      }
      if (v.equals(minor) || v.startsWith(minor + ".")) {
        onMinor += e.getValue();
      }
    }
    long onNewest = versions.getOrDefault(newest, 0L);
    out.put("newestVersion", newest);
    out.put("newestMinor", minor);
    out.put("newestMajor", major);
    out.put("onNewestMajor", onMajor);
    out.put("onNewestMinor", onMinor);
    out.put("onNewestVersion", onNewest);
    out.put("percentOnNewestMajor", percent(onMajor, total));
    out.put("percentOnNewestMinor", percent(onMinor, total));
    out.put("percentOnNewestVersion", percent(onNewest, total));
    return out;
  }

  static double percent(long part, long total) {
    return total == 0 ? 0.0 : Math.round(part * 1000.0 / total) / 10.0;
  }
}
