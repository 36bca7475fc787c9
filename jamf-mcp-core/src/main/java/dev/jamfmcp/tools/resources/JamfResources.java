package dev.jamfmcp.tools.resources;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceContents;
import dev.jamfmcp.mcp.resource.ResourceNotFoundException;
import dev.jamfmcp.mcp.resource.ResourceReader;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.devices.ComplianceReport;
import dev.jamfmcp.tools.devices.DeviceDetails;
import dev.jamfmcp.tools.devices.FleetOverview;
import dev.jamfmcp.tools.devices.OrgDirectory;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Read-only resources: the fleet overview, a compliance report per number of days, one computer,
 * one policy, departments, buildings and the Jamf Pro version. All JSON, all {@code read:jamf}.
 * Device data is read afresh on every read; departments and buildings come from the {@link
 * OrgDirectory} cache (at most five minutes old).
 */
public final class JamfResources {
  private static final String JSON = "application/json";
  private static final Set<String> READ = Set.of(JamfScopes.READ);

  private JamfResources() {}

  public static void register(Catalog catalog, ToolSupport support) {
    OrgDirectory org = new OrgDirectory(support.jamf(), support.clock());
    FleetOverview overview = new FleetOverview(support, org);
    ComplianceReport compliance = new ComplianceReport(support, org);
    catalog.resource(
        new Resource(
            "jamf://fleet/overview",
            "fleet-overview",
            "Fleet overview",
            "Counts of all computers by macOS version, model, department, check-in age and FileVault state"
                + " (exact; streamed over the whole fleet).",
            JSON,
            READ,
            reader(vars -> overview.compute(null))));
    catalog.resource(
        new Resource(
            "jamf://departments",
            "departments",
            "Departments",
            "Every department: id and name.",
            JSON,
            READ,
            reader(vars -> idsAndNames(org.departments()))));
    catalog.resource(
        new Resource(
            "jamf://buildings",
            "buildings",
            "Buildings",
            "Every building: id and name.",
            JSON,
            READ,
            reader(vars -> idsAndNames(org.buildings()))));
    catalog.resource(
        new Resource(
            "jamf://server/version",
            "server-version",
            "Jamf Pro version",
            "The Jamf Pro server's version.",
            JSON,
            READ,
            reader(vars -> Json.object().put("version", support.jamf().jamfProVersion()))));
    catalog.resource(
        new Resource(
            "jamf://docs/fleet.md",
            "fleet-docs",
            "Fleet documentation",
            "Markdown to save: policies (with packages, scripts, triggers, scope), profiles,"
                + " groups (criteria, counts), scripts. At most 200 of each, 200,000 characters.",
            "text/markdown",
            READ,
            (uri, vars, ctx) -> {
              try {
                return List.of(
                    new ResourceContents(
                        uri, "text/markdown", new FleetDoc(support.jamf()).render()));
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            }));
    catalog.template(
        new ResourceTemplate(
            "jamf://compliance/{days}",
            "compliance-report",
            "Check-in compliance report",
            "Computers without a check-in for {days} days (1-3650):"
                + " exact summary and the 100 oldest.",
            JSON,
            READ,
            reader(
                vars ->
                    compliance.compute(number(vars.get("days"), 1, 3650), null, true, 100, null))));
    catalog.template(
        new ResourceTemplate(
            "jamf://computers/{id}",
            "computer",
            "Computer",
            "One computer by Jamf id: general, hardware, OS, user and location, encryption, security.",
            JSON,
            READ,
            reader(
                vars ->
                    DeviceDetails.details(
                        support,
                        org,
                        String.valueOf(number(vars.get("id"), 1, Integer.MAX_VALUE)),
                        List.of(
                            "GENERAL",
                            "HARDWARE",
                            "OPERATING_SYSTEM",
                            "USER_AND_LOCATION",
                            "DISK_ENCRYPTION",
                            "SECURITY")))));
    catalog.template(
        new ResourceTemplate(
            "jamf://policies/{id}",
            "policy",
            "Policy",
            "One policy by Jamf id: general settings, scope and Self Service.",
            JSON,
            READ,
            reader(
                vars -> {
                  int id = number(vars.get("id"), 1, Integer.MAX_VALUE);
                  JsonNode policy = Json.mapper().valueToTree(support.jamf().policies().get(id));
                  return Json.object().put("url", support.links().policy(id)).set("policy", policy);
                })));
  }

  private static ResourceReader reader(Function<Map<String, String>, JsonNode> body) {
    return (uri, vars, ctx) -> {
      try {
        return List.of(
            new ResourceContents(uri, JSON, Json.mapper().writeValueAsString(body.apply(vars))));
      } catch (JamfNotFoundException e) {
        throw new ResourceNotFoundException("Jamf Pro has no such object: " + uri);
      } catch (JamfException e) {
        throw JamfFailures.onRead(e);
      }
    };
  }

  private static int number(String text, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ResourceNotFoundException(
        "Expected a number from " + min + " to " + max + ", not \"" + text + "\"");
  }

  private static ArrayNode idsAndNames(Map<String, String> byId) {
    ArrayNode out = Json.mapper().createArrayNode();
    byId.forEach((id, name) -> out.addObject().put("id", id).put("name", name));
    return out;
  }
}
