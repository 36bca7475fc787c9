package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.BlankPush;
import dev.jamfmcp.simulator.effects.GroupMembershipChange;
import dev.jamfmcp.simulator.effects.LogFlush;
import dev.jamfmcp.simulator.effects.MdmCommand;
import dev.jamfmcp.simulator.faults.FaultSettings;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's own controls under {@code /__sim/}: not part of the Jamf API, never faulted, no
 * auth (bind to localhost). Lets a test in another process steer faults and read side effects.
 */
final class AdminRoutes {
  private final SimState state;

  AdminRoutes(SimState state) {
    this.state = state;
  }

  void register(Router router) {
    router.get(
        "/__sim/health",
        Area.ADMIN,
        ex ->
            ex.json(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeStringProperty("status", "UP");
                  json.writeNumberProperty("computers", state.fleet().computers().size());
                  json.writeNumberProperty("mobileDevices", state.fleet().mobileDevices().size());
                  json.writeEndObject();
                }));
    router.get("/__sim/faults", Area.ADMIN, this::showFaults);
    router.put("/__sim/faults", Area.ADMIN, this::setFaults);
    router.delete(
        "/__sim/faults",
        Area.ADMIN,
        ex -> {
          state.faults().clear();
          ex.empty(204);
        });
    router.post(
        "/__sim/faults/fail-next",
        Area.ADMIN,
        ex -> {
          JsonNode body = ex.bodyJson();
          state.faults().failNext(body.path("count").asInt(1), body.path("status").asInt(503));
          ex.empty(204);
        });
    router.post(
        "/__sim/faults/reset-next",
        Area.ADMIN,
        ex -> {
          state.faults().resetNext(ex.bodyJson().path("count").asInt(1));
          ex.empty(204);
        });
    router.post(
        "/__sim/tokens/revoke",
        Area.ADMIN,
        ex -> {
          state.tokens().revokeAll();
          ex.empty(204);
        });
    router.get("/__sim/ground-truth/compliance", Area.ADMIN, this::complianceTruth);
    router.post("/__sim/mdm/acknowledge", Area.ADMIN, this::acknowledge);
    router.get("/__sim/side-effects", Area.ADMIN, this::sideEffects);
    router.delete(
        "/__sim/side-effects",
        Area.ADMIN,
        ex -> {
          state.effects().clear();
          ex.empty(204);
        });
  }

  /**
   * Body:
   * {"latencyMillis":0,"errorRates":{"503":0.1},"retryAfterSeconds":1,"resetRate":0,"pathPrefix":"/"}.
   */
  private void setFaults(Exchange ex) throws Exception {
    JsonNode body = ex.bodyJson();
    FaultSettings current = state.faults().settings();
    Map<Integer, Double> rates = new TreeMap<>();
    try {
      body.path("errorRates")
          .properties()
          .forEach(e -> rates.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
      state
          .faults()
          .set(
              new FaultSettings(
                  Duration.ofMillis(
                      body.path("latencyMillis").asLong(current.latency().toMillis())),
                  body.has("errorRates") ? rates : current.errorRates(),
                  body.path("retryAfterSeconds").asInt(current.retryAfterSeconds()),
                  body.path("resetRate").asDouble(current.resetRate()),
                  body.path("pathPrefix").asString(current.pathPrefix())));
    } catch (IllegalArgumentException e) {
      throw new Exchange.BadRequest(e.getMessage());
    }
    showFaults(ex);
  }

  private void showFaults(Exchange ex) throws Exception {
    FaultSettings s = state.faults().settings();
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("latencyMillis", s.latency().toMillis());
          json.writeObjectPropertyStart("errorRates");
          s.errorRates()
              .forEach((status, rate) -> json.writeNumberProperty(String.valueOf(status), rate));
          json.writeEndObject();
          json.writeNumberProperty("retryAfterSeconds", s.retryAfterSeconds());
          json.writeNumberProperty("resetRate", s.resetRate());
          json.writeStringProperty("pathPrefix", s.pathPrefix());
          json.writeEndObject();
        });
  }

  /**
   * What {@code checkDeviceCompliance} must answer now, counted straight from the fleet (no RSQL,
   * no paging), so a client outside the JVM can check the tool's numbers exactly: {@code
   * ?daysSinceLastCheckin=30} (1 to 3650, as the tool takes). Reads only.
   */
  private void complianceTruth(Exchange ex) throws Exception {
    String raw = ex.query("daysSinceLastCheckin");
    int days;
    try {
      days = Integer.parseInt(raw == null ? "" : raw.trim());
    } catch (NumberFormatException e) {
      throw new Exchange.BadRequest(
          "daysSinceLastCheckin must be a whole number of days from 1 to 3650, got "
              + (raw == null ? "nothing" : "'" + raw + "'"));
    }
    if (days < 1 || days > 3650) {
      throw new Exchange.BadRequest(
          "daysSinceLastCheckin must be a whole number of days from 1 to 3650, got " + days);
    }
    Instant now = state.config().clock().instant();
    long cutoff = now.minus(Duration.ofDays(days)).toEpochMilli();
    long criticalCutoff = now.minus(Duration.ofDays(Math.max(days, 90))).toEpochMilli();
    var fleet = state.fleet();
    var computers = fleet.computers();
    int total = computers.size();
    int noncompliant = fleet.countComputers(row -> computers.lastContactMillis(row) < cutoff);
    int critical = fleet.countComputers(row -> computers.lastContactMillis(row) < criticalCutoff);
    int never = fleet.countComputers(computers::neverCheckedIn); // part of both counts above
    int checkedDays = days;
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("daysSinceLastCheckin", checkedDays);
          json.writeStringProperty("now", now.toString());
          json.writeNumberProperty("total", total);
          json.writeNumberProperty("compliant", total - noncompliant);
          json.writeNumberProperty("noncompliant", noncompliant);
          json.writeNumberProperty("critical90Plus", critical);
          json.writeNumberProperty("warning", noncompliant - critical);
          json.writeNumberProperty("neverContacted", never);
          json.writeEndObject();
        });
  }

  /** Body {"uuid":".."} acknowledges one command; an empty body acknowledges all. */
  private void acknowledge(Exchange ex) throws Exception {
    byte[] raw = ex.body();
    String uuid =
        raw.length == 0
            ? ""
            : dev.jamfmcp.simulator.http.Json.MAPPER.readTree(raw).path("uuid").asString("");
    if (uuid.isEmpty()) {
      state.effects().acknowledgeAll();
    } else if (!state.effects().acknowledge(uuid)) {
      throw new dev.jamfmcp.simulator.http.NotFound("MDM command " + uuid);
    }
    ex.empty(204);
  }

  private void sideEffects(Exchange ex) throws Exception {
    Instant now = state.effects().now();
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("mdmCommands");
          for (MdmCommand c : state.effects().mdmCommands()) {
            json.writeStartObject();
            json.writeStringProperty("uuid", c.uuid());
            json.writeStringProperty("managementId", c.managementId());
            json.writeStringProperty("clientType", c.clientType());
            json.writeNumberProperty("deviceId", c.deviceId());
            json.writeStringProperty("commandType", c.commandType());
            json.writeStringProperty("state", c.state(now));
            json.writeStringProperty("dateSent", c.dateSent().toString());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayPropertyStart("blankPushes");
          for (BlankPush p : state.effects().blankPushes()) {
            json.writeStartObject();
            json.writeStringProperty("at", p.at().toString());
            json.writeName("managementIds");
            json.writeStartArray();
            p.managementIds().forEach(json::writeString);
            json.writeEndArray();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayPropertyStart("logFlushes");
          for (LogFlush f : state.effects().logFlushes()) {
            json.writeStartObject();
            json.writeStringProperty("at", f.at().toString());
            json.writeStringProperty("log", f.log());
            if (f.policyId() == null) {
              json.writeNullProperty("policyId");
            } else {
              json.writeNumberProperty("policyId", f.policyId());
            }
            json.writeStringProperty("interval", f.interval());
            json.writeName("computerIds");
            json.writeStartArray();
            f.computerIds().forEach(id -> json.writeNumber(id));
            json.writeEndArray();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayPropertyStart("groupMembershipChanges");
          for (GroupMembershipChange g : state.effects().groupMembershipChanges()) {
            json.writeStartObject();
            json.writeStringProperty("at", g.at().toString());
            json.writeNumberProperty("groupId", g.groupId());
            json.writeNumberProperty("before", g.before().size());
            json.writeNumberProperty("after", g.after().size());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }
}
