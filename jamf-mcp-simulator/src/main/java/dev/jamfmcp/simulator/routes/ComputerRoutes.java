package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v3/computers-inventory} and its detail routes, and the v4 ones (ComputerInventoryV4)
 * when the simulated Jamf Pro is 11.30 or later.
 */
final class ComputerRoutes {
  static final List<String> SECTIONS =
      List.of(
          "GENERAL",
          "DISK_ENCRYPTION",
          "PURCHASING",
          "APPLICATIONS",
          "STORAGE",
          "USER_AND_LOCATION",
          "CONFIGURATION_PROFILES",
          "PRINTERS",
          "SERVICES",
          "HARDWARE",
          "LOCAL_USER_ACCOUNTS",
          "CERTIFICATES",
          "ATTACHMENTS",
          "PACKAGE_RECEIPTS",
          "SECURITY",
          "OPERATING_SYSTEM",
          "LICENSED_SOFTWARE",
          "IBEACONS",
          "SOFTWARE_UPDATES",
          "EXTENSION_ATTRIBUTES",
          "CONTENT_CACHING",
          "GROUP_MEMBERSHIPS");

  private final Computers computers;
  private final Table table;
  private final ComputerWriter writer;
  private final ComputerWriter writerV4;
  private final boolean serveV4;

  ComputerRoutes(SimState state, Scoping scoping) {
    this.computers = state.fleet().computers();
    this.table = state.fleet().computerTable();
    ComputerExtraSections extra = new ComputerExtraSections(state.fleet(), scoping);
    this.writer = new ComputerWriter(computers, extra, false);
    this.writerV4 = new ComputerWriter(computers, extra, true);
    this.serveV4 = state.config().isAtLeast(11, 30);
    // sort once at start for the contract's default order and the pager's usual one, so the
    // first page of a scan costs what every other page costs
    table.query(null, List.of(), "general.name:asc", 0, 1);
    table.query(null, List.of("id:asc"), "general.name:asc", 0, 1);
  }

  void register(Router router) {
    router.get("/api/v3/computers-inventory", Area.PRO, ex -> list(ex, writer));
    router.get(
        "/api/v3/computers-inventory-detail/{id}",
        Area.PRO,
        ex -> one(ex, Set.copyOf(SECTIONS), writer));
    router.get(
        "/api/v3/computers-inventory/{id}", Area.PRO, ex -> one(ex, Set.of("GENERAL"), writer));
    if (serveV4) {
      router.get("/api/v4/computers-inventory", Area.PRO, ex -> list(ex, writerV4));
      router.get(
          "/api/v4/computers-inventory-detail/{id}",
          Area.PRO,
          ex -> one(ex, Set.copyOf(SECTIONS), writerV4));
      router.get(
          "/api/v4/computers-inventory/{id}", Area.PRO, ex -> one(ex, Set.of("GENERAL"), writerV4));
    }
  }

  private void list(Exchange ex, ComputerWriter writer) throws Exception {
    Set<String> sections = sections(ex.queries("section"));
    Paging paging = Paging.of(ex);
    Table.Page page =
        table.query(
            ex.query("filter"),
            ex.queries("sort"),
            "general.name:asc",
            paging.page(),
            paging.pageSize());
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("totalCount", page.totalCount());
          json.writeArrayPropertyStart("results");
          for (int row : page.rows()) {
            writer.write(json, row, sections);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private void one(Exchange ex, Set<String> sections, ComputerWriter writer) throws Exception {
    int row = computers.rowOf(Ids.parse(ex.pathParam("id")));
    if (row < 0) {
      throw new NotFound("Computer " + ex.pathParam("id"));
    }
    ex.json(200, json -> writer.write(json, row, sections));
  }

  /**
   * The requested sections; GENERAL when none. Values are case-insensitive, unknown ones are
   * refused.
   */
  static Set<String> sections(List<String> requested) {
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
