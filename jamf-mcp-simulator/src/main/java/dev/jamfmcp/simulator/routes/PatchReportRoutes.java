package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.PatchTitle;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.inventory.InstalledApps;
import dev.jamfmcp.simulator.rsql.FieldSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patch status of a title: the count per version ({@code patch-summary/versions}) and the computers
 * with their version ({@code patch-report}), both from the same installed applications the
 * inventory's APPLICATIONS section reports.
 */
final class PatchReportRoutes {
  private final Fleet fleet;

  PatchReportRoutes(SimState state) {
    this.fleet = state.fleet();
  }

  private static final String BASE = "/api/v3/patch-software-title-configurations/{id}";

  void register(Router router) {
    router.get(BASE + "/patch-summary/versions", Area.PRO, this::versions);
    router.get(BASE + "/patch-report", Area.PRO, this::report);
  }

  private record Row(int computerRow, String version) {}

  private PatchTitle title(Exchange ex) {
    long id = Ids.parse(ex.pathParam("id"));
    return fleet.patchTitles().stream()
        .filter(t -> t.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFound("Patch software title configuration " + id));
  }

  private List<Row> rows(PatchTitle title) {
    List<Row> rows = new ArrayList<>();
    Computers c = fleet.computers();
    for (int row = 0; row < c.size(); row++) {
      for (InstalledApps.App app : InstalledApps.forRow(fleet.seed(), row)) {
        if (app.title().equals(title.softwareTitleName())) {
          rows.add(new Row(row, app.version()));
        }
      }
    }
    return rows;
  }

  private void versions(Exchange ex) throws Exception {
    PatchTitle title = title(ex);
    Map<String, Integer> counts = new LinkedHashMap<>();
    InstalledApps.versions(title.softwareTitleName()).forEach(v -> counts.put(v, 0));
    rows(title).forEach(r -> counts.merge(r.version(), 1, Integer::sum));
    ex.json(
        200,
        json -> {
          json.writeStartArray();
          int order = 0;
          for (Map.Entry<String, Integer> e : counts.entrySet()) {
            json.writeStartObject();
            json.writeStringProperty("absoluteOrderId", String.valueOf(order++));
            json.writeStringProperty("version", e.getKey());
            json.writeNumberProperty("onVersion", e.getValue());
            json.writeEndObject();
          }
          json.writeEndArray();
        });
  }

  private void report(Exchange ex) throws Exception {
    List<Row> rows = rows(title(ex));
    Computers c = fleet.computers();
    new PagedList<>(
            rows,
            FieldSet.builder()
                .number("deviceId", r -> c.id(rows.get(r).computerRow()), true)
                .string("computerName", r -> c.name(rows.get(r).computerRow()), true)
                .string("version", r -> rows.get(r).version(), true)
                .build(),
            "computerName:asc",
            (json, r) -> {
              int row = r.computerRow();
              json.writeStartObject();
              json.writeStringProperty("computerName", c.name(row));
              json.writeStringProperty("deviceId", String.valueOf(c.id(row)));
              json.writeStringProperty("username", c.username(row));
              json.writeStringProperty("operatingSystemVersion", c.os(row).version());
              json.writeStringProperty("lastCheckIn", Dates.instant(c.lastContactMillis(row)));
              json.writeStringProperty("buildingName", "");
              json.writeStringProperty("departmentName", "");
              json.writeStringProperty("siteName", "None");
              json.writeStringProperty("version", r.version());
              json.writeEndObject();
            })
        .handle(ex);
  }
}
