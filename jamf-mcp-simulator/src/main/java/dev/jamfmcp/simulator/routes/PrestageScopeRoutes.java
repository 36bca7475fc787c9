package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.AdminObjects.Prestage;
import dev.jamfmcp.simulator.inventory.PrestageScopes;
import dev.jamfmcp.simulator.inventory.PrestageScopes.Refusal;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The device scope of computer and mobile device PreStage enrollments ({@code
 * /api/v2/computer-prestages/{id}/scope}, {@code /api/v2/mobile-device-prestages/{id}/scope}, and
 * the all-PreStages reads), as Jamf Pro 11.30.1 serves them: adding and removing serial numbers
 * with the scope's versionLock (409 when stale), a serial in at most one PreStage (400 {@code
 * ALREADY_SCOPED}). Replacing the whole scope (PUT) is not served: nothing here sends it.
 */
final class PrestageScopeRoutes {
  private final Clock clock;
  private final PrestageScopes computers;
  private final PrestageScopes mobileDevices;

  PrestageScopeRoutes(SimState state) {
    this.clock = state.config().clock();
    AdminObjects objects = AdminObjects.of(state.fleet());
    this.computers =
        PrestageScopes.computers(
            state.fleet(), objects.computerPrestages().stream().map(Prestage::id).toList());
    this.mobileDevices =
        PrestageScopes.mobileDevices(
            state.fleet(), objects.mobilePrestages().stream().map(Prestage::id).toList());
  }

  void register(Router router) {
    register(router, "/api/v2/computer-prestages", "Computer Prestage", computers);
    register(router, "/api/v2/mobile-device-prestages", "Mobile Device Prestage", mobileDevices);
  }

  private void register(Router router, String base, String what, PrestageScopes scopes) {
    router.get(base + "/scope", Area.PRO, ex -> all(ex, scopes));
    router.get(
        base + "/{id}/scope",
        Area.PRO,
        ex -> {
          int id = prestageId(ex, scopes);
          if (id < 0) {
            ApiErrors.notFound(ex, what + " " + ex.pathParam("id"));
            return;
          }
          write(ex, scopes.scope(id));
        });
    router.post(base + "/{id}/scope", Area.PRO, ex -> change(ex, what, scopes, true));
    router.post(
        base + "/{id}/scope/delete-multiple", Area.PRO, ex -> change(ex, what, scopes, false));
  }

  private static int prestageId(Exchange ex, PrestageScopes scopes) {
    long id = Ids.parse(ex.pathParam("id"));
    return id > 0 && id <= Integer.MAX_VALUE && scopes.exists((int) id) ? (int) id : -1;
  }

  private static void all(Exchange ex, PrestageScopes scopes) throws IOException {
    Map<String, Integer> bySerial = new TreeMap<>(scopes.prestageOfEachSerial());
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("serialsByPrestageId");
          for (Map.Entry<String, Integer> e : bySerial.entrySet()) {
            json.writeStringProperty(e.getKey(), String.valueOf(e.getValue()));
          }
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /** Body {@code PrestageScopeUpdate}: serialNumbers and versionLock, both required. */
  private void change(Exchange ex, String what, PrestageScopes scopes, boolean add)
      throws IOException {
    int id = prestageId(ex, scopes);
    if (id < 0) {
      ApiErrors.notFound(ex, what + " " + ex.pathParam("id"));
      return;
    }
    JsonNode body = ex.bodyJson();
    JsonNode serialNodes = body.path("serialNumbers");
    JsonNode lock = body.path("versionLock");
    if (!serialNodes.isArray() || !lock.isIntegralNumber()) {
      ApiErrors.cause(
          ex, 400, "INVALID_FIELD", "serialNumbers", "serialNumbers and versionLock are required");
      return;
    }
    List<String> serials = new ArrayList<>();
    for (JsonNode s : serialNodes) {
      if (!s.isString() || s.asString().isBlank()) {
        ApiErrors.cause(ex, 400, "INVALID_FIELD", "serialNumbers", "blank serial number");
        return;
      }
      serials.add(s.asString().trim());
    }
    String user = ex.token() == null ? "api" : ex.token().subject();
    PrestageScopes.Change change =
        add
            ? scopes.add(id, serials, lock.asInt(), user, clock.instant())
            : scopes.remove(id, serials, lock.asInt());
    if (change.refusal() == null) {
      write(ex, change.scope());
      return;
    }
    Refusal refusal = change.refusal();
    if (refusal instanceof Refusal.StaleVersionLock) {
      ApiErrors.cause(
          ex,
          409,
          "OPTIMISTIC_LOCK_FAILED",
          "versionLock",
          "The prestage you are trying to update has been updated by another process");
    } else if (refusal instanceof Refusal.UnknownSerials unknown) {
      causes(ex, "INVALID_FIELD", unknown.serials());
    } else if (refusal instanceof Refusal.AlreadyScoped scoped) {
      causes(ex, "ALREADY_SCOPED", scoped.serials());
    }
  }

  /** One {@code ApiErrorCause} per serial number, as Jamf lists {@code ALREADY_SCOPED}. */
  private static void causes(Exchange ex, String code, List<String> serials) throws IOException {
    ex.json(
        400,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("httpStatus", 400);
          json.writeArrayPropertyStart("errors");
          for (String serial : serials) {
            json.writeStartObject();
            json.writeStringProperty("code", code);
            json.writeStringProperty("description", serial);
            json.writeStringProperty("id", "0");
            json.writeStringProperty("field", "serialNumbers");
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static void write(Exchange ex, PrestageScopes.Scope scope) throws IOException {
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("prestageId", String.valueOf(scope.prestageId()));
          json.writeArrayPropertyStart("assignments");
          for (PrestageScopes.Assignment a : scope.assignments()) {
            json.writeStartObject();
            json.writeStringProperty("serialNumber", a.serialNumber());
            json.writeStringProperty("assignmentDate", a.assignmentDate().toString());
            json.writeStringProperty("userAssigned", a.userAssigned());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeNumberProperty("versionLock", scope.versionLock());
          json.writeEndObject();
        });
  }
}
