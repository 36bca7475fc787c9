package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Exchange;
import java.io.IOException;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Shared pieces of Classic API JSON: content negotiation, {id,name} refs, empty scope blocks. */
final class ClassicJson {
  private ClassicJson() {}

  /**
   * The simulator answers Classic reads in JSON only. A client that does not ask for JSON would get
   * XML from a real server; here it gets 406 so the missing header is noticed.
   */
  static boolean acceptsJson(Exchange ex) throws IOException {
    String accept = ex.header("Accept");
    if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("application/json")) {
      return true;
    }
    ApiErrors.classicPage(ex, 406);
    return false;
  }

  static void ref(JsonGenerator json, String key, int id, String name) {
    json.writeObjectPropertyStart(key);
    json.writeNumberProperty("id", id);
    json.writeStringProperty("name", name);
    json.writeEndObject();
  }

  static void category(JsonGenerator json, Fleet fleet, int categoryId) {
    ref(json, "category", categoryId >= 1 ? categoryId : -1, fleet.categoryName(categoryId));
  }

  static void site(JsonGenerator json) {
    ref(json, "site", -1, "None");
  }

  static void emptyArrays(JsonGenerator json, List<String> keys) {
    for (String key : keys) {
      json.writeArrayPropertyStart(key);
      json.writeEndArray();
    }
  }

  static void idNameList(
      JsonGenerator json,
      String key,
      List<Integer> ids,
      java.util.function.IntFunction<String> name) {
    json.writeArrayPropertyStart(key);
    for (int id : ids) {
      json.writeStartObject();
      json.writeNumberProperty("id", id);
      json.writeStringProperty("name", name.apply(id));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static void selfService(JsonGenerator json, boolean enabled, String displayName) {
    selfService(json, enabled, displayName, "");
  }

  static void selfService(
      JsonGenerator json, boolean enabled, String displayName, String description) {
    json.writeObjectPropertyStart("self_service");
    json.writeBooleanProperty("use_for_self_service", enabled);
    json.writeStringProperty("self_service_display_name", enabled ? displayName : "");
    json.writeStringProperty("install_button_text", "Install");
    json.writeStringProperty("reinstall_button_text", "Reinstall");
    json.writeStringProperty("self_service_description", description);
    json.writeBooleanProperty("force_users_to_view_description", false);
    json.writeObjectPropertyStart("self_service_icon");
    json.writeEndObject();
    json.writeBooleanProperty("feature_on_main_page", false);
    json.writeArrayPropertyStart("self_service_categories");
    json.writeEndArray();
    json.writeEndObject();
  }
}
