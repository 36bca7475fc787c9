package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.tools.support.JamfLinks;
import dev.jamfmcp.tools.support.Schemas;
import tools.jackson.databind.node.ObjectNode;

/** The one-line view of a computer that search results and lists share, and its schema. */
final class ComputerRows {
  private ComputerRows() {}

  static ObjectNode row(Computer c, OrgDirectory org, JamfLinks links) {
    ObjectNode row = Json.object();
    row.put("id", c.id());
    row.put("name", c.general() == null ? null : c.general().name());
    row.put("serial", c.hardware() == null ? null : c.hardware().serialNumber());
    row.put("model", c.hardware() == null ? null : c.hardware().model());
    row.put("osVersion", c.operatingSystem() == null ? null : c.operatingSystem().version());
    var user = c.userAndLocation();
    row.put("user", user == null ? null : emptyToNull(user.username()));
    row.put("department", user == null ? null : org.departmentName(user.departmentId()));
    row.put("building", user == null ? null : org.buildingName(user.buildingId()));
    row.put("lastContactTime", c.general() == null ? null : c.general().lastContactTime());
    row.put("url", links.computer(c.id()));
    return row;
  }

  static ObjectNode schema() {
    return Schemas.object()
        .property("id", Schemas.typed("string", "Jamf Pro computer id"))
        .property("name", Schemas.nullableString("Computer name"))
        .property("serial", Schemas.nullableString("Serial number"))
        .property(
            "model", Schemas.nullableString("Hardware model, e.g. MacBook Pro (14-inch, 2023)"))
        .property("osVersion", Schemas.nullableString("macOS version, e.g. 15.3.1"))
        .property("user", Schemas.nullableString("Assigned user's username"))
        .property("department", Schemas.nullableString("Department name"))
        .property("building", Schemas.nullableString("Building name"))
        .property(
            "lastContactTime", Schemas.nullableString("Last check-in with Jamf Pro (ISO-8601)"))
        .property(
            "url", Schemas.typed("string", "The computer's page in the Jamf Pro web interface"))
        .required("id", "url")
        .buildOpen();
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
