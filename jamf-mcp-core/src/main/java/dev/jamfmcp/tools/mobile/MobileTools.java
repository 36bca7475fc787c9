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
import dev.jamfmcp.tools.support.Catalog;
import dev.jamfmcp.tools.support.Ids;
import dev.jamfmcp.tools.support.JamfFailures;
import dev.jamfmcp.tools.support.Schemas;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  private MobileTools() {}

  public static void register(Catalog catalog, ToolSupport support) {
    OrgDirectory org = new OrgDirectory(support.jamf(), support.clock());
    catalog.tool(Toolset.MOBILE, search(support, org)).tool(Toolset.MOBILE, details(support, org));
  }

  static Tool search(ToolSupport support, OrgDirectory org) {
    return Tool.builder("searchMobileDevices")
        .title("Search mobile devices")
        .description(
            "Finds iPhones, iPads and Apple TVs in Jamf Pro. `query` matches anywhere in"
                + " the device name, serial number, username, full name, email, IP address or UDID"
                + " (case-insensitive; quotes and * are literal). Narrow with department or building"
                + " (names), model (part of it, e.g. \"iPad\") and osVersion (\"18\" or \"18.2\")."
                + " Filtering happens in Jamf Pro. One page per call, sorted by name; pass nextCursor"
                + " back as cursor for more.")
        .inputSchema(
            Schemas.object()
                .string(
                    "query",
                    "Text to find in name, serial, username, full name, email, IP or UDID",
                    200)
                .string("department", "Department name (case-insensitive)", 100)
                .string("building", "Building name (case-insensitive)", 100)
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
                int fingerprint = filter == null ? 0 : filter.expression().hashCode();
                String cursorText = text(args, "cursor");
                Cursor cursor =
                    cursorText != null
                        ? Cursor.decode(cursorText, fingerprint)
                        : new Cursor(
                            0, args.has("limit") ? args.get("limit").asInt() : 25, fingerprint);
                Page<MobileDeviceInventory> page =
                    support
                        .jamf()
                        .mobileDevices()
                        .inventory(
                            ListQuery.all()
                                .withSections(SECTIONS)
                                .withFilter(filter)
                                .withSort(Sort.asc("displayName"), Sort.asc("mobileDeviceId"))
                                .withPageSize(cursor.pageSize()))
                        .page(cursor.page());
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
    return Tool.builder("getMobileDeviceDetails")
        .title("Mobile device details")
        .description(
            "One iPhone, iPad or Apple TV from Jamf Pro: name, serial, UDID, management id,"
                + " OS version and build, IP and Wi-Fi address, managed, last inventory and contact,"
                + " user and location, and for iOS/iPadOS model, supervision, battery and storage."
                + " Give its Jamf id (also as mobile:<id>, the form other tools print), serial"
                + " number, UDID or exact name. A name shared by several devices is answered"
                + " with the candidates (ids and serials) instead of a guess. Department and building"
                + " come back as names.")
        .inputSchema(
            Schemas.object()
                .property("identifier", Ids.device(Ids.Platform.MOBILE, "The device"))
                .required("identifier")
                .build())
        .outputSchema(
            Schemas.object()
                .property("id", Schemas.typed("string", "Jamf Pro mobile device id"))
                .property("name", Schemas.nullableString("Device name"))
                .property("serial", Schemas.nullableString("Serial number"))
                .property("department", Schemas.nullableString("Department name"))
                .property("building", Schemas.nullableString("Building name"))
                .property("url", Schemas.typed("string", "The device's page in Jamf Pro"))
                .property(
                    "detail", Schemas.typed("object", "The device record as Jamf Pro describes it"))
                .required("id", "url", "detail")
                .buildOpen())
        .annotations(ToolAnnotations.readOnly())
        .requiredScopes(JamfScopes.READ)
        .handler(
            (args, ctx) -> {
              try {
                String id = resolve(support, args.get("identifier").asString().trim());
                ObjectNode out = detail(support, org, id);
                return ToolResult.structured(
                    out.path("name").asString("") + " (id " + id + ")", out);
              } catch (JamfException e) {
                throw JamfFailures.onRead(e);
              }
            })
        .build();
  }

  /** One device's detail with names resolved; also used by fetch. */
  public static ObjectNode detail(ToolSupport support, OrgDirectory org, String id) {
    MobileDeviceDetail d = support.jamf().mobileDevices().detail(id);
    ObjectNode out = Json.object();
    out.put("id", d.id());
    out.put("name", d.name());
    out.put("serial", d.serialNumber());
    var loc = d.location();
    out.put("department", loc == null ? null : org.departmentName(loc.departmentId()));
    out.put("building", loc == null ? null : org.buildingName(loc.buildingId()));
    out.put("url", support.links().mobileDevice(d.id()));
    out.set("detail", Json.mapper().valueToTree(d));
    return out;
  }

  /** The id of the one device the identifier names; a ToolException when none or several. */
  static String resolve(ToolSupport support, String identifier) {
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
                    .withSections(SECTIONS)
                    .withFilter(filter)
                    .withPageSize(ListQuery.MAX_PAGE_SIZE))
            .first(50);
    for (MobileDeviceInventory r : rows) {
      if (value.equals(r.mobileDeviceId())) {
        return r.mobileDeviceId();
      }
    }
    for (MobileDeviceInventory r : rows) {
      var g = r.general();
      var h = r.hardware();
      if ((h != null && value.equalsIgnoreCase(h.serialNumber()))
          || (g != null && value.equalsIgnoreCase(g.udid()))) {
        return r.mobileDeviceId();
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
      return named.get(0).mobileDeviceId();
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
