package dev.jamfmcp.tools.mobile;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.Sort;
import dev.jamfmcp.jamf.mobile.MobileDeviceDetail;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.Toolset;
import dev.jamfmcp.tools.devices.Cursor;
import dev.jamfmcp.tools.devices.OrgDirectory;
import dev.jamfmcp.tools.devices.SiteFilter;
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** iPhones, iPads and Apple TVs: search and details over {@code /api/v2/mobile-devices}. */
public final class MobileTools {
  static final String[] SEARCHED = {
    "displayName", "serialNumber", "username", "fullName", "emailAddress", "ipAddress", "udid"
  };
  private static final MobileDeviceSection[] SECTIONS = {
    MobileDeviceSection.GENERAL, MobileDeviceSection.HARDWARE, MobileDeviceSection.USER_AND_LOCATION
  };

  /** Resolving also reads SECURITY: lost mode is reported there, not in the device's detail. */
  private static final MobileDeviceSection[] RESOLVE_SECTIONS = {
    MobileDeviceSection.GENERAL,
    MobileDeviceSection.HARDWARE,
    MobileDeviceSection.USER_AND_LOCATION,
    MobileDeviceSection.SECURITY
  };

  private MobileTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    OrgDirectory org = new OrgDirectory(support.jamf(), support.clock());
    catalog.tool(Toolset.MOBILE, search(support, org)).tool(Toolset.MOBILE, details(support, org));
  }

  static Tool search(ToolSupport support, OrgDirectory org) {
    return Tool.builder("searchMobileDevices")
        .title("Search mobile devices")
        .description(
            "Finds iPhones, iPads and Apple TVs. `query` matches part of the name, serial,"
                + " username, full name, email, IP or UDID (case-insensitive, literal). Narrow by"
                + " department, building, site (names), model (part) and osVersion (\"18\","
                + " \"18.2\"). Jamf Pro filters all but site, matched here while paging (a request"
                + " per 2,000 devices the rest matches). A page per call, by name; pass nextCursor"
                + " back as cursor.")
        .inputSchema(
            Schemas.object()
                .string(
                    "query",
                    "Text to find in name, serial, username, full name, email, IP or UDID",
                    200)
                .string("department", "Department name (case-insensitive)", 100)
                .string("building", "Building name (case-insensitive)", 100)
                .string("site", "Site name, or none", 100)
                .string("model", "Part of the model name, e.g. \"iPad Pro\"", 100)
                .string("osVersion", "OS version or prefix, e.g. \"18\" or \"18.2\"", 32)
                .integer("limit", "Devices per page", 1, 200, 25)
                .string("cursor", "nextCursor of the previous page of this same search", 200)
                .build())
        .outputSchema(
            Schemas.object()
                .property("totalCount", Schemas.typed("integer", "How many devices match in all"))
                .property("returned", Schemas.typed("integer", "How many are on this page"))
                .property("devices", Schemas.arrayOf(rowSchema()))
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
                Rsql filter =
                    filter(
                        org,
                        text(args, "query"),
                        text(args, "department"),
                        text(args, "building"),
                        text(args, "model"),
                        text(args, "osVersion"));
                String siteName = text(args, "site");
                SiteFilter site =
                    siteName == null ? null : SiteFilter.named(support.jamf(), siteName);
                int fingerprint =
                    (filter == null ? 0 : filter.expression().hashCode())
                        + (site == null ? 0 : 31 * site.fingerprint());
                String cursorText = text(args, "cursor");
                Cursor cursor =
                    cursorText != null
                        ? Cursor.decode(cursorText, fingerprint)
                        : new Cursor(
                            0, args.has("limit") ? args.get("limit").asInt() : 25, fingerprint);
                ListQuery query =
                    ListQuery.all()
                        .withSections(SECTIONS)
                        .withFilter(filter)
                        .withSort(Sort.asc("displayName"), Sort.asc("mobileDeviceId"))
                        .withPageSize(cursor.pageSize());
                Page<MobileDeviceInventory> page;
                if (site == null) {
                  page = support.jamf().mobileDevices().inventory(query).page(cursor.page());
                } else {
                  // No site field in the inventory filter of 11.30.1: matched here (SiteFilter).
                  SiteFilter.Cut<MobileDeviceInventory> cut =
                      site.cut(
                          support
                              .jamf()
                              .mobileDevices()
                              .inventory(query.withPageSize(ListQuery.MAX_PAGE_SIZE)),
                          d -> d.general() == null ? null : d.general().siteId(),
                          cursor.page(),
                          cursor.pageSize(),
                          ctx);
                  page = new Page<>(cut.total(), cut.rows());
                }
                ObjectNode out = Json.object();
                out.put("totalCount", page.totalCount());
                out.put("returned", page.results().size());
                ArrayNode devices = out.putArray("devices");
                page.results().forEach(d -> devices.add(row(d, org, support)));
                long seen = (long) (cursor.page() + 1) * cursor.pageSize();
                out.put(
                    "nextCursor",
                    seen < page.totalCount()
                        ? new Cursor(cursor.page() + 1, cursor.pageSize(), fingerprint).encode()
                        : null);
                return ToolResult.structured(
                    page.totalCount()
                        + " mobile devices match; this page has "
                        + page.results().size()
                        + ".",
                    out);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  static Tool details(ToolSupport support, OrgDirectory org) {
    ObjectNode sections =
        Json.object()
            .put("type", "array")
            .put("description", "Default HARDWARE, SECURITY, USER_AND_LOCATION");
    ArrayNode names = sections.putObject("items").put("type", "string").putArray("enum");
    for (MobileDetails.Section s : MobileDetails.Section.values()) {
      names.add(s.name());
    }
    return Tool.builder("getMobileDeviceDetails")
        .title("Mobile device details")
        .description(
            "One iPhone, iPad or Apple TV: general (UDID, OS, IP, Wi-Fi MAC, managed,"
                + " supervised, enrollment, site, last inventory and contact) and counts of"
                + " apps, profiles and certificates; sections add hardware (model, storage,"
                + " battery), security (passcode, data protection, Activation Lock, lost mode),"
                + " user and location, network (carrier, roaming), purchasing, and lists of"
                + " apps, profiles, certificates, extension attributes, groups. Null: Jamf"
                + " reports none (e.g. Apple TV security). A shared name gets the candidates.")
        .inputSchema(
            Schemas.object()
                .property("identifier", Ids.device(Ids.Platform.MOBILE, "The device"))
                .property("sections", sections)
                .required("identifier")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf Pro mobile device id"))
                .property("ref", Schemas.typed("string", "mobile:<id>"))
                .property("name", Schemas.nullableString("Device name"))
                .property("url", Schemas.typed("string", "The device's page in Jamf Pro"))
                .property("general", Schemas.typed("object", "Always"))
                .required("id", "ref", "url", "general")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              try {
                MobileDeviceInventory row =
                    resolve(support, args.get("identifier").asString().trim());
                Set<MobileDetails.Section> chosen = MobileDetails.DEFAULT;
                if (args.has("sections")) {
                  chosen = EnumSet.noneOf(MobileDetails.Section.class);
                  for (var n : args.get("sections")) {
                    chosen.add(MobileDetails.Section.valueOf(n.asString()));
                  }
                }
                MobileDeviceDetail d = support.jamf().mobileDevices().detail(row.mobileDeviceId());
                ObjectNode out = MobileDetails.of(support, org, d, row, chosen);
                return ToolResult.structured(
                    out.path("name").asString("") + " (" + out.path("ref").asString() + ")", out);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  /** One device's detail (general, hardware, security, user, network, purchasing); for fetch. */
  public static ObjectNode detail(ToolSupport support, OrgDirectory org, String id) {
    MobileDeviceInventory row = resolve(support, "mobile:" + id);
    MobileDeviceDetail d = support.jamf().mobileDevices().detail(row.mobileDeviceId());
    Set<MobileDetails.Section> sections = EnumSet.copyOf(MobileDetails.DEFAULT);
    sections.add(MobileDetails.Section.NETWORK);
    sections.add(MobileDetails.Section.PURCHASING);
    return MobileDetails.of(support, org, d, row, sections);
  }

  /** The row of the one device the identifier names; a ToolException when none or several. */
  static MobileDeviceInventory resolve(ToolSupport support, String identifier) {
    if (identifier.isEmpty()) {
      throw new ToolException("The identifier is empty; give a Jamf id, serial, UDID or name.");
    }
    if (Ids.otherPlatform(identifier, Ids.Platform.MOBILE)) {
      throw new ToolException(
          "\"" + identifier + "\" is a Mac, not a mobile device; use getDeviceDetails for it.");
    }
    // mobile:<id> is how other tools print a mobile device
    String id = Ids.mobileId(identifier);
    String value = id != null ? id : identifier;
    List<String> one = List.of(value);
    Rsql filter =
        Rsql.in("serialNumber", one).or(Rsql.in("udid", one), Rsql.in("displayName", one));
    if (id != null) {
      filter = Rsql.eq("mobileDeviceId", value).or(filter);
    }
    List<MobileDeviceInventory> rows =
        support
            .jamf()
            .mobileDevices()
            .inventory(
                ListQuery.all()
                    .withSections(RESOLVE_SECTIONS)
                    .withFilter(filter)
                    .withPageSize(ListQuery.MAX_PAGE_SIZE))
            .first(50);
    for (MobileDeviceInventory r : rows) {
      if (value.equals(r.mobileDeviceId())) {
        return r;
      }
    }
    for (MobileDeviceInventory r : rows) {
      var g = r.general();
      var h = r.hardware();
      if ((h != null && value.equalsIgnoreCase(h.serialNumber()))
          || (g != null && value.equalsIgnoreCase(g.udid()))) {
        return r;
      }
    }
    List<MobileDeviceInventory> named =
        rows.stream()
            .filter(
                r ->
                    r.general() != null
                        && r.general().displayName() != null
                        && r.general()
                            .displayName()
                            .toLowerCase(Locale.ROOT)
                            .equals(value.toLowerCase(Locale.ROOT)))
            .toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.isEmpty()) {
      throw new ToolException(
          "No mobile device in Jamf Pro has the id, serial number, UDID or name \""
              + value
              + "\". Use searchMobileDevices to find it by part of its name or its user.");
    }
    StringBuilder sb =
        new StringBuilder(
            "\""
                + value
                + "\" names "
                + named.size()
                + " mobile devices; call again with the id or serial of the one you mean:");
    for (MobileDeviceInventory r : named) {
      sb.append("\n- ")
          .append(r.general().displayName())
          .append(" (serial ")
          .append(r.hardware() == null ? "?" : r.hardware().serialNumber())
          .append(", id ")
          .append(r.mobileDeviceId())
          .append(")");
    }
    throw new ToolException(sb.toString());
  }

  static Rsql filter(
      OrgDirectory org,
      String query,
      String department,
      String building,
      String model,
      String osVersion) {
    List<Rsql> parts = new ArrayList<>();
    if (query != null) {
      Rsql[] rest = new Rsql[SEARCHED.length - 1];
      for (int i = 1; i < SEARCHED.length; i++) {
        rest[i - 1] = Rsql.contains(SEARCHED[i], query);
      }
      parts.add(Rsql.contains(SEARCHED[0], query).or(rest));
    }
    if (department != null) {
      String id = org.departmentId(department);
      parts.add(Rsql.eq("department", org.departments().get(id)));
    }
    if (building != null) {
      String id = org.buildingId(building);
      parts.add(Rsql.eq("building", org.buildings().get(id)));
    }
    if (model != null) {
      parts.add(Rsql.contains("model", model));
    }
    if (osVersion != null) {
      String literal = osVersion.replace("*", "");
      Rsql exact = Rsql.eq("osVersion", literal);
      parts.add(literal.isEmpty() ? exact : exact.or(Rsql.like("osVersion", literal + ".*")));
    }
    return parts.isEmpty()
        ? null
        : parts.get(0).and(parts.subList(1, parts.size()).toArray(new Rsql[0]));
  }

  static ObjectNode row(MobileDeviceInventory d, OrgDirectory org, ToolSupport support) {
    ObjectNode row = Json.object();
    var g = d.general();
    var h = d.hardware();
    var u = d.userAndLocation();
    row.put("id", d.mobileDeviceId());
    // a plain id means a computer to tools that take both platforms
    row.put("ref", "mobile:" + d.mobileDeviceId());
    row.put("name", g == null ? null : g.displayName());
    row.put("serial", h == null ? null : h.serialNumber());
    row.put("model", h == null ? null : h.model());
    row.put("osVersion", g == null ? null : g.osVersion());
    row.put("type", d.deviceType());
    row.put(
        "user", u == null || u.username() == null || u.username().isEmpty() ? null : u.username());
    row.put(
        "department",
        u == null
            ? null
            : u.department() != null ? u.department() : org.departmentName(u.departmentId()));
    row.put(
        "building",
        u == null ? null : u.building() != null ? u.building() : org.buildingName(u.buildingId()));
    row.put("lastContactTime", g == null ? null : g.lastContactDate());
    row.put("url", support.links().mobileDevice(d.mobileDeviceId()));
    return row;
  }

  static ObjectNode rowSchema() {
    return Schemas.object()
        .property("id", Schemas.typed("string", "Jamf Pro mobile device id"))
        .property("name", Schemas.nullableString("Device name"))
        .property("serial", Schemas.nullableString("Serial number"))
        .property("model", Schemas.nullableString("Model, e.g. iPad Pro 11-inch (M4)"))
        .property("osVersion", Schemas.nullableString("iOS/iPadOS/tvOS version"))
        .property("type", Schemas.nullableString("Device type as Jamf reports it (iOS, tvOS ...)"))
        .property("user", Schemas.nullableString("Assigned user's username"))
        .property("department", Schemas.nullableString("Department name"))
        .property("building", Schemas.nullableString("Building name"))
        .property("lastContactTime", Schemas.nullableString("Last contact (ISO-8601)"))
        .property("url", Schemas.typed("string", "The device's page in Jamf Pro"))
        .required("id", "url")
        .buildOpen();
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
