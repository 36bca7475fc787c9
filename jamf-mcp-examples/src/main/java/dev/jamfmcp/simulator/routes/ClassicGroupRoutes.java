package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * Classic {@code /JSSResource/computergroups/id/{id}}: the one read that lists a static group's
 * members (the Pro API has none). Smart groups answer too, with their current members, as Jamf
 * does.
 */
final class ClassicGroupRoutes {
  private final Fleet fleet;
  private final StaticGroupStore statics;

  ClassicGroupRoutes(SimState state) {
    this.fleet = state.fleet();
    this.statics = state.staticGroups();
  }

  void register(Router router) {
    router.get("/JSSResource/computergroups/id/{id}", Area.CLASSIC, this::one);
  }

  private void one(Exchange ex) throws Exception {
    long id = Ids.parse(ex.pathParam("id"));
    Optional<SmartGroup> smart = fleet.smartGroup(id);
    Optional<StaticGroup> fixed = statics.find(id);
    if (smart.isEmpty() && fixed.isEmpty()) {
      throw new NotFound("computer group");
    }
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    String name = smart.map(SmartGroup::name).orElseGet(() -> fixed.orElseThrow().name());
    List<Integer> members = new ArrayList<>();
    if (smart.isPresent()) {
      var rows = smart.get().memberRows();
      for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
        members.add(row + 1);
      }
    } else {
      members.addAll(fixed.orElseThrow().computerIds());
    }
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("computer_group");
          json.writeNumberProperty("id", id);
          json.writeStringProperty("name", name);
          json.writeBooleanProperty("is_smart", smart.isPresent());
          ClassicJson.site(json);
          json.writeArrayPropertyStart("criteria");
          json.writeEndArray();
          computers(json, members);
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private void computers(JsonGenerator json, List<Integer> ids) {
    Computers computers = fleet.computers();
    json.writeArrayPropertyStart("computers");
    for (int id : ids) {
      int row = computers.rowOf(id);
      json.writeStartObject();
      json.writeNumberProperty("id", id);
      json.writeStringProperty("name", computers.name(row));
      json.writeStringProperty("mac_address", computers.macAddress(row));
      json.writeStringProperty("alt_mac_address", "");
      json.writeStringProperty("serial_number", computers.serialNumber(row));
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
