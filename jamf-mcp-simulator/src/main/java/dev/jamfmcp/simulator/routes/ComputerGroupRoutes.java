package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.FieldSet;
import dev.jamfmcp.simulator.rsql.Table;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Static computer groups (v3 and v2) and their membership changes, and the list of all computer
 * groups; smart groups are {@link SmartGroupRoutes}.
 */
final class ComputerGroupRoutes {
  private final Fleet fleet;
  private final StaticGroupStore statics;
  private final SideEffects effects;
  private final SmartGroupStore smarts;
  private final boolean serveV3;

  ComputerGroupRoutes(SimState state, Scoping scoping) {
    this.fleet = state.fleet();
    this.statics = state.staticGroups();
    this.effects = state.effects();
    this.smarts = state.smartGroups();
    this.serveV3 = state.config().isAtLeast(11, 28);
  }

  void register(Router router) {
    router.get("/api/v1/computer-groups", Area.PRO, this::allGroups);
    // v3 from Jamf Pro 11.28 on; v2 (deprecated by 11.28, still served by 11.30) always.
    List<String> versions = serveV3 ? List.of("v2", "v3") : List.of("v2");
    for (String v : versions) {
      String base = "/api/" + v + "/computer-groups/";
      router.get(base + "static-groups", Area.PRO, this::staticGroups);
      router.get(base + "static-groups/{id}", Area.PRO, this::staticGroup);
      router.put(base + "static-groups/{id}", Area.PRO, this::replaceStaticGroup);
    }
  }

  private void allGroups(Exchange ex) throws Exception {
    ex.json(
        200,
        json -> {
          json.writeStartArray();
          smarts
              .all(Platform.COMPUTER)
              .forEach(g -> summary(json, g.id(), g.name(), g.description(), true));
          statics.all().forEach(g -> summary(json, g.id(), g.name(), g.description(), false));
          json.writeEndArray();
        });
  }

  private static void summary(
      JsonGenerator json, int id, String name, String description, boolean smart) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(id));
    json.writeStringProperty("name", name);
    json.writeStringProperty("description", description);
    json.writeBooleanProperty("smartGroup", smart);
    json.writeEndObject();
  }

  private void staticGroups(Exchange ex) throws Exception {
    List<StaticGroup> groups = statics.all(); // a snapshot: membership may change concurrently
    Table table =
        new Table(
            FieldSet.builder()
                .number("id", row -> groups.get(row).id(), true)
                .string("name", row -> groups.get(row).name(), true)
                .string("siteId", row -> "-1", false)
                .build(),
            groups.size(),
            false);
    Paging paging = Paging.of(ex);
    Table.Page page =
        table.query(
            ex.query("filter"), ex.queries("sort"), "id:asc", paging.page(), paging.pageSize());
    ex.json(
        200,
        json ->
            MobileDeviceRoutes.results(
                json,
                page,
                row -> {
                  StaticGroup g = groups.get(row);
                  json.writeStartObject();
                  json.writeStringProperty("id", String.valueOf(g.id()));
                  json.writeStringProperty("name", g.name());
                  json.writeStringProperty("description", g.description());
                  json.writeStringProperty("siteId", "-1");
                  json.writeNumberProperty("count", g.computerIds().size());
                  json.writeEndObject();
                }));
  }

  private StaticGroup staticGroupOf(Exchange ex) {
    return statics
        .find(Ids.parse(ex.pathParam("id")))
        .orElseThrow(() -> new NotFound("Static computer group " + ex.pathParam("id")));
  }

  private void staticGroup(Exchange ex) throws Exception {
    StaticGroup g = staticGroupOf(ex);
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("id", String.valueOf(g.id()));
          json.writeStringProperty("name", g.name());
          json.writeStringProperty("description", g.description());
          json.writeStringProperty("siteId", "-1");
          json.writeEndObject();
        });
  }

  /** Body {@code StaticComputerGroupAssignment}: name required, assignments are computer ids. */
  private void replaceStaticGroup(Exchange ex) throws Exception {
    StaticGroup current = staticGroupOf(ex);
    JsonNode body = ex.bodyJson();
    String name = body.path("name").asString("");
    if (name.isBlank()) {
      throw new Exchange.BadRequest("name is required");
    }
    Computers computers = fleet.computers();
    List<Integer> ids = new ArrayList<>();
    for (JsonNode assignment : body.path("assignments")) {
      long id = Ids.parse(assignment.asString(""));
      if (computers.rowOf(id) < 0) {
        throw new Exchange.BadRequest("Computer " + assignment.asString("") + " does not exist");
      }
      ids.add((int) id);
    }
    String description = body.path("description").asString(current.description());
    StaticGroup before = statics.replace(current.id(), name, description, ids).orElseThrow();
    StaticGroup after = statics.find(current.id()).orElseThrow();
    effects.recordGroupChange(current.id(), before.computerIds(), after.computerIds());
    ex.json(
        202,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("id", String.valueOf(after.id()));
          json.writeStringProperty("name", after.name());
          json.writeStringProperty("description", after.description());
          json.writeStringProperty("siteId", "-1");
          json.writeArrayPropertyStart("assignments");
          for (int id : after.computerIds()) {
            json.writeString(String.valueOf(id));
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }
}
