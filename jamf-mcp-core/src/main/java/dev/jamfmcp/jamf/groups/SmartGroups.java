package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jamfmcp.jamf.JamfProVersion;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import dev.jamfmcp.jamf.inventory.InventoryRecords.GroupMobileDevice;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reading, creating and updating smart groups, computer ({@code /api/v3/computer-groups}, v2 on
 * Jamf Pro before 11.28) and mobile device ({@code /api/v2/mobile-device-groups}). Jamf computes a
 * group's members from its criteria when it is saved. Obtain from {@code JamfClient.smartGroups()}.
 */
public final class SmartGroups {

  /** Which kind of device the group holds. */
  public enum Platform {
    COMPUTER,
    MOBILE
  }

  /** A group that already uses a name: its id, and whether it is smart or static. */
  public record Existing(String id, boolean smart) {}

  private final Transport transport;

  static {
    Operations.register(SmartGroups.class, SmartGroups::new);
  }

  private SmartGroups(Transport transport) {
    this.transport = transport;
  }

  /** The group's definition; throws {@code JamfNotFoundException} when there is none. */
  public SmartGroupSpec get(Platform platform, String groupId) {
    if (platform == Platform.COMPUTER) {
      ComputerBody body =
          transport.json(
              v3(Endpoints.SMART_GROUP_DETAIL, Endpoints.SMART_GROUP_DETAIL_V2).request(groupId),
              ComputerBody.class);
      return new SmartGroupSpec(body.name(), body.description(), body.siteId(), body.criteria());
    }
    MobileBody body =
        transport.json(Endpoints.MOBILE_SMART_GROUP_DETAIL.request(groupId), MobileBody.class);
    return new SmartGroupSpec(
        body.groupName(), body.groupDescription(), body.siteId(), body.criteria());
  }

  /** Creates the group; returns its id. Jamf answers 422 when the name is in use. */
  public String create(Platform platform, SmartGroupSpec spec) {
    Endpoint endpoint =
        platform == Platform.COMPUTER
            ? v3(Endpoints.SMART_GROUP_CREATE, Endpoints.SMART_GROUP_CREATE_V2)
            : Endpoints.MOBILE_SMART_GROUP_CREATE;
    Href created =
        transport.json(
            Transport.withJsonBody(endpoint.request(), body(platform, spec)), Href.class);
    return created.id();
  }

  /** Replaces the group's whole definition (Jamf's PUT); its members are computed again. */
  public void update(Platform platform, String groupId, SmartGroupSpec spec) {
    Endpoint endpoint =
        platform == Platform.COMPUTER
            ? v3(Endpoints.SMART_GROUP_UPDATE, Endpoints.SMART_GROUP_UPDATE_V2)
            : Endpoints.MOBILE_SMART_GROUP_UPDATE;
    transport.json(
        Transport.withJsonBody(endpoint.request(groupId), body(platform, spec)), JsonNode.class);
  }

  /** How many devices are in the smart group now. */
  public long memberCount(Platform platform, String groupId) {
    if (platform == Platform.COMPUTER) {
      ComputerGroups.Membership m =
          transport.json(
              v3(Endpoints.SMART_GROUP_MEMBERSHIP, Endpoints.SMART_GROUP_MEMBERSHIP_V2)
                  .request(groupId),
              ComputerGroups.Membership.class);
      return m.members() == null ? 0 : m.members().size();
    }
    return transport
        .list(
            Endpoints.MOBILE_SMART_GROUP_MEMBERS.request(groupId),
            ListQuery.all(),
            GroupMobileDevice.class)
        .count();
  }

  /**
   * The group (smart or static, of the same platform: Jamf keeps their names unique together) that
   * already has this name, if any.
   */
  public Optional<Existing> named(Platform platform, String name) {
    boolean computer = platform == Platform.COMPUTER;
    ListQuery query =
        ListQuery.all().withFilter(Rsql.eq(computer ? "name" : "groupName", name)).withPageSize(1);
    for (boolean smart : List.of(true, false)) {
      List<String> ids =
          computer
              ? smart
                  ? transport
                      .list(
                          v3(Endpoints.SMART_GROUPS, Endpoints.SMART_GROUPS_V2).request(),
                          query,
                          SmartComputerGroup.class)
                      .first(1)
                      .stream()
                      .map(SmartComputerGroup::id)
                      .toList()
                  : transport
                      .list(
                          v3(Endpoints.STATIC_GROUPS, Endpoints.STATIC_GROUPS_V2).request(),
                          query,
                          StaticComputerGroup.class)
                      .first(1)
                      .stream()
                      .map(StaticComputerGroup::id)
                      .toList()
              : transport
                  .list(
                      (smart ? Endpoints.MOBILE_SMART_GROUPS : Endpoints.MOBILE_STATIC_GROUPS)
                          .request(),
                      query,
                      MobileGroupRef.class)
                  .first(1)
                  .stream()
                  .map(MobileGroupRef::groupId)
                  .toList();
      if (!ids.isEmpty()) {
        return Optional.of(new Existing(ids.get(0), smart));
      }
    }
    return Optional.empty();
  }

  private static Object body(Platform platform, SmartGroupSpec spec) {
    return platform == Platform.COMPUTER
        ? new ComputerBody(spec.name(), spec.description(), spec.siteId(), spec.criteria())
        : new MobileBody(spec.name(), spec.description(), spec.siteId(), spec.criteria());
  }

  private Endpoint v3(Endpoint current, Endpoint fallback) {
    return transport.choose(current, JamfProVersion.GROUPS_V3, fallback);
  }

  /** SmartComputerGroupV3 (and V2): read and written alike. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ComputerBody(
      String name, String description, String siteId, List<SmartCriterion> criteria) {}

  /** SmartGroupAssignmentV2 (written) and SmartGroupDetailV2 (read). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MobileBody(
      String groupName, String groupDescription, String siteId, List<SmartCriterion> criteria) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MobileGroupRef(String groupId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Href(String id, String href) {}
}
