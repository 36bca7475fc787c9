package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Building;
import dev.jamfmcp.simulator.fleet.Category;
import dev.jamfmcp.simulator.fleet.Department;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.PatchTitle;
import dev.jamfmcp.simulator.fleet.Script;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.FieldSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import tools.jackson.core.JsonGenerator;

/** Departments, buildings, categories, scripts, patch titles and the server version. */
final class ReferenceRoutes {
  private final String version;
  private final Fleet fleet;

  ReferenceRoutes(SimState state) {
    this.fleet = state.fleet();
    this.version = state.config().jamfProVersion();
  }

  void register(Router router) {
    List<Department> departments = fleet.departments();
    router.get(
        "/api/v1/departments",
        Area.PRO,
        new PagedList<>(
            departments,
            FieldSet.builder()
                .number("id", row -> departments.get(row).id(), true)
                .string("name", row -> departments.get(row).name(), true)
                .build(),
            "id:asc",
            ReferenceWriters::department));
    byId(
        router,
        "/api/v1/departments/{id}",
        departments,
        Department::id,
        ReferenceWriters::department,
        "Department");

    List<Building> buildings = fleet.buildings();
    router.get(
        "/api/v1/buildings",
        Area.PRO,
        new PagedList<>(
            buildings,
            FieldSet.builder()
                .number("id", row -> buildings.get(row).id(), true)
                .string("name", row -> buildings.get(row).name(), true)
                .string("city", row -> buildings.get(row).city(), true)
                .string("country", row -> buildings.get(row).country(), true)
                .build(),
            "id:asc",
            ReferenceWriters::building));
    byId(
        router,
        "/api/v1/buildings/{id}",
        buildings,
        Building::id,
        ReferenceWriters::building,
        "Building");

    List<Category> categories = fleet.categories();
    router.get(
        "/api/v1/categories",
        Area.PRO,
        new PagedList<>(
            categories,
            FieldSet.builder()
                .number("id", row -> categories.get(row).id(), true)
                .string("name", row -> categories.get(row).name(), true)
                .number("priority", row -> categories.get(row).priority(), true)
                .build(),
            "id:asc",
            ReferenceWriters::category));
    byId(
        router,
        "/api/v1/categories/{id}",
        categories,
        Category::id,
        ReferenceWriters::category,
        "Category");

    List<Script> scripts = fleet.scripts();
    router.get(
        "/api/v1/scripts",
        Area.PRO,
        new PagedList<>(
            scripts,
            FieldSet.builder()
                .number("id", row -> scripts.get(row).id(), true)
                .string("name", row -> scripts.get(row).name(), true)
                .string("info", row -> scripts.get(row).info(), true)
                .string("notes", row -> scripts.get(row).notes(), true)
                .string("priority", row -> scripts.get(row).priority(), true)
                .number("categoryId", row -> scripts.get(row).categoryId(), true)
                .string("categoryName", row -> scripts.get(row).categoryName(), true)
                .build(),
            "name:asc",
            ReferenceWriters::script));
    byId(router, "/api/v1/scripts/{id}", scripts, Script::id, ReferenceWriters::script, "Script");

    List<PatchTitle> titles = fleet.patchTitles();
    router.get(
        "/api/v3/patch-software-title-configurations",
        Area.PRO,
        ex ->
            ex.json(
                200,
                json -> {
                  json.writeStartArray(); // a bare array: this list is not paged
                  titles.forEach(t -> ReferenceWriters.patchTitle(json, t));
                  json.writeEndArray();
                }));

    router.get(
        "/api/v1/jamf-pro-version",
        Area.PRO,
        ex ->
            ex.json(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeStringProperty("version", version);
                  json.writeEndObject();
                }));
  }

  private static <T> void byId(
      Router router,
      String path,
      List<T> items,
      ToIntFunction<T> id,
      BiConsumer<JsonGenerator, T> writer,
      String what) {
    router.get(
        path,
        Area.PRO,
        (Exchange ex) -> {
          long wanted = Ids.parse(ex.pathParam("id"));
          T item =
              items.stream()
                  .filter(i -> id.applyAsInt(i) == wanted)
                  .findFirst()
                  .orElseThrow(() -> new NotFound(what + " " + ex.pathParam("id")));
          ex.json(200, json -> writer.accept(json, item));
        });
  }
}
