package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.Policy;
import dev.jamfmcp.simulator.fleet.Script;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.PolicyContents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/** Classic {@code /JSSResource/policies} reads. */
final class ClassicPolicyRoutes {
  private final Fleet fleet;
  private final Scoping scoping;
  private final ClassicLogFlush logFlush;
  private final SideEffects effects;
  private final List<AdminObjects.Package> packages;

  /** The one field of a policy's XML that a PUT may change here: general/enabled. */
  private static final Pattern ENABLED =
      Pattern.compile(
          "<policy>\\s*<general>\\s*<enabled>(true|false)</enabled>\\s*</general>\\s*</policy>");

  ClassicPolicyRoutes(SimState state, Scoping scoping) {
    this.fleet = state.fleet();
    this.effects = state.effects();
    this.packages = AdminObjects.of(state.fleet()).packages();
    this.scoping = scoping;
    this.logFlush = new ClassicLogFlush(state.fleet(), state.effects());
  }

  void register(Router router) {
    router.get("/JSSResource/policies", Area.CLASSIC, this::list);
    router.get("/JSSResource/policies/id/{id}", Area.CLASSIC, this::one);
    router.put("/JSSResource/policies/id/{id}", Area.CLASSIC, this::update);
    router.get("/JSSResource/policies/category/{category}", Area.CLASSIC, this::byCategory);
    logFlush.register(router);
  }

  private void list(Exchange ex) throws Exception {
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("policies");
          for (Policy p : fleet.policies()) {
            json.writeStartObject();
            json.writeNumberProperty("id", p.id());
            json.writeStringProperty("name", p.name());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** Policies whose category has this name (or id); an unknown category lists none. */
  private void byCategory(Exchange ex) throws Exception {
    String category = ex.pathParam("category");
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("policies");
          for (Policy p : fleet.policies()) {
            if (fleet.categoryName(p.categoryId()).equalsIgnoreCase(category)
                || String.valueOf(p.categoryId()).equals(category)) {
              json.writeStartObject();
              json.writeNumberProperty("id", p.id());
              json.writeStringProperty("name", p.name());
              json.writeEndObject();
            }
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private void one(Exchange ex) throws Exception {
    Policy p =
        fleet.policy(Ids.parse(ex.pathParam("id"))).orElseThrow(() -> new NotFound("policy"));
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    PolicyContents contents = PolicyContents.of(p, packages, fleet.computers());
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("policy");
          general(json, p, contents);
          scope(json, p, contents);
          ClassicJson.selfService(
              json, p.selfService(), p.name(), contents.selfServiceDescription());
          packages(json, contents);
          scripts(json, p, contents);
          json.writeObjectPropertyStart("maintenance");
          json.writeBooleanProperty("recon", p.updateInventory());
          json.writeBooleanProperty("reset_name", false);
          json.writeBooleanProperty("install_all_cached_packages", false);
          json.writeBooleanProperty("heal", false);
          json.writeBooleanProperty("prebindings", false);
          json.writeBooleanProperty("permissions", false);
          json.writeBooleanProperty("byhost", false);
          json.writeBooleanProperty("system_cache", false);
          json.writeBooleanProperty("user_cache", false);
          json.writeBooleanProperty("verify", false);
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /**
   * Classic PUT of a policy's XML. Only {@code <policy><general><enabled>} is supported; anything
   * else is refused with 400 and changes nothing. Jamf answers 201 with the policy's id.
   */
  private void update(Exchange ex) throws Exception {
    Policy p =
        fleet.policy(Ids.parse(ex.pathParam("id"))).orElseThrow(() -> new NotFound("policy"));
    String xml = new String(ex.body(), StandardCharsets.UTF_8).trim();
    Matcher m = ENABLED.matcher(xml);
    if (!m.matches()) {
      throw new Exchange.BadRequest(
          "The simulator only changes <policy><general><enabled>true|false</enabled></general>"
              + "</policy>");
    }
    effects.setPolicyEnabled(p.id(), Boolean.parseBoolean(m.group(1)));
    ex.xml(
        201, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><policy><id>" + p.id() + "</id></policy>");
  }

  private static void packages(JsonGenerator json, PolicyContents contents) {
    json.writeObjectPropertyStart("package_configuration");
    json.writeArrayPropertyStart("packages");
    for (PolicyContents.PackageAction a : contents.packages()) {
      json.writeStartObject();
      json.writeNumberProperty("id", a.id());
      json.writeStringProperty("name", a.name());
      json.writeStringProperty("action", a.action());
      json.writeBooleanProperty("fut", false);
      json.writeBooleanProperty("feu", false);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringProperty("distribution_point", "default");
    json.writeEndObject();
  }

  private void general(JsonGenerator json, Policy p, PolicyContents contents) {
    json.writeObjectPropertyStart("general");
    json.writeNumberProperty("id", p.id());
    json.writeStringProperty("name", p.name());
    json.writeBooleanProperty("enabled", effects.policyEnabled(p.id(), p.enabled()));
    json.writeStringProperty("trigger", p.trigger());
    json.writeBooleanProperty("trigger_checkin", p.triggerCheckin());
    json.writeBooleanProperty("trigger_enrollment_complete", contents.triggerEnrollmentComplete());
    json.writeBooleanProperty("trigger_login", contents.triggerLogin());
    json.writeBooleanProperty("trigger_network_state_changed", false);
    json.writeBooleanProperty("trigger_startup", contents.triggerStartup());
    json.writeStringProperty("trigger_other", p.customTrigger());
    json.writeStringProperty("frequency", p.frequency());
    json.writeStringProperty("retry_event", "none");
    json.writeNumberProperty("retry_attempts", -1);
    json.writeBooleanProperty("notify_on_each_failed_retry", false);
    json.writeBooleanProperty("location_user_only", false);
    json.writeStringProperty("target_drive", "/");
    json.writeBooleanProperty("offline", false);
    ClassicJson.category(json, fleet, p.categoryId());
    json.writeStringProperty("network_requirements", "Any");
    ClassicJson.site(json);
    json.writeEndObject();
  }

  private void scope(JsonGenerator json, Policy p, PolicyContents contents) {
    Computers computers = fleet.computers();
    json.writeObjectPropertyStart("scope");
    json.writeBooleanProperty("all_computers", p.scope().allDevices());
    json.writeArrayPropertyStart("computers");
    for (int id : p.scope().deviceIds()) {
      int row = computers.rowOf(id);
      json.writeStartObject();
      json.writeNumberProperty("id", id);
      json.writeStringProperty("name", computers.name(row));
      json.writeStringProperty("udid", computers.udid(row));
      json.writeEndObject();
    }
    json.writeEndArray();
    ClassicJson.idNameList(json, "computer_groups", p.scope().groupIds(), scoping::groupName);
    ClassicJson.emptyArrays(json, List.of("buildings", "departments"));
    json.writeObjectPropertyStart("limit_to_users");
    ClassicJson.emptyArrays(json, List.of("user_groups"));
    json.writeEndObject();
    json.writeObjectPropertyStart("limitations");
    ClassicJson.emptyArrays(json, List.of("users", "user_groups", "network_segments", "ibeacons"));
    json.writeEndObject();
    json.writeObjectPropertyStart("exclusions");
    json.writeArrayPropertyStart("computers");
    for (int id : contents.excludedComputerIds()) {
      int row = computers.rowOf(id);
      json.writeStartObject();
      json.writeNumberProperty("id", id);
      json.writeStringProperty("name", computers.name(row));
      json.writeStringProperty("udid", computers.udid(row));
      json.writeEndObject();
    }
    json.writeEndArray();
    ClassicJson.idNameList(
        json, "computer_groups", p.scope().excludedGroupIds(), scoping::groupName);
    ClassicJson.emptyArrays(
        json,
        List.of(
            "buildings", "departments", "users", "user_groups", "network_segments", "ibeacons"));
    json.writeEndObject();
    json.writeEndObject();
  }

  private void scripts(JsonGenerator json, Policy p, PolicyContents contents) {
    json.writeArrayPropertyStart("scripts");
    for (int id : p.scriptIds()) {
      Script s = fleet.script(id).orElseThrow();
      json.writeStartObject();
      json.writeNumberProperty("id", s.id());
      json.writeStringProperty("name", s.name());
      json.writeStringProperty("priority", s.priority().equals("BEFORE") ? "Before" : "After");
      for (int i = 4; i <= 11; i++) {
        json.writeStringProperty("parameter" + i, contents.scriptParameters().get(i - 4));
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
