package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/** {@code /api/v2/mobile-devices}, its paged inventory {@code /detail}, and one device's detail. */
final class MobileDeviceRoutes {
  static final List<String> SECTIONS =
      List.of(
          "GENERAL",
          "HARDWARE",
          "USER_AND_LOCATION",
          "PURCHASING",
          "SECURITY",
          "APPLICATIONS",
          "EBOOKS",
          "NETWORK",
          "SERVICE_SUBSCRIPTIONS",
          "CERTIFICATES",
          "PROFILES",
          "USER_PROFILES",
          "PROVISIONING_PROFILES",
          "SHARED_USERS",
          "GROUPS",
          "EXTENSION_ATTRIBUTES");

  private final Fleet fleet;
  private final Table summary;
  private final Table detail;
  private final MobileDeviceWriter writer;

  MobileDeviceRoutes(SimState state) {
    this.fleet = state.fleet();
    int size = fleet.mobileDevices().size();
    this.summary = new Table(MobileDeviceFields.summary(fleet), size, true);
    this.detail = new Table(MobileDeviceFields.detail(fleet), size, true);
    this.writer = new MobileDeviceWriter(fleet);
  }

  void register(Router router) {
    router.get("/api/v2/mobile-devices", Area.PRO, this::list);
    router.get("/api/v2/mobile-devices/detail", Area.PRO, this::inventory);
    router.get(
        "/api/v2/mobile-devices/{id}",
        Area.PRO,
        ex -> {
          MobileDevice device = device(ex); // look up before the 200 goes out
          ex.json(200, json -> writer.summary(json, device));
        });
    router.get(
        "/api/v2/mobile-devices/{id}/detail",
        Area.PRO,
        ex -> {
          MobileDevice device = device(ex);
          ex.json(200, json -> writer.details(json, device));
        });
  }

  private MobileDevice device(Exchange ex) {
    return fleet
        .mobileDevice(Ids.parse(ex.pathParam("id")))
        .orElseThrow(() -> new NotFound("Mobile device " + ex.pathParam("id")));
  }

  private void list(Exchange ex) throws Exception {
    Paging paging = Paging.of(ex);
    Table.Page page =
        summary.query(null, ex.queries("sort"), "id:asc", paging.page(), paging.pageSize());
    ex.json(
        200,
        json -> results(json, page, row -> writer.summary(json, fleet.mobileDevices().get(row))));
  }

  private void inventory(Exchange ex) throws Exception {
    Set<String> sections = sections(ex.queries("section"));
    Paging paging = Paging.of(ex);
    Table.Page page =
        detail.query(
            ex.query("filter"),
            ex.queries("sort"),
            "displayName:asc",
            paging.page(),
            paging.pageSize());
    ex.json(
        200,
        json ->
            results(
                json,
                page,
                row -> writer.inventory(json, fleet.mobileDevices().get(row), sections)));
  }

  static void results(JsonGenerator json, Table.Page page, java.util.function.IntConsumer item) {
    json.writeStartObject();
    json.writeNumberProperty("totalCount", page.totalCount());
    json.writeArrayPropertyStart("results");
    for (int row : page.rows()) {
      item.accept(row);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static Set<String> sections(List<String> requested) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : requested) {
      for (String part : value.split(",")) {
        String section = part.trim().toUpperCase(Locale.ROOT);
        if (section.isEmpty()) {
          continue;
        }
        if (!SECTIONS.contains(section)) {
          throw new Exchange.BadRequest("Unknown section " + part.trim());
        }
        out.add(section);
      }
    }
    return out.isEmpty() ? Set.of("GENERAL") : out;
  }
}
