package dev.jamfmcp.tools.profiles;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.profiles.ConfigurationProfile;
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
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** listConfigurationProfiles and getConfigurationProfileDetails (Classic API, mac or mobile). */
public final class ProfileTools {
  private ProfileTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    catalog.tool(Toolset.PROFILES, listProfiles(support));
    catalog.tool(Toolset.PROFILES, getProfileDetails(support));
  }

  private static boolean mobile(ObjectNode args) {
    return "mobile".equals(ToolBodies.text(args, "platform"));
  }

  private static String url(ToolSupport support, boolean mobile, int id) {
    return mobile ? support.links().mobileProfile(id) : support.links().macProfile(id);
  }

  static Tool listProfiles(ToolSupport support) {
    ObjectNode profile =
        Schemas.object()
            .property("id", Schemas.typed("string", "Jamf profile id"))
            .property("name", Schemas.typed("string", "Profile name"))
            .property("url", Schemas.typed("string", "The profile in the Jamf Pro web interface"))
            .required("id", "name")
            .buildOpen();
    return Tool.builder("listConfigurationProfiles")
        .title("List configuration profiles")
        .description(
            "Lists the configuration profiles for Macs (platform 'mac') or for iPhones"
                + " and iPads (platform 'mobile'), optionally those whose name contains `query`."
                + " Use getConfigurationProfileDetails for a profile's scope and settings summary.")
        .inputSchema(
            Schemas.object()
                .enumeration(
                    "platform", "mac: macOS profiles; mobile: iOS/iPadOS profiles", "mac", "mobile")
                .string("query", "Case-insensitive text the profile name must contain", 200)
                .integer("limit", "Most profiles to return", 1, 1000, 200)
                .required("platform")
                .build())
        .outputSchema(
            Schemas.object()
                .property("platform", Schemas.typed("string", "mac or mobile"))
                .required("platform")
                .limitedList("profiles", "Profiles", profile)
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  boolean mobile = mobile(args);
                  String query = ToolBodies.text(args, "query");
                  int limit = ToolBodies.integer(args, "limit", 200);
                  List<ClassicRef> all =
                      mobile
                          ? support.jamf().configurationProfiles().mobileProfiles()
                          : support.jamf().configurationProfiles().macProfiles();
                  String folded = query == null ? null : query.toLowerCase(Locale.ROOT);
                  List<ClassicRef> matching =
                      all.stream()
                          .filter(
                              p ->
                                  folded == null
                                      || (p.name() != null
                                          && p.name().toLowerCase(Locale.ROOT).contains(folded)))
                          .toList();
                  ObjectNode out =
                      Json.object()
                          .put("platform", mobile ? "mobile" : "mac")
                          .put("total", matching.size());
                  ArrayNode items = out.putArray("profiles");
                  matching.stream()
                      .limit(limit)
                      .forEach(
                          p ->
                              items
                                  .addObject()
                                  .put("id", String.valueOf(p.id()))
                                  .put("name", p.name())
                                  .put("url", url(support, mobile, p.id())));
                  out.put("returned", items.size());
                  return ToolResult.structured(
                      matching.size()
                          + (mobile ? " mobile" : " macOS")
                          + " configuration profiles"
                          + (query == null ? "" : " matching '" + query + "'")
                          + ".",
                      out);
                }))
        .build();
  }

  static Tool getProfileDetails(ToolSupport support) {
    return Tool.builder("getConfigurationProfileDetails")
        .title("Get configuration profile details")
        .description(
            "One configuration profile: name, description, category, level,"
                + " distribution method, identifier (UUID) and scope (all devices, devices, groups)."
                + " The payload itself is not returned.")
        .inputSchema(
            Schemas.object()
                .enumeration(
                    "platform", "mac or mobile, as in listConfigurationProfiles", "mac", "mobile")
                .property("profileId", Ids.object("Jamf profile id, e.g. \"4\""))
                .required("platform", "profileId")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf profile id"))
                .property("name", Schemas.typed("string", "Profile name"))
                .property("platform", Schemas.typed("string", "mac or mobile"))
                .property("scope", Schemas.typed("object", "Who receives the profile"))
                .required("id", "name", "platform", "scope")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            ToolBodies.read(
                (args, ctx) -> {
                  boolean mobile = mobile(args);
                  int id = ToolBodies.classicId(ToolBodies.text(args, "profileId"), "profileId");
                  ConfigurationProfile p =
                      mobile
                          ? support.jamf().configurationProfiles().mobileProfile(id)
                          : support.jamf().configurationProfiles().macProfile(id);
                  ConfigurationProfile.General g = p.general();
                  ObjectNode out =
                      Json.object()
                          .put("id", String.valueOf(g.id()))
                          .put("name", g.name())
                          .put("platform", mobile ? "mobile" : "mac")
                          .put("description", g.description())
                          .put("category", g.category() == null ? null : g.category().name())
                          .put("level", g.level())
                          .put("distributionMethod", g.distributionMethod())
                          .put("uuid", g.uuid())
                          .put("url", url(support, mobile, id));
                  ObjectNode scope = out.putObject("scope");
                  ConfigurationProfile.Scope s = p.scope();
                  if (s != null) {
                    scope.put(
                        "allDevices",
                        Boolean.TRUE.equals(mobile ? s.allMobileDevices() : s.allComputers()));
                    refs(scope.putArray("devices"), mobile ? s.mobileDevices() : s.computers());
                    refs(
                        scope.putArray("groups"),
                        mobile ? s.mobileDeviceGroups() : s.computerGroups());
                  }
                  return ToolResult.structured(
                      "Configuration profile '" + g.name() + "' (id " + id + ").", out);
                }))
        .build();
  }

  private static void refs(ArrayNode into, List<ClassicRef> refs) {
    if (refs != null) {
      refs.forEach(r -> into.addObject().put("id", String.valueOf(r.id())).put("name", r.name()));
    }
  }
}
