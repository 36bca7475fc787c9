package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.ConfigProfile;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Classic configuration profiles: {@code osxconfigurationprofiles} and {@code
 * mobiledeviceconfigurationprofiles}.
 */
final class ClassicProfileRoutes {
  private final Fleet fleet;
  private final Scoping scoping;

  ClassicProfileRoutes(SimState state) {
    this.fleet = state.fleet();
    this.scoping = new Scoping(state);
  }

  void register(Router router) {
    router.get(
        "/JSSResource/osxconfigurationprofiles",
        Area.CLASSIC,
        ex -> list(ex, "os_x_configuration_profiles", fleet.macProfiles()));
    router.get(
        "/JSSResource/osxconfigurationprofiles/id/{id}",
        Area.CLASSIC,
        ex -> one(ex, "os_x_configuration_profile", fleet.macProfiles()));
    router.get(
        "/JSSResource/mobiledeviceconfigurationprofiles",
        Area.CLASSIC,
        ex -> list(ex, "configuration_profiles", fleet.mobileProfiles()));
    router.get(
        "/JSSResource/mobiledeviceconfigurationprofiles/id/{id}",
        Area.CLASSIC,
        ex -> one(ex, "configuration_profile", fleet.mobileProfiles()));
  }

  private void list(Exchange ex, String key, List<ConfigProfile> profiles) throws Exception {
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart(key);
          for (ConfigProfile p : profiles) {
            json.writeStartObject();
            json.writeNumberProperty("id", p.id());
            json.writeStringProperty("name", p.name());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private void one(Exchange ex, String key, List<ConfigProfile> profiles) throws Exception {
    long id = Ids.parse(ex.pathParam("id"));
    ConfigProfile p =
        profiles.stream()
            .filter(x -> x.id() == id)
            .findFirst()
            .orElseThrow(() -> new NotFound("profile"));
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart(key);
          general(json, p);
          if (p.mobile()) {
            mobileScope(json, p);
          } else {
            macScope(json, p);
          }
          ClassicJson.selfService(json, false, p.name());
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private void general(JsonGenerator json, ConfigProfile p) {
    json.writeObjectPropertyStart("general");
    json.writeNumberProperty("id", p.id());
    json.writeStringProperty("name", p.name());
    json.writeStringProperty("description", p.description());
    ClassicJson.site(json);
    ClassicJson.category(json, fleet, p.categoryId());
    if (p.mobile()) {
      json.writeStringProperty("level", "Device Level");
      json.writeStringProperty("uuid", p.uuid());
      json.writeStringProperty("deployment_method", "Install Automatically");
      json.writeStringProperty("redeploy_on_update", "Newly Assigned");
      json.writeNumberProperty("redeploy_Days_before_certificate_expires", 0);
    } else {
      json.writeStringProperty("distribution_method", "Install Automatically");
      json.writeBooleanProperty("user_removable", false);
      json.writeStringProperty("level", "computer");
      json.writeStringProperty("uuid", p.uuid());
      json.writeStringProperty("redeploy_on_update", "Newly Assigned");
    }
    json.writeStringProperty("payloads", payload(p));
    json.writeEndObject();
  }

  private void macScope(JsonGenerator json, ConfigProfile p) {
    json.writeObjectPropertyStart("scope");
    json.writeBooleanProperty("all_computers", p.scope().allDevices());
    json.writeBooleanProperty("all_jss_users", false);
    ClassicJson.idNameList(
        json, "computers", p.scope().deviceIds(), id -> fleet.computers().name(id - 1));
    ClassicJson.emptyArrays(json, List.of("buildings", "departments"));
    ClassicJson.idNameList(json, "computer_groups", p.scope().groupIds(), scoping::groupName);
    ClassicJson.emptyArrays(json, List.of("jss_users", "jss_user_groups"));
    limitationsAndExclusions(json, "computers", "computer_groups");
    json.writeEndObject();
  }

  private void mobileScope(JsonGenerator json, ConfigProfile p) {
    json.writeObjectPropertyStart("scope");
    json.writeBooleanProperty("all_mobile_devices", p.scope().allDevices());
    json.writeBooleanProperty("all_jss_users", false);
    ClassicJson.idNameList(
        json,
        "mobile_devices",
        p.scope().deviceIds(),
        id -> fleet.mobileDevice(id).map(MobileDevice::name).orElse(""));
    ClassicJson.emptyArrays(
        json,
        List.of(
            "buildings", "departments", "mobile_device_groups", "jss_users", "jss_user_groups"));
    limitationsAndExclusions(json, "mobile_devices", "mobile_device_groups");
    json.writeEndObject();
  }

  private static void limitationsAndExclusions(JsonGenerator json, String devices, String groups) {
    json.writeObjectPropertyStart("limitations");
    ClassicJson.emptyArrays(json, List.of("users", "user_groups", "network_segments", "ibeacons"));
    json.writeEndObject();
    json.writeObjectPropertyStart("exclusions");
    ClassicJson.emptyArrays(
        json,
        List.of(
            devices,
            "buildings",
            "departments",
            groups,
            "users",
            "user_groups",
            "network_segments",
            "ibeacons",
            "jss_users",
            "jss_user_groups"));
    json.writeEndObject();
  }

  /** A minimal but well-formed configuration profile plist. */
  private static String payload(ConfigProfile p) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
        + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\"><plist version=\"1\"><dict>"
        + "<key>PayloadDisplayName</key><string>"
        + p.name().replace("&", "&amp;")
        + "</string>"
        + "<key>PayloadIdentifier</key><string>"
        + p.payloadIdentifier()
        + "</string>"
        + "<key>PayloadType</key><string>Configuration</string>"
        + "<key>PayloadUUID</key><string>"
        + p.uuid()
        + "</string>"
        + "<key>PayloadVersion</key><integer>1</integer><key>PayloadContent</key><array/></dict></plist>";
  }
}
