package dev.jamfmcp.tools.chatgpt;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.groups.GroupMember;
import dev.jamfmcp.jamf.groups.SmartComputerGroup;
import dev.jamfmcp.jamf.groups.StaticComputerGroup;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.jamf.profiles.ConfigurationProfile;
import dev.jamfmcp.jamf.scripts.Script;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.devices.DeviceDetails;
import dev.jamfmcp.tools.devices.OrgDirectory;
import dev.jamfmcp.tools.mobile.MobileTools;
import dev.jamfmcp.tools.support.JamfLinks;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a search id into {@code {id, title, text, url, metadata}}. */
final class Fetcher {
  private static final int MAX_TEXT = 60_000;

  private final ToolSupport support;
  private final OrgDirectory org;

  Fetcher(ToolSupport support, OrgDirectory org) {
    this.support = support;
    this.org = org;
  }

  ObjectNode fetch(String id) {
    String[] parts = id.split(":");
    JamfClient jamf = support.jamf();
    JamfLinks links = support.links();
    String kind = parts[0];
    String last = parts[parts.length - 1];
    if (!last.matches("[0-9]{1,18}")) {
      throw unknown(id);
    }
    if (kind.equals("computer") && parts.length == 2) {
      ObjectNode d =
          DeviceDetails.details(
              support,
              org,
              last,
              List.of(
                  "GENERAL",
                  "HARDWARE",
                  "OPERATING_SYSTEM",
                  "USER_AND_LOCATION",
                  "DISK_ENCRYPTION",
                  "SECURITY"));
      return result(
          id,
          d.path("name").asString("Computer " + last),
          flatten(d),
          d.get("url").asString(),
          meta("computer", last)
              .put("serial", d.path("serial").asString(null))
              .put("department", d.path("department").asString(null)));
    }
    if (kind.equals("mobile") && parts.length == 2) {
      ObjectNode d = MobileTools.detail(support, org, last);
      return result(
          id,
          d.path("name").asString("Mobile device " + last),
          flatten(d),
          d.get("url").asString(),
          meta("mobile", last).put("serial", d.path("serial").asString(null)));
    }
    if (kind.equals("policy") && parts.length == 2) {
      Policy p = jamf.policies().get(Integer.parseInt(last));
      String title = p.general() == null ? "Policy " + last : p.general().name();
      return result(
          id,
          title,
          flatten(Json.mapper().valueToTree(p)),
          links.policy(Integer.parseInt(last)),
          meta("policy", last));
    }
    if (kind.equals("profile")
        && parts.length == 3
        && (parts[1].equals("mac") || parts[1].equals("mobile"))) {
      int n = Integer.parseInt(last);
      boolean mac = parts[1].equals("mac");
      ConfigurationProfile p =
          mac
              ? jamf.configurationProfiles().macProfile(n)
              : jamf.configurationProfiles().mobileProfile(n);
      String title = p.general() == null ? "Profile " + last : p.general().name();
      return result(
          id,
          title,
          flatten(Json.mapper().valueToTree(p)),
          mac ? links.macProfile(n) : links.mobileProfile(n),
          meta(mac ? "macProfile" : "mobileProfile", last));
    }
    if (kind.equals("script") && parts.length == 2) {
      Script s = jamf.scripts().get(last);
      ObjectNode tree = Json.mapper().valueToTree(s);
      tree.remove("scriptContents");
      String text =
          flatten(tree) + (s.scriptContents() == null ? "" : "\n\nScript:\n" + s.scriptContents());
      return result(id, s.name(), text, links.script(last), meta("script", last));
    }
    if (kind.equals("group") && parts.length == 3 && parts[1].equals("smart")) {
      List<SmartComputerGroup> found =
          jamf.computerGroups()
              .smartGroups(ListQuery.all().withFilter(Rsql.eq("id", last)).withPageSize(1))
              .first(1);
      if (found.isEmpty()) {
        throw new ToolException("Jamf Pro has no smart computer group " + last + ".");
      }
      List<String> members = jamf.computerGroups().smartGroupMembers(last);
      String text =
          flatten(Json.mapper().valueToTree(found.get(0)))
              + "\nmembers: "
              + members.size()
              + "\nmember computer ids: "
              + String.join(", ", members.subList(0, Math.min(200, members.size())))
              + (members.size() > 200 ? ", ..." : "");
      return result(
          id, found.get(0).name(), text, links.smartGroup(last), meta("smartGroup", last));
    }
    if (kind.equals("group") && parts.length == 3 && parts[1].equals("static")) {
      StaticComputerGroup g = jamf.computerGroups().staticGroup(last);
      StringBuilder text = new StringBuilder(flatten(Json.mapper().valueToTree(g)));
      try {
        List<GroupMember> members =
            jamf.computerGroups().staticGroupMembers(Integer.parseInt(last));
        text.append("\nmembers: ").append(members.size());
        members.stream()
            .limit(200)
            .forEach(
                m ->
                    text.append("\n- ")
                        .append(m.name())
                        .append(" (id ")
                        .append(m.id())
                        .append(", serial ")
                        .append(m.serialNumber())
                        .append(")"));
      } catch (JamfNotFoundException e) {
        // The member list is a Classic API read; say so rather than fail the whole fetch.
        text.append("\nmembers: not available (Jamf Pro did not serve the Classic group record)");
      }
      return result(
          id, g.name(), text.toString(), links.staticGroup(last), meta("staticGroup", last));
    }
    throw unknown(id);
  }

  private static ToolException unknown(String id) {
    return new ToolException(
        "\""
            + id
            + "\" is not an id search returns. Use computer:<n>,"
            + " mobile:<n>, policy:<n>, profile:mac:<n>, profile:mobile:<n>, script:<n>,"
            + " group:smart:<n> or group:static:<n>, as given by search.");
  }

  private static ObjectNode meta(String type, String id) {
    return Json.object().put("type", type).put("jamfId", id);
  }

  private static ObjectNode result(
      String id, String title, String text, String url, ObjectNode metadata) {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("title", title == null || title.isBlank() ? id : title);
    out.put(
        "text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n[truncated]" : text);
    out.put("url", url);
    out.set("metadata", metadata);
    return out;
  }

  /** "path.to.field: value" lines for every scalar; arrays of scalars joined with commas. */
  static String flatten(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    flatten("", node, sb);
    return sb.toString().strip();
  }

  private static void flatten(String prefix, JsonNode node, StringBuilder sb) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), sb);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node) {
        flatten(prefix + "[" + i++ + "]", item, sb);
      }
    } else {
      String value = node.asString();
      if (!value.isEmpty()) {
        sb.append(prefix).append(": ").append(value).append('\n');
      }
    }
  }
}
