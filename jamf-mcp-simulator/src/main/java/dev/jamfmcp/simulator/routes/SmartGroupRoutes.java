package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.groups.Criterion;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Group;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;
import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.rsql.FieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Smart computer groups (v3 from Jamf Pro 11.28, v2 always) and smart mobile device groups (v2):
 * list, read, membership, create (POST) and update (PUT), over the {@link SmartGroupStore}. A save
 * recomputes the members from the criteria; invalid criteria are 400, a name in use is 422, and
 * neither changes anything.
 */
final class SmartGroupRoutes {
  private static final String MOBILE_BASE = "/api/v2/mobile-device-groups/";

  private final SmartGroupStore store;
  private final SideEffects effects;
  private final List<MobileDevice> mobileDevices;
  private final boolean serveV3;

  SmartGroupRoutes(SimState state) {
    this.store = state.smartGroups();
    this.effects = state.effects();
    this.mobileDevices = state.fleet().mobileDevices();
    this.serveV3 = state.config().isAtLeast(11, 28);
  }

  void register(Router router) {
    List<String> versions = serveV3 ? List.of("v2", "v3") : List.of("v2");
    for (String v : versions) {
      String base = "/api/" + v + "/computer-groups/";
      router.get(base + "smart-groups", Area.PRO, ex -> list(ex, Platform.COMPUTER));
      router.post(base + "smart-groups", Area.PRO, ex -> create(ex, Platform.COMPUTER, base));
      router.get(base + "smart-groups/{id}", Area.PRO, ex -> detail(ex, Platform.COMPUTER));
      router.put(base + "smart-groups/{id}", Area.PRO, ex -> update(ex, Platform.COMPUTER));
      router.get(base + "smart-group-membership/{id}", Area.PRO, this::computerMembers);
    }
    router.get(MOBILE_BASE + "smart-groups", Area.PRO, ex -> list(ex, Platform.MOBILE));
    router.post(
        MOBILE_BASE + "smart-groups", Area.PRO, ex -> create(ex, Platform.MOBILE, MOBILE_BASE));
    router.get(MOBILE_BASE + "smart-groups/{id}", Area.PRO, ex -> detail(ex, Platform.MOBILE));
    router.put(MOBILE_BASE + "smart-groups/{id}", Area.PRO, ex -> update(ex, Platform.MOBILE));
    router.get(MOBILE_BASE + "smart-group-membership/{id}", Area.PRO, this::mobileMembers);
  }

  private void list(Exchange ex, Platform platform) throws Exception {
    List<Group> groups = store.all(platform); // a snapshot: groups may change concurrently
    boolean computer = platform == Platform.COMPUTER;
    String id = computer ? "id" : "groupId";
    String name = computer ? "name" : "groupName";
    FieldSet.Builder fields =
        FieldSet.builder()
            .number(id, row -> groups.get(row).id(), true)
            .string(name, row -> groups.get(row).name(), true);
    if (computer) {
      fields.string("siteId", row -> groups.get(row).siteId(), false);
    }
    new PagedList<>(
            groups,
            fields.build(),
            id + ":asc",
            (json, g) -> {
              json.writeStartObject();
              if (computer) {
                json.writeStringProperty("id", String.valueOf(g.id()));
                json.writeStringProperty("siteId", g.siteId());
                json.writeStringProperty("name", g.name());
                json.writeStringProperty("description", g.description());
                json.writeNumberProperty("membershipCount", g.membershipCount());
              } else {
                mobileHeader(json, g);
                json.writeNumberProperty("count", g.membershipCount());
              }
              json.writeEndObject();
            })
        .handle(ex);
  }

  private Group group(Exchange ex, Platform platform) {
    return store
        .find(platform, Ids.parse(ex.pathParam("id")))
        .orElseThrow(
            () ->
                new NotFound(
                    (platform == Platform.COMPUTER
                            ? "Smart computer group "
                            : "Mobile device group ")
                        + ex.pathParam("id")));
  }

  private void detail(Exchange ex, Platform platform) throws Exception {
    Group g = group(ex, platform);
    ex.json(200, json -> definition(json, platform, g, true));
  }

  /** SmartComputerGroupV3, or SmartGroupDetailV2 ({@code count} only in the read). */
  private static void definition(JsonGenerator json, Platform platform, Group g, boolean read) {
    json.writeStartObject();
    if (platform == Platform.COMPUTER) {
      json.writeStringProperty("name", g.name());
      json.writeStringProperty("description", g.description());
      json.writeStringProperty("siteId", g.siteId());
    } else {
      mobileHeader(json, g);
      if (read) {
        json.writeNumberProperty("count", g.membershipCount());
      }
    }
    json.writeArrayPropertyStart("criteria");
    for (Criterion c : g.criteria()) {
      json.writeStartObject();
      json.writeStringProperty("name", c.name());
      json.writeNumberProperty("priority", c.priority());
      json.writeStringProperty("andOr", c.andOr());
      json.writeStringProperty("searchType", c.searchType());
      json.writeStringProperty("value", c.value());
      json.writeBooleanProperty("openingParen", c.openingParen());
      json.writeBooleanProperty("closingParen", c.closingParen());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void mobileHeader(JsonGenerator json, Group g) {
    json.writeStringProperty("groupId", String.valueOf(g.id()));
    json.writeStringProperty("groupName", g.name());
    json.writeStringProperty("groupDescription", g.description());
    json.writeStringProperty("siteId", g.siteId());
  }

  private void computerMembers(Exchange ex) throws Exception {
    Group g = group(ex, Platform.COMPUTER);
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeArrayPropertyStart("members");
          g.members().stream().forEach(row -> json.writeNumber(row + 1));
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private void mobileMembers(Exchange ex) throws Exception {
    Group g = group(ex, Platform.MOBILE);
    List<MobileDevice> members = new ArrayList<>();
    g.members().stream().forEach(row -> members.add(mobileDevices.get(row)));
    new PagedList<>(
            members,
            FieldSet.builder()
                .number("mobileDeviceId", r -> members.get(r).id(), true)
                .string("displayName", r -> members.get(r).name(), true)
                .string("serialNumber", r -> members.get(r).serialNumber(), true)
                .build(),
            "mobileDeviceId:asc",
            AdminObjectRoutes::writeMember)
        .handle(ex);
  }

  /** The body's definition; {@code null} when it is not valid (the answer is then sent). */
  private record Definition(
      String name, String description, String siteId, List<Criterion> criteria) {}

  private static Optional<Definition> parse(Exchange ex, Platform platform, Group current)
      throws Exception {
    JsonNode body = ex.bodyJson();
    boolean computer = platform == Platform.COMPUTER;
    JsonNode name = body.path(computer ? "name" : "groupName");
    JsonNode description = body.path(computer ? "description" : "groupDescription");
    JsonNode site = body.path("siteId");
    List<Criterion> criteria = current == null ? List.of() : current.criteria();
    if (body.has("criteria")) {
      if (!body.get("criteria").isArray()) {
        ApiErrors.cause(ex, 400, "INVALID_FIELD", "criteria", "criteria must be an array");
        return Optional.empty();
      }
      criteria = new ArrayList<>();
      for (JsonNode c : body.get("criteria")) {
        for (String required : List.of("name", "priority", "andOr", "searchType", "value")) {
          if (c.path(required).isMissingNode() || c.path(required).isNull()) {
            ApiErrors.cause(
                ex, 400, "INVALID_FIELD", "criteria." + required, required + " is required");
            return Optional.empty();
          }
        }
        if (!c.path("priority").isIntegralNumber()) {
          ApiErrors.cause(
              ex, 400, "INVALID_FIELD", "criteria.priority", "priority must be an integer");
          return Optional.empty();
        }
        criteria.add(
            new Criterion(
                c.path("name").asString(""),
                c.path("priority").asInt(),
                c.path("andOr").asString("").toLowerCase(Locale.ROOT),
                c.path("searchType").asString(""),
                c.path("value").asString(""),
                c.path("openingParen").asBoolean(false),
                c.path("closingParen").asBoolean(false)));
      }
    }
    return Optional.of(
        new Definition(
            name.isString() ? name.asString() : null,
            description.isString()
                ? description.asString()
                : current == null ? "" : current.description(),
            site.isString() ? site.asString() : current == null ? "-1" : current.siteId(),
            criteria));
  }

  private void create(Exchange ex, Platform platform, String base) throws Exception {
    Optional<Definition> d = parse(ex, platform, null);
    if (d.isEmpty()) {
      return;
    }
    Group created;
    try {
      created =
          store.create(
              platform,
              d.get().name(),
              d.get().description(),
              d.get().siteId(),
              d.get().criteria());
    } catch (SmartGroupStore.Refused e) {
      refuse(ex, e);
      return;
    }
    effects.recordSmartGroupSave(
        platformName(platform), created.id(), true, 0, created.membershipCount());
    ex.json(
        201,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("id", String.valueOf(created.id()));
          json.writeStringProperty("href", base + "smart-groups/" + created.id());
          json.writeEndObject();
        });
  }

  private void update(Exchange ex, Platform platform) throws Exception {
    Group current = group(ex, platform);
    Optional<Definition> d = parse(ex, platform, current);
    if (d.isEmpty()) {
      return;
    }
    Group updated;
    try {
      updated =
          store
              .update(
                  platform,
                  current.id(),
                  d.get().name(),
                  d.get().description(),
                  d.get().siteId(),
                  d.get().criteria())
              .orElseThrow(() -> new NotFound("Smart group " + current.id()));
    } catch (SmartGroupStore.Refused e) {
      refuse(ex, e);
      return;
    }
    effects.recordSmartGroupSave(
        platformName(platform),
        updated.id(),
        false,
        current.membershipCount(),
        updated.membershipCount());
    ex.json(202, json -> definition(json, platform, updated, false));
  }

  private static String platformName(Platform platform) {
    return platform == Platform.COMPUTER ? "computer" : "mobile";
  }

  private static void refuse(Exchange ex, SmartGroupStore.Refused e) throws Exception {
    ApiErrors.cause(
        ex,
        e.status(),
        e.status() == 422 ? "DUPLICATE_FIELD" : "INVALID_FIELD",
        e.status() == 422 ? "name" : "criteria",
        e.getMessage());
  }
}
