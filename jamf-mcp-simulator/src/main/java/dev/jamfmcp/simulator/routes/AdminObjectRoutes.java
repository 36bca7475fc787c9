package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.AdminObjects.App;
import dev.jamfmcp.simulator.inventory.AdminObjects.ExtensionAttribute;
import dev.jamfmcp.simulator.inventory.AdminObjects.MobileGroup;
import dev.jamfmcp.simulator.inventory.AdminObjects.Prestage;
import dev.jamfmcp.simulator.inventory.ExtensionAttributeValues;
import dev.jamfmcp.simulator.rsql.FieldSet;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/**
 * Packages, sites, end users, PreStage enrollments, extension attribute definitions, App Store apps
 * (Classic) and mobile device groups, as Jamf Pro 11.30.1 serves them.
 */
final class AdminObjectRoutes {
  private final Fleet fleet;
  private final AdminObjects objects;

  AdminObjectRoutes(SimState state) {
    this.fleet = state.fleet();
    this.objects = AdminObjects.of(state.fleet());
  }

  void register(Router router) {
    List<AdminObjects.Package> packages = objects.packages();
    router.get(
        "/api/v1/packages",
        Area.PRO,
        new PagedList<>(
            packages,
            FieldSet.builder()
                .number("id", r -> packages.get(r).id(), true)
                .string("packageName", r -> packages.get(r).packageName(), true)
                .string("fileName", r -> packages.get(r).fileName(), true)
                .build(),
            "id:asc",
            AdminObjectRoutes::writePackage));
    router.get(
        "/api/v1/sites",
        Area.PRO,
        ex ->
            ex.json(
                200,
                json -> {
                  json.writeStartArray();
                  for (AdminObjects.Site s : objects.sites()) {
                    json.writeStartObject();
                    json.writeStringProperty("id", String.valueOf(s.id()));
                    json.writeStringProperty("name", s.name());
                    json.writeEndObject();
                  }
                  json.writeEndArray();
                }));
    List<AdminObjects.User> users = objects.users();
    router.get(
        "/api/v1/users",
        Area.PRO,
        new PagedList<>(
            users,
            FieldSet.builder()
                .number("id", r -> users.get(r).id(), true)
                .string("username", r -> users.get(r).username(), true)
                .string("realname", r -> users.get(r).realname(), true)
                .string("email", r -> users.get(r).email(), true)
                .build(),
            "id:asc",
            AdminObjectRoutes::writeUser));
    prestages(router, "/api/v3/computer-prestages", objects.computerPrestages());
    prestages(router, "/api/v3/mobile-device-prestages", objects.mobilePrestages());
    attributes(router, "/api/v1/computer-extension-attributes", objects.computerAttributes());
    attributes(router, "/api/v1/mobile-device-extension-attributes", objects.mobileAttributes());
    classicApps(router, "/JSSResource/macapplications", "mac_applications", objects.macApps());
    classicApps(
        router,
        "/JSSResource/mobiledeviceapplications",
        "mobile_device_applications",
        objects.mobileApps());
    mobileGroups(router, "static", false);
    // smart mobile device groups: SmartGroupRoutes
  }

  private static void writePackage(JsonGenerator json, AdminObjects.Package p) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(p.id()));
    json.writeStringProperty("packageName", p.packageName());
    json.writeStringProperty("fileName", p.fileName());
    json.writeStringProperty(
        "categoryId", String.valueOf(p.categoryId() == 0 ? -1 : p.categoryId()));
    json.writeStringProperty("info", p.info());
    json.writeStringProperty("notes", "");
    json.writeNumberProperty("priority", 10);
    json.writeBooleanProperty("fillUserTemplate", false);
    json.writeBooleanProperty("rebootRequired", p.rebootRequired());
    json.writeBooleanProperty("osInstall", p.osInstall());
    json.writeBooleanProperty("suppressUpdates", false);
    json.writeStringProperty("size", String.valueOf(p.sizeBytes()));
    json.writeEndObject();
  }

  private static void writeUser(JsonGenerator json, AdminObjects.User u) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(u.id()));
    json.writeStringProperty("username", u.username());
    json.writeStringProperty("realname", u.realname());
    json.writeStringProperty("email", u.email());
    json.writeStringProperty("phone", "");
    json.writeStringProperty("position", "");
    json.writeStringProperty("managedAppleId", "");
    json.writeEndObject();
  }

  private static void prestages(Router router, String path, List<Prestage> prestages) {
    router.get(
        path,
        Area.PRO,
        new PagedList<>(
            prestages,
            FieldSet.builder()
                .number("id", r -> prestages.get(r).id(), true)
                .string("displayName", r -> prestages.get(r).displayName(), true)
                .build(),
            "id:asc",
            (json, p) -> {
              json.writeStartObject();
              json.writeStringProperty("id", String.valueOf(p.id()));
              json.writeStringProperty("displayName", p.displayName());
              json.writeBooleanProperty("mandatory", p.mandatory());
              json.writeBooleanProperty("mdmRemovable", false);
              json.writeBooleanProperty("defaultPrestage", p.defaultPrestage());
              json.writeStringProperty("department", p.department());
              json.writeStringProperty("enrollmentSiteId", "-1");
              json.writeStringProperty("deviceEnrollmentProgramInstanceId", "1");
              json.writeBooleanProperty("requireAuthentication", p.mandatory());
              json.writeStringProperty("siteId", "-1");
              json.writeNumberProperty("versionLock", 1);
              json.writeEndObject();
            }));
  }

  private static void attributes(Router router, String path, List<ExtensionAttribute> list) {
    router.get(
        path,
        Area.PRO,
        new PagedList<>(
            list,
            FieldSet.builder()
                .number("id", r -> list.get(r).id(), true)
                .string("name", r -> list.get(r).name(), true)
                .build(),
            "id:asc",
            (json, a) -> {
              json.writeStartObject();
              json.writeStringProperty("id", String.valueOf(a.id()));
              json.writeStringProperty("name", a.name());
              json.writeStringProperty("description", a.description());
              json.writeStringProperty("dataType", a.dataType());
              json.writeBooleanProperty("enabled", a.enabled());
              json.writeStringProperty("inventoryDisplayType", "EXTENSION_ATTRIBUTES");
              json.writeStringProperty("inputType", a.inputType());
              json.writeArrayPropertyStart("popupMenuChoices");
              if (a.inputType().equals("POPUP")) {
                ExtensionAttributeValues.COST_CENTERS.forEach(json::writeString);
              }
              json.writeEndArray();
              json.writeEndObject();
            }));
  }

  private static void classicApps(Router router, String path, String key, List<App> apps) {
    router.get(
        path,
        Area.CLASSIC,
        ex -> {
          if (!ClassicJson.acceptsJson(ex)) {
            return;
          }
          ex.classicJson(
              200,
              json -> {
                json.writeStartObject();
                json.writeArrayPropertyStart(key);
                for (App a : apps) {
                  json.writeStartObject();
                  json.writeNumberProperty("id", a.id());
                  json.writeStringProperty("name", a.name());
                  if (key.equals("mobile_device_applications")) {
                    json.writeStringProperty("display_name", a.name());
                    json.writeStringProperty("bundle_id", a.bundleId());
                    json.writeStringProperty("version", a.version());
                    json.writeBooleanProperty("internal_app", !a.free());
                  }
                  json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
              });
        });
  }

  private void mobileGroups(Router router, String kind, boolean smart) {
    List<MobileGroup> groups =
        objects.mobileGroups().stream().filter(g -> g.smart() == smart).toList();
    BiConsumer<JsonGenerator, MobileGroup> writer = (json, g) -> writeGroup(json, g, false);
    router.get(
        "/api/v2/mobile-device-groups/" + kind + "-groups",
        Area.PRO,
        new PagedList<>(
            groups,
            FieldSet.builder()
                .number("groupId", r -> groups.get(r).id(), true)
                .string("groupName", r -> groups.get(r).name(), true)
                .build(),
            "groupId:asc",
            writer));
    router.get(
        "/api/v2/mobile-device-groups/" + kind + "-group-membership/{id}",
        Area.PRO,
        ex -> {
          MobileGroup g = group(ex, smart);
          List<MobileDevice> members =
              g.memberIds().stream().map(id -> fleet.mobileDevices().get(id - 1)).toList();
          new PagedList<>(
                  members,
                  FieldSet.builder()
                      .number("mobileDeviceId", r -> members.get(r).id(), true)
                      .string("displayName", r -> members.get(r).name(), true)
                      .string("serialNumber", r -> members.get(r).serialNumber(), true)
                      .build(),
                  "mobileDeviceId:asc",
                  AdminObjectRoutes::writeMember)
              .handle(ex);
        });
  }

  private MobileGroup group(Exchange ex, boolean smart) {
    long id = Ids.parse(ex.pathParam("id"));
    return objects.mobileGroups().stream()
        .filter(g -> g.smart() == smart && g.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFound("Mobile device group " + ex.pathParam("id")));
  }

  private static void writeGroup(JsonGenerator json, MobileGroup g, boolean criteria) {
    json.writeStartObject();
    json.writeStringProperty("groupId", String.valueOf(g.id()));
    json.writeStringProperty("groupName", g.name());
    json.writeStringProperty("groupDescription", g.description());
    json.writeStringProperty("siteId", "-1");
    json.writeNumberProperty("count", g.memberIds().size());
    if (criteria) {
      json.writeArrayPropertyStart("criteria");
      json.writeStartObject();
      json.writeStringProperty("name", g.criterion());
      json.writeNumberProperty("priority", 0);
      json.writeStringProperty("andOr", "and");
      json.writeStringProperty("searchType", g.operator());
      json.writeStringProperty("value", g.value());
      json.writeBooleanProperty("openingParen", false);
      json.writeBooleanProperty("closingParen", false);
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  static void writeMember(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("mobileDeviceId", String.valueOf(d.id()));
    json.writeStringProperty("displayName", d.name());
    json.writeStringProperty("serialNumber", d.serialNumber());
    json.writeStringProperty("model", d.model());
    json.writeStringProperty("osVersion", d.osVersion());
    json.writeBooleanProperty("managed", true);
    json.writeBooleanProperty("supervised", d.supervised());
    json.writeStringProperty("username", d.username());
    json.writeEndObject();
  }
}
