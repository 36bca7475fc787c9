package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.fleet.Policy;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Classic device history: {@code computerhistory} (policy logs: one entry for each policy in scope
 * of the computer, every seventh one failed) and {@code mobiledevicehistory} (management commands).
 * Derived from the fleet, so the same computer always has the same history.
 */
final class HistoryRoutes {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy/MM/dd 'at' h:mm a", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Fleet fleet;
  private final SideEffects effects;
  private final Scoping scoping;
  private final List<AdminObjects.App> mobileApps;

  HistoryRoutes(SimState state, Scoping scoping) {
    this.fleet = state.fleet();
    this.effects = state.effects();
    this.scoping = scoping;
    this.mobileApps = AdminObjects.of(state.fleet()).mobileApps();
  }

  void register(Router router) {
    router.get("/JSSResource/computerhistory/id/{id}", Area.CLASSIC, this::computer);
    router.get("/JSSResource/mobiledevicehistory/id/{id}", Area.CLASSIC, this::mobile);
  }

  /** Whether the device has a failed MDM command (until flushed); a pure function of its id. */
  static boolean hasFailedCommand(int deviceId, int every) {
    return deviceId % every == 0;
  }

  /** Whether the policy's run on this computer failed; a pure function of both ids. */
  static boolean failed(int policyId, int computerId) {
    return (policyId * 31 + computerId) % 7 == 0;
  }

  private void computer(Exchange ex) throws Exception {
    Computers c = fleet.computers();
    int row = c.rowOf(Ids.parse(ex.pathParam("id")));
    if (row < 0) {
      throw new NotFound("computer");
    }
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    int id = c.id(row);
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("computer_history");
          json.writeObjectPropertyStart("general");
          json.writeNumberProperty("id", id);
          json.writeStringProperty("name", c.name(row));
          json.writeStringProperty("udid", c.udid(row));
          json.writeStringProperty("serial_number", c.serialNumber(row));
          json.writeStringProperty("mac_address", c.macAddress(row));
          json.writeEndObject();
          ClassicJson.emptyArrays(json, List.of("computer_usage_logs", "audits"));
          json.writeArrayPropertyStart("policy_logs");
          long base = c.lastContactMillis(row);
          int n = 0;
          for (Policy p : fleet.policies()) {
            if (!scoping.computerInScope(p.scope(), id)) {
              continue;
            }
            long at = base - 3_600_000L * (++n);
            json.writeStartObject();
            json.writeNumberProperty("policy_id", p.id());
            json.writeStringProperty("policy_name", p.name());
            json.writeStringProperty("username", c.username(row));
            json.writeStringProperty("date_completed", LOCAL.format(Instant.ofEpochMilli(at)));
            json.writeNumberProperty("date_completed_epoch", at);
            json.writeStringProperty("date_completed_utc", Dates.instant(at));
            json.writeStringProperty("status", failed(p.id(), id) ? "Failed" : "Completed");
            json.writeEndObject();
          }
          json.writeEndArray();
          ClassicJson.emptyArrays(
              json, List.of("casper_remote_logs", "screen_sharing_logs", "casper_imaging_logs"));
          json.writeObjectPropertyStart("commands");
          json.writeArrayPropertyStart("completed");
          command(json, "DeviceInformation", c.reportDateMillis(row));
          json.writeEndArray();
          ClassicJson.emptyArrays(json, List.of("pending"));
          json.writeArrayPropertyStart("failed");
          long issued = c.reportDateMillis(row) - 2 * 86_400_000L;
          if (hasFailedCommand(id, 9) && !flushed("computer", id, issued)) {
            failedCommand(
                json,
                "InstallProfile",
                issued,
                "The profile could not be installed: a payload of this type is already installed.");
          }
          json.writeEndArray();
          json.writeEndObject();
          ClassicJson.emptyArrays(json, List.of("user_location"));
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private void mobile(Exchange ex) throws Exception {
    MobileDevice d =
        fleet
            .mobileDevice(Ids.parse(ex.pathParam("id")))
            .orElseThrow(() -> new NotFound("mobile device"));
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("mobile_device_history");
          json.writeObjectPropertyStart("general");
          json.writeNumberProperty("id", d.id());
          json.writeStringProperty("name", d.name());
          json.writeStringProperty("udid", d.udid());
          json.writeStringProperty("serial_number", d.serialNumber());
          json.writeStringProperty("wifi_mac_address", d.wifiMacAddress());
          json.writeEndObject();
          json.writeObjectPropertyStart("management_commands");
          json.writeArrayPropertyStart("completed");
          command(json, "DeviceInformation", d.lastInventoryMillis());
          int n = 0;
          for (AdminObjects.App app : mobileApps) {
            command(json, "InstallApplication " + app.name(), d.enrolledMillis() + 60_000L * ++n);
          }
          json.writeEndArray();
          json.writeArrayPropertyStart("pending");
          if (!d.supervised()
              && !effects.flushed(
                  "mobile", d.id(), true, Instant.ofEpochMilli(d.lastContactMillis()))) {
            json.writeStartObject();
            json.writeStringProperty("name", "Settings");
            json.writeStringProperty("status", "Pending");
            json.writeStringProperty(
                "issued", LOCAL.format(Instant.ofEpochMilli(d.lastContactMillis())));
            json.writeNumberProperty("issued_epoch", d.lastContactMillis());
            json.writeStringProperty("issued_utc", Dates.instant(d.lastContactMillis()));
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayPropertyStart("failed");
          long issued = d.lastContactMillis() - 86_400_000L;
          if (hasFailedCommand(d.id(), 11) && !flushed("mobile", d.id(), issued)) {
            failedCommand(
                json,
                "InstallApplication",
                issued,
                "The app could not be installed: the device has no App Store account signed in.");
          }
          json.writeEndArray();
          json.writeEndObject();
          ClassicJson.emptyArrays(json, List.of("user_location", "audits"));
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private boolean flushed(String type, int id, long issuedMillis) {
    return effects.flushed(type, id, false, Instant.ofEpochMilli(issuedMillis));
  }

  private static void failedCommand(JsonGenerator json, String name, long issued, String error) {
    json.writeStartObject();
    json.writeStringProperty("name", name);
    json.writeStringProperty("status", "Failed");
    json.writeStringProperty("issued", LOCAL.format(Instant.ofEpochMilli(issued)));
    json.writeNumberProperty("issued_epoch", issued);
    json.writeStringProperty("issued_utc", Dates.instant(issued));
    json.writeStringProperty("failed", LOCAL.format(Instant.ofEpochMilli(issued + 60_000L)));
    json.writeNumberProperty("failed_epoch", issued + 60_000L);
    json.writeStringProperty("failed_utc", Dates.instant(issued + 60_000L));
    json.writeStringProperty("error", error);
    json.writeEndObject();
  }

  private static void command(JsonGenerator json, String name, long at) {
    json.writeStartObject();
    json.writeStringProperty("name", name);
    json.writeStringProperty("completed", LOCAL.format(Instant.ofEpochMilli(at)));
    json.writeNumberProperty("completed_epoch", at);
    json.writeStringProperty("completed_utc", Dates.instant(at));
    json.writeStringProperty("username", "");
    json.writeEndObject();
  }
}
