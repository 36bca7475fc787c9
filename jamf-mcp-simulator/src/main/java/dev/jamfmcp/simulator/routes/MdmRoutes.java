package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.MdmCommand;
import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.ManagedDevice;
import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.Field;
import dev.jamfmcp.simulator.rsql.FieldSet;
import dev.jamfmcp.simulator.rsql.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Queuing MDM commands, listing them (a filter is mandatory), and blank pushes. */
final class MdmRoutes {
  /** The contract's {@code MdmCommandType} enum. */
  static final Set<String> COMMAND_TYPES =
      Set.of(
          "APPLY_REDEMPTION_CODE",
          "CANCEL_ENHANCED_LOG_COLLECTION",
          "CERTIFICATE_LIST",
          "CLEAR_PASSCODE",
          "CLEAR_RESTRICTIONS_PASSWORD",
          "DECLARATIVE_MANAGEMENT",
          "DELETE_USER",
          "DEVICE_INFORMATION",
          "DEVICE_LOCATION",
          "DEVICE_LOCK",
          "DISABLE_LOST_MODE",
          "DISABLE_REMOTE_DESKTOP",
          "ENABLE_LOST_MODE",
          "ENABLE_REMOTE_DESKTOP",
          "ERASE_DEVICE",
          "INSTALLED_APPLICATION_LIST",
          "LOG_OUT_USER",
          "MANAGED_APPLICATION_LIST",
          "MANAGED_MEDIA_LIST",
          "REFRESH_CELLULAR_PLANS",
          "PLAY_LOST_MODE_SOUND",
          "PROFILE_LIST",
          "PROVISIONING_PROFILE_LIST",
          "RESTART_DEVICE",
          "REQUEST_MIRRORING",
          "SECURITY_INFO",
          "SETTINGS",
          "SET_AUTO_ADMIN_PASSWORD",
          "SET_RECOVERY_LOCK",
          "SHUT_DOWN_DEVICE",
          "STOP_MIRRORING",
          "TRIGGER_ENHANCED_LOG_COLLECTION",
          "UNLOCK_USER_ACCOUNT",
          "VALIDATE_APPLICATIONS",
          "VERIFY_RECOVERY_LOCK");

  private final Fleet fleet;
  private final SideEffects effects;

  MdmRoutes(SimState state) {
    this.fleet = state.fleet();
    this.effects = state.effects();
  }

  void register(Router router) {
    router.post("/api/v2/mdm/commands", Area.PRO, this::queue);
    router.get("/api/v2/mdm/commands", Area.PRO, this::list);
    router.post("/api/v2/mdm/blank-push", Area.PRO, this::blankPush);
  }

  /**
   * The contract's per-type rules the tools depend on: DEVICE_INFORMATION needs its queries
   * (minItems 1), CLEAR_PASSCODE the device's own unlock token (required). Null when valid.
   */
  private String invalidCommandData(String type, JsonNode data, List<ManagedDevice> devices) {
    if ("DEVICE_INFORMATION".equals(type)
        && (!data.path("queries").isArray() || data.path("queries").isEmpty())) {
      return "DEVICE_INFORMATION needs queries (at least one)";
    }
    if ("CLEAR_PASSCODE".equals(type)) {
      String token = data.path("unlockToken").asString("");
      for (ManagedDevice device : devices) {
        String expected =
            device.kind() == ManagedDevice.Kind.MOBILE_DEVICE
                ? fleet.mobileDevice(device.id()).map(d -> d.unlockToken()).orElse(null)
                : null;
        if (expected == null || !expected.equals(token)) {
          return "CLEAR_PASSCODE needs the device's unlock token";
        }
      }
    }
    return null;
  }

  private void queue(Exchange ex) throws Exception {
    JsonNode body = ex.bodyJson();
    String type = body.path("commandData").path("commandType").asString("");
    if (!COMMAND_TYPES.contains(type)) {
      ApiErrors.cause(
          ex,
          400,
          "INVALID_FIELD",
          "commandData.commandType",
          "Unknown command type '" + type + "'");
      return;
    }
    List<String> ids = new ArrayList<>();
    body.path("clientData").forEach(client -> ids.add(client.path("managementId").asString("")));
    if (ids.isEmpty()) {
      ApiErrors.cause(
          ex, 400, "INVALID_FIELD", "clientData", "clientData must name at least one managementId");
      return;
    }
    List<ManagedDevice> devices = new ArrayList<>();
    for (String id : ids) {
      Optional<ManagedDevice> device = fleet.deviceByManagementId(id);
      if (device.isEmpty()) {
        ApiErrors.cause(
            ex,
            400,
            "INVALID_FIELD",
            "clientData.managementId",
            "No device with managementId " + id);
        return;
      }
      devices.add(device.get());
    }
    String invalid = invalidCommandData(type, body.path("commandData"), devices);
    if (invalid != null) {
      ApiErrors.cause(ex, 400, "INVALID_FIELD", "commandData", invalid);
      return;
    }
    List<MdmCommand> queued = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      ManagedDevice device = devices.get(i);
      String clientType =
          device.kind() == ManagedDevice.Kind.COMPUTER ? "COMPUTER" : "MOBILE_DEVICE";
      queued.add(effects.queueCommand(ids.get(i), clientType, device.id(), type));
    }
    ex.json(
        201,
        json -> {
          json.writeStartArray();
          for (MdmCommand command : queued) {
            json.writeStartObject();
            json.writeStringProperty("id", command.uuid());
            json.writeStringProperty(
                "href", "/api/v2/mdm/commands?filter=uuid%3D%3D" + command.uuid());
            json.writeEndObject();
          }
          json.writeEndArray();
        });
  }

  private void list(Exchange ex) throws Exception {
    String filter = ex.query("filter");
    if (filter == null || filter.isBlank()) {
      ApiErrors.cause(
          ex, 400, "INVALID_RSQL_FILTER", "filter", "At least one filter field is required");
      return;
    }
    Instant now = effects.now();
    // A flushed pending command is gone from Jamf Pro's records.
    List<MdmCommand> commands =
        effects.mdmCommands().stream()
            .filter(
                c ->
                    !("PENDING".equals(c.state(now))
                        && effects.flushed(
                            "COMPUTER".equals(c.clientType()) ? "computer" : "mobile",
                            c.deviceId(),
                            true,
                            c.dateSent())))
            .toList();
    Table table =
        new Table(
            FieldSet.builder()
                .string("uuid", row -> commands.get(row).uuid(), true)
                .string("clientManagementId", row -> commands.get(row).managementId(), true)
                .string("command", row -> commands.get(row).commandType(), true)
                .string("status", row -> commands.get(row).state(now), true)
                .string("clientType", row -> commands.get(row).clientType(), true)
                .date("dateSent", row -> commands.get(row).dateSent().toEpochMilli(), true)
                .date("dateCompleted", row -> completed(commands.get(row), now), true)
                .build(),
            commands.size(),
            false);
    Paging paging = Paging.of(ex);
    Table.Page page =
        table.query(filter, ex.queries("sort"), "dateSent:asc", paging.page(), paging.pageSize());
    ex.json(
        200,
        json ->
            MobileDeviceRoutes.results(
                json,
                page,
                row -> {
                  MdmCommand c = commands.get(row);
                  Instant completed = c.completedAt(now);
                  json.writeStartObject();
                  json.writeStringProperty("uuid", c.uuid());
                  json.writeStringProperty("dateSent", c.dateSent().toString());
                  json.writeStringProperty(
                      "dateCompleted", completed == null ? null : completed.toString());
                  json.writeObjectPropertyStart("client");
                  json.writeStringProperty("managementId", c.managementId());
                  json.writeStringProperty("clientType", c.clientType());
                  json.writeEndObject();
                  json.writeStringProperty("commandState", c.state(now));
                  json.writeStringProperty("commandType", c.commandType());
                  json.writeNullProperty("commandError");
                  json.writeNullProperty("profileId");
                  json.writeEndObject();
                }));
  }

  private static long completed(MdmCommand command, Instant now) {
    Instant at = command.completedAt(now);
    return at == null ? Field.NULL : at.toEpochMilli();
  }

  private void blankPush(Exchange ex) throws Exception {
    JsonNode ids = ex.bodyJson().path("clientManagementIds");
    if (!ids.isArray()) {
      ApiErrors.cause(
          ex, 400, "INVALID_FIELD", "clientManagementIds", "clientManagementIds is required");
      return;
    }
    List<String> pushed = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (JsonNode id : ids) {
      String value = id.asString("");
      pushed.add(value);
      if (fleet.deviceByManagementId(value).isEmpty()) {
        unknown.add(value);
      }
    }
    effects.recordBlankPush(pushed, unknown);
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("errorUuids");
          for (String id : unknown) {
            json.writeString(id);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }
}
