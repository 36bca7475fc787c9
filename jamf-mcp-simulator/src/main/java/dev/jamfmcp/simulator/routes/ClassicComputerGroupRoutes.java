package dev.jamfmcp.simulator.routes;

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
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Classic {@code /JSSResource/computergroups}: the only API that lists a static group's members
 * (the Pro API has no such read). Smart groups are served too, with their current members; their
 * criteria are left empty (the Pro API's smart-group read carries them).
 */
final class ClassicComputerGroupRoutes {
  private final Fleet fleet;
  private final StaticGroupStore statics;
  private final SmartGroupStore smarts;

  ClassicComputerGroupRoutes(SimState state) {
    this.fleet = state.fleet();
    this.statics = state.staticGroups();
    this.smarts = state.smartGroups();
  }

  void register(Router router) {
    router.get("/JSSResource/computergroups", Area.CLASSIC, this::list);
    router.get("/JSSResource/computergroups/id/{id}", Area.CLASSIC, this::one);
  }

  private void list(Exchange ex) throws Exception {
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    List<StaticGroup> staticGroups = statics.all();
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("computer_groups");
          for (SmartGroupStore.Group g : smarts.all(Platform.COMPUTER)) {
            ref(json, g.id(), g.name(), true);
          }
          for (StaticGroup g : staticGroups) {
            ref(json, g.id(), g.name(), false);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static void ref(JsonGenerator json, int id, String name, boolean smart) {
    json.writeStartObject();
    json.writeNumberProperty("id", id);
    json.writeStringProperty("name", name);
    json.writeBooleanProperty("is_smart", smart);
    json.writeEndObject();
  }

  private void one(Exchange ex) throws Exception {
    long id = Ids.parse(ex.pathParam("id"));
    String name;
    boolean smart;
    List<Integer> members = new ArrayList<>();
    SmartGroupStore.Group smartGroup = smarts.find(Platform.COMPUTER, id).orElse(null);
    if (smartGroup != null) {
      name = smartGroup.name();
      smart = true;
      smartGroup.members().stream().forEach(row -> members.add(row + 1));
    } else {
      StaticGroup group = statics.find(id).orElseThrow(() -> new NotFound("computer group"));
      name = group.name();
      smart = false;
      members.addAll(group.computerIds());
    }
    if (!ClassicJson.acceptsJson(ex)) {
      return;
    }
    Computers computers = fleet.computers();
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeObjectPropertyStart("computer_group");
          json.writeNumberProperty("id", id);
          json.writeStringProperty("name", name);
          json.writeBooleanProperty("is_smart", smart);
          ClassicJson.site(json);
          json.writeArrayPropertyStart("criteria");
          json.writeEndArray();
          json.writeArrayPropertyStart("computers");
          for (int computerId : members) {
            int row = computers.rowOf(computerId);
            json.writeStartObject();
            json.writeNumberProperty("id", computerId);
            json.writeStringProperty("name", computers.name(row));
            json.writeStringProperty("mac_address", computers.macAddress(row));
            json.writeStringProperty("alt_mac_address", "");
            json.writeStringProperty("serial_number", computers.serialNumber(row));
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndObject();
        });
  }
}
