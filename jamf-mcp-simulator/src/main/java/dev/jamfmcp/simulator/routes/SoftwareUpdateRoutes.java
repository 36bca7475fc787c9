package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.effects.UpdatePlanCreation;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.rsql.Field;
import dev.jamfmcp.simulator.rsql.FieldSet;
import dev.jamfmcp.simulator.rsql.Table;
import dev.jamfmcp.simulator.updates.OsCatalog;
import dev.jamfmcp.simulator.updates.SimPlan;
import dev.jamfmcp.simulator.updates.UpdatePlans;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Managed software updates ({@code /api/v1/managed-software-updates}): the plans feature toggle,
 * available OS versions, plans (paged, filtered, sorted; per group), creating plans for devices or
 * a group, and the devices' update statuses (all, per device, per group). Plans and statuses come
 * from {@link UpdatePlans}, consistent with the fleet. With the toggle off, no plan is listed and
 * creating one is refused.
 */
final class SoftwareUpdateRoutes {
  private static final String BASE = "/api/v1/managed-software-updates";
  private static final Set<String> ACTIONS =
      Set.of(
          "DOWNLOAD_ONLY",
          "DOWNLOAD_INSTALL",
          "DOWNLOAD_INSTALL_ALLOW_DEFERRAL",
          "DOWNLOAD_INSTALL_RESTART",
          "DOWNLOAD_INSTALL_SCHEDULE");
  private static final Set<String> VERSION_TYPES =
      Set.of("LATEST_MAJOR", "LATEST_MINOR", "LATEST_ANY", "SPECIFIC_VERSION");

  private final Fleet fleet;
  private final Scoping scoping;
  private final UpdatePlans plans;
  private final SideEffects effects;
  private final List<AdminObjects.MobileGroup> mobileGroups;

  SoftwareUpdateRoutes(SimState state, Scoping scoping) {
    this.fleet = state.fleet();
    this.scoping = scoping;
    this.plans = new UpdatePlans(state.fleet(), state.effects()::now);
    this.effects = state.effects();
    this.mobileGroups = AdminObjects.of(state.fleet()).mobileGroups();
  }

  void register(Router router) {
    router.get(BASE + "/available-updates", Area.PRO, this::available);
    router.get(BASE + "/plans/feature-toggle", Area.PRO, this::toggle);
    router.put(BASE + "/plans/feature-toggle", Area.PRO, this::setToggle);
    router.get(BASE + "/plans", Area.PRO, this::list);
    router.post(BASE + "/plans", Area.PRO, this::create);
    router.post(BASE + "/plans/group", Area.PRO, this::createForGroup);
    router.get(BASE + "/plans/group/{id}", Area.PRO, this::groupPlans);
    router.get(BASE + "/plans/{id}", Area.PRO, this::one);
    router.get(BASE + "/update-statuses", Area.PRO, this::statuses);
    router.get(
        BASE + "/update-statuses/computers/{id}", Area.PRO, ex -> deviceStatuses(ex, "COMPUTER"));
    router.get(
        BASE + "/update-statuses/mobile-devices/{id}",
        Area.PRO,
        ex -> deviceStatuses(ex, "MOBILE_DEVICE"));
    router.get(
        BASE + "/update-statuses/computer-groups/{id}",
        Area.PRO,
        ex -> groupStatuses(ex, "COMPUTER_GROUP"));
    router.get(
        BASE + "/update-statuses/mobile-device-groups/{id}",
        Area.PRO,
        ex -> groupStatuses(ex, "MOBILE_DEVICE_GROUP"));
  }

  private void available(Exchange ex) throws IOException {
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("availableUpdates");
          strings(json, "macOS", OsCatalog.macOS());
          strings(json, "iOS", OsCatalog.iOS());
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private void toggle(Exchange ex) throws IOException {
    boolean on = plans.enabled();
    ex.json(200, json -> writeToggle(json, on));
  }

  private void setToggle(Exchange ex) throws IOException {
    JsonNode toggle = ex.bodyJson().path("toggle");
    if (!toggle.isBoolean()) {
      ApiErrors.cause(ex, 400, "INVALID_FIELD", "toggle", "toggle must be true or false");
      return;
    }
    plans.enabled(toggle.asBoolean());
    boolean on = plans.enabled();
    ex.json(200, json -> writeToggle(json, on));
  }

  private static void writeToggle(JsonGenerator json, boolean on) {
    json.writeStartObject();
    json.writeBooleanProperty("toggle", on);
    json.writeBooleanProperty("forceInstallLocalDateEnabled", on);
    json.writeBooleanProperty("customVersionEnabled", false);
    json.writeBooleanProperty("dssEnabled", on);
    json.writeBooleanProperty("recipeEnabled", false);
    json.writeEndObject();
  }

  private List<SimPlan> visible() {
    return plans.enabled() ? plans.all() : List.of();
  }

  private void list(Exchange ex) throws Exception {
    List<SimPlan> all = visible();
    Table table =
        new Table(
            FieldSet.builder()
                .string("planUuid", row -> all.get(row).uuid(), true)
                .string("device.deviceId", row -> String.valueOf(all.get(row).deviceId()), true)
                .string("device.objectType", row -> all.get(row).objectType(), true)
                .string("updateAction", row -> all.get(row).updateAction(), true)
                .string("versionType", row -> all.get(row).versionType(), true)
                .string("specificVersion", row -> specificVersion(all.get(row)), true)
                .number(
                    "maxDeferrals",
                    row ->
                        all.get(row).maxDeferrals() == null
                            ? Field.NULL
                            : all.get(row).maxDeferrals(),
                    true)
                .string("recipeId", row -> "-1", true)
                .string(
                    "forceInstallLocalDateTime",
                    row -> all.get(row).forceInstallLocalDateTime(),
                    true)
                .string("state", row -> all.get(row).state(), true)
                .build(),
            all.size(),
            false);
    Paging paging = Paging.of(ex);
    Table.Page page =
        table.query(
            ex.query("filter"),
            ex.queries("sort"),
            "planUuid:asc",
            paging.page(),
            paging.pageSize());
    ex.json(
        200, json -> MobileDeviceRoutes.results(json, page, row -> writePlan(json, all.get(row))));
  }

  private void one(Exchange ex) throws IOException {
    SimPlan plan =
        visible().stream()
            .filter(p -> p.uuid().equalsIgnoreCase(ex.pathParam("id")))
            .findFirst()
            .orElseThrow(() -> new NotFound("Managed Software Update Plan"));
    ex.json(200, json -> writePlan(json, plan));
  }

  private void groupPlans(Exchange ex) throws IOException {
    String type = ex.query("group-type");
    if (!"COMPUTER_GROUP".equals(type) && !"MOBILE_DEVICE_GROUP".equals(type)) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "group-type",
          "group-type must be COMPUTER_GROUP or MOBILE_DEVICE_GROUP");
      return;
    }
    int id = (int) Ids.parse(ex.pathParam("id"));
    members(type, id); // 404 when the group does not exist
    String key = type + ":" + id;
    List<SimPlan> found = visible().stream().filter(p -> key.equals(p.groupKey())).toList();
    ex.json(200, json -> writePlans(json, found));
  }

  private void create(Exchange ex) throws IOException {
    if (refusedWhenOff(ex)) {
      return;
    }
    JsonNode body = ex.bodyJson();
    UpdatePlans.Config config = config(ex, body.path("config"));
    if (config == null) {
      return;
    }
    JsonNode devices = body.path("devices");
    if (!devices.isArray() || devices.isEmpty()) {
      ApiErrors.cause(ex, 400, "INVALID_FIELD", "devices", "devices must name at least one device");
      return;
    }
    List<Object[]> targets = new ArrayList<>();
    for (JsonNode device : devices) {
      String type = device.path("objectType").asString("");
      long id = Ids.parse(device.path("deviceId").asString(""));
      if (type.equals("APPLE_TV")) {
        // No Apple TV in this fleet: Jamf refuses an Apple TV id that names another device.
        ApiErrors.cause(ex, 400, "INVALID_FIELD", "devices", "Apple TV " + id + " does not exist");
        return;
      }
      if (!type.equals("COMPUTER") && !type.equals("MOBILE_DEVICE")) {
        ApiErrors.cause(
            ex,
            400,
            "INVALID_FIELD",
            "devices.objectType",
            "objectType must be COMPUTER, MOBILE_DEVICE or APPLE_TV");
        return;
      }
      if (id < 1 || id > Integer.MAX_VALUE || !plans.exists(type, (int) id)) {
        ApiErrors.cause(
            ex,
            400,
            "INVALID_FIELD",
            "devices.deviceId",
            (type.equals("COMPUTER") ? "Computer " : "Mobile device ") + id + " does not exist");
        return;
      }
      targets.add(new Object[] {type, (int) id});
    }
    List<SimPlan> made = new ArrayList<>();
    for (Object[] t : targets) {
      made.add(record(plans.create((String) t[0], (Integer) t[1], config, null)));
    }
    ex.json(201, json -> writeCreated(json, made));
  }

  private void createForGroup(Exchange ex) throws IOException {
    if (refusedWhenOff(ex)) {
      return;
    }
    JsonNode body = ex.bodyJson();
    UpdatePlans.Config config = config(ex, body.path("config"));
    if (config == null) {
      return;
    }
    String type = body.path("group").path("objectType").asString("");
    if (!type.equals("COMPUTER_GROUP") && !type.equals("MOBILE_DEVICE_GROUP")) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "group.objectType",
          "objectType must be COMPUTER_GROUP or MOBILE_DEVICE_GROUP");
      return;
    }
    int id = (int) Ids.parse(body.path("group").path("groupId").asString(""));
    List<Integer> members = members(type, id);
    String deviceType = type.equals("COMPUTER_GROUP") ? "COMPUTER" : "MOBILE_DEVICE";
    List<SimPlan> made = new ArrayList<>();
    for (int member : members) {
      made.add(record(plans.create(deviceType, member, config, type + ":" + id)));
    }
    ex.json(201, json -> writeCreated(json, made));
  }

  private SimPlan record(SimPlan p) {
    effects.recordUpdatePlan(
        new UpdatePlanCreation(
            p.created(),
            p.uuid(),
            p.objectType(),
            p.deviceId(),
            p.updateAction(),
            p.versionType(),
            p.state(),
            p.groupKey()));
    return p;
  }

  private boolean refusedWhenOff(Exchange ex) throws IOException {
    if (plans.enabled()) {
      return false;
    }
    ApiErrors.cause(
        ex,
        400,
        "FEATURE_TOGGLE_DISABLED",
        "toggle",
        "Managed Software Update Plans are not enabled: turn on the feature toggle first");
    return true;
  }

  /** The config, or null after answering 400. */
  private static UpdatePlans.Config config(Exchange ex, JsonNode config) throws IOException {
    String action = config.path("updateAction").asString("");
    String versionType = config.path("versionType").asString("");
    if (!ACTIONS.contains(action)) {
      ApiErrors.cause(ex, 400, "INVALID_FIELD", "config.updateAction", "invalid updateAction");
      return null;
    }
    if (!VERSION_TYPES.contains(versionType)) {
      ApiErrors.cause(ex, 400, "INVALID_FIELD", "config.versionType", "invalid versionType");
      return null;
    }
    String specific = config.path("specificVersion").asString(null);
    if (versionType.equals("SPECIFIC_VERSION") && (specific == null || specific.isBlank())) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "config.specificVersion",
          "specificVersion is required with SPECIFIC_VERSION");
      return null;
    }
    JsonNode deferrals = config.path("maxDeferrals");
    if (action.equals("DOWNLOAD_INSTALL_ALLOW_DEFERRAL")
        && (!deferrals.isIntegralNumber() || deferrals.asInt() < 0)) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "config.maxDeferrals",
          "maxDeferrals (>= 0) is required with DOWNLOAD_INSTALL_ALLOW_DEFERRAL");
      return null;
    }
    String force = config.path("forceInstallLocalDateTime").asString(null);
    if (force != null && !force.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "config.forceInstallLocalDateTime",
          "forceInstallLocalDateTime must look like 2026-12-25T21:09:31");
      return null;
    }
    return new UpdatePlans.Config(
        action,
        versionType,
        versionType.equals("SPECIFIC_VERSION") ? specific : null,
        deferrals.isIntegralNumber() ? deferrals.asInt() : null,
        force);
  }

  /** A group's member ids; NotFound (404) when there is no such group. */
  private List<Integer> members(String type, int id) {
    if (type.equals("MOBILE_DEVICE_GROUP")) {
      return mobileGroups.stream()
          .filter(g -> g.id() == id)
          .findFirst()
          .orElseThrow(() -> new NotFound("Mobile device group"))
          .memberIds();
    }
    boolean exists =
        fleet.smartGroup(id).isPresent() || scoping.staticGroups().find(id).isPresent();
    if (!exists) {
      throw new NotFound("Computer group");
    }
    Computers c = fleet.computers();
    List<Integer> ids = new ArrayList<>();
    for (int row = 0; row < c.size(); row++) {
      if (scoping.inGroup(id, c.id(row))) {
        ids.add(c.id(row));
      }
    }
    return ids;
  }

  private void statuses(Exchange ex) throws Exception {
    List<UpdatePlans.Status> all = plans.statuses();
    Table table =
        new Table(
            FieldSet.builder()
                .string("osUpdatesStatusId", row -> String.valueOf(all.get(row).id()), true)
                .string(
                    "device.deviceId", row -> String.valueOf(all.get(row).plan().deviceId()), true)
                .string("device.objectType", row -> all.get(row).plan().objectType(), true)
                .bool("downloaded", row -> all.get(row).downloaded())
                .string("productKey", row -> all.get(row).productKey(), true)
                .string("status", row -> all.get(row).status(), true)
                .number(
                    "deferralsRemaining",
                    row ->
                        all.get(row).deferralsRemaining() == null
                            ? Field.NULL
                            : all.get(row).deferralsRemaining(),
                    true)
                .date("created", row -> all.get(row).plan().created().toEpochMilli(), true)
                .date("updated", row -> all.get(row).updated().toEpochMilli(), true)
                .build(),
            all.size(),
            false);
    Table.Page page =
        table.query(ex.query("filter"), List.of(), "osUpdatesStatusId:asc", 0, Integer.MAX_VALUE);
    List<UpdatePlans.Status> chosen = new ArrayList<>();
    for (int row : page.rows()) {
      chosen.add(all.get(row));
    }
    ex.json(200, json -> writeStatuses(json, chosen));
  }

  private void deviceStatuses(Exchange ex, String type) throws IOException {
    long id = Ids.parse(ex.pathParam("id"));
    if (id < 1 || id > Integer.MAX_VALUE || !plans.exists(type, (int) id)) {
      throw new NotFound(type.equals("COMPUTER") ? "Computer" : "Mobile device");
    }
    writeStatuses(ex, s -> s.plan().objectType().equals(type) && s.plan().deviceId() == id);
  }

  private void groupStatuses(Exchange ex, String type) throws IOException {
    List<Integer> members = members(type, (int) Ids.parse(ex.pathParam("id")));
    String deviceType = type.equals("COMPUTER_GROUP") ? "COMPUTER" : "MOBILE_DEVICE";
    Set<Integer> ids = Set.copyOf(members);
    writeStatuses(
        ex, s -> s.plan().objectType().equals(deviceType) && ids.contains(s.plan().deviceId()));
  }

  private void writeStatuses(Exchange ex, Predicate<UpdatePlans.Status> which) throws IOException {
    List<UpdatePlans.Status> chosen = plans.statuses().stream().filter(which).toList();
    ex.json(200, json -> writeStatuses(json, chosen));
  }

  private static void writeStatuses(JsonGenerator json, List<UpdatePlans.Status> statuses) {
    json.writeStartObject();
    json.writeNumberProperty("totalCount", statuses.size());
    json.writeArrayPropertyStart("results");
    for (UpdatePlans.Status s : statuses) {
      SimPlan p = s.plan();
      json.writeStartObject();
      json.writeStringProperty("osUpdatesStatusId", String.valueOf(s.id()));
      writeDevice(json, p);
      json.writeNumberProperty("downloadPercentComplete", s.percent());
      json.writeBooleanProperty("downloaded", s.downloaded());
      json.writeStringProperty("productKey", s.productKey());
      json.writeStringProperty("status", s.status());
      if (s.deferralsRemaining() != null) {
        json.writeNumberProperty("deferralsRemaining", s.deferralsRemaining());
        json.writeNumberProperty("maxDeferrals", p.maxDeferrals());
      }
      json.writeStringProperty("created", p.created().toString());
      json.writeStringProperty("updated", s.updated().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writePlans(JsonGenerator json, List<SimPlan> plans) {
    json.writeStartObject();
    json.writeNumberProperty("totalCount", plans.size());
    json.writeArrayPropertyStart("results");
    plans.forEach(p -> writePlan(json, p));
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writePlan(JsonGenerator json, SimPlan p) {
    json.writeStartObject();
    json.writeStringProperty("planUuid", p.uuid());
    writeDevice(json, p);
    json.writeStringProperty("updateAction", p.updateAction());
    json.writeStringProperty("versionType", p.versionType());
    json.writeStringProperty("specificVersion", specificVersion(p));
    json.writeNullProperty("buildVersion");
    json.writeNumberProperty("maxDeferrals", p.maxDeferrals() == null ? 0 : p.maxDeferrals());
    json.writeStringProperty("forceInstallLocalDateTime", p.forceInstallLocalDateTime());
    json.writeStringProperty("recipeId", "-1");
    json.writeObjectPropertyStart("status");
    json.writeStringProperty("state", p.state());
    strings(json, "errorReasons", p.errorReasons());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String specificVersion(SimPlan p) {
    return p.specificVersion() == null ? "NO_SPECIFIC_VERSION" : p.specificVersion();
  }

  private static void writeDevice(JsonGenerator json, SimPlan p) {
    json.writeObjectPropertyStart("device");
    json.writeStringProperty("deviceId", String.valueOf(p.deviceId()));
    json.writeStringProperty("objectType", p.objectType());
    json.writeStringProperty("href", p.deviceHref());
    json.writeEndObject();
  }

  private static void writeCreated(JsonGenerator json, List<SimPlan> made) {
    json.writeStartObject();
    json.writeArrayPropertyStart("plans");
    for (SimPlan p : made) {
      json.writeStartObject();
      writeDevice(json, p);
      json.writeStringProperty("planId", p.uuid());
      json.writeStringProperty("href", "/v1/managed-software-updates/plans/" + p.uuid());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) {
    json.writeArrayPropertyStart(name);
    values.forEach(json::writeString);
    json.writeEndArray();
  }
}
