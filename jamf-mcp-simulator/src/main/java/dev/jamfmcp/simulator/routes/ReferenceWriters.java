package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Building;
import dev.jamfmcp.simulator.fleet.Category;
import dev.jamfmcp.simulator.fleet.Department;
import dev.jamfmcp.simulator.fleet.PatchTitle;
import dev.jamfmcp.simulator.fleet.Script;
import tools.jackson.core.JsonGenerator;

/** JSON shapes of the small reference objects, field for field as in the contract's schemas. */
final class ReferenceWriters {
  private ReferenceWriters() {}

  static void department(JsonGenerator json, Department d) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(d.id()));
    json.writeStringProperty("name", d.name());
    json.writeEndObject();
  }

  static void building(JsonGenerator json, Building b) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(b.id()));
    json.writeStringProperty("name", b.name());
    json.writeStringProperty("streetAddress1", b.streetAddress1());
    json.writeStringProperty("streetAddress2", b.streetAddress2());
    json.writeStringProperty("city", b.city());
    json.writeStringProperty("stateProvince", b.stateProvince());
    json.writeStringProperty("zipPostalCode", b.zipPostalCode());
    json.writeStringProperty("country", b.country());
    json.writeEndObject();
  }

  static void category(JsonGenerator json, Category c) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(c.id()));
    json.writeStringProperty("name", c.name());
    json.writeNumberProperty("priority", c.priority());
    json.writeEndObject();
  }

  static void script(JsonGenerator json, Script s) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(s.id()));
    json.writeStringProperty("name", s.name());
    json.writeStringProperty("info", s.info());
    json.writeStringProperty("notes", s.notes());
    json.writeStringProperty("priority", s.priority());
    json.writeStringProperty("categoryId", String.valueOf(s.categoryId()));
    json.writeStringProperty("categoryName", s.categoryName());
    for (int i = 0; i < s.parameters().size(); i++) {
      json.writeStringProperty("parameter" + (i + 4), s.parameters().get(i));
    }
    json.writeStringProperty("osRequirements", s.osRequirements());
    json.writeStringProperty("scriptContents", s.scriptContents());
    json.writeEndObject();
  }

  static void patchTitle(JsonGenerator json, PatchTitle t) {
    json.writeStartObject();
    json.writeStringProperty("displayName", t.displayName());
    json.writeStringProperty("categoryId", String.valueOf(t.categoryId()));
    json.writeStringProperty("siteId", "-1");
    json.writeBooleanProperty("uiNotifications", true);
    json.writeBooleanProperty("emailNotifications", false);
    json.writeStringProperty("softwareTitleId", String.valueOf(t.softwareTitleId()));
    json.writeBooleanProperty("jamfOfficial", t.jamfOfficial());
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeStringProperty("softwareTitleName", t.softwareTitleName());
    json.writeStringProperty("softwareTitleNameId", t.softwareTitleName().replace(" ", ""));
    json.writeStringProperty("softwareTitlePublisher", t.publisher());
    json.writeStringProperty("patchSourceName", "Jamf");
    json.writeBooleanProperty("patchSourceEnabled", true);
    json.writeStringProperty("id", String.valueOf(t.id()));
    json.writeArrayPropertyStart("packages");
    json.writeStartObject();
    json.writeStringProperty("packageId", String.valueOf(100 + t.id()));
    json.writeStringProperty("version", t.latestVersion());
    json.writeStringProperty("displayName", t.displayName() + " " + t.latestVersion());
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }
}
