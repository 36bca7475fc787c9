package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.JamfProVersion;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Smart and static computer groups: the v3 endpoints on Jamf Pro 11.28 and later, v2 before (chosen
 * from the server's version, read once). Obtain from {@code JamfClient.computerGroups()}.
 */
public final class ComputerGroups {

  private final Transport transport;

  static {
    Operations.register(ComputerGroups.class, ComputerGroups::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private ComputerGroups(Transport transport) {
    this.transport = transport;
  }

  public Listing<SmartComputerGroup> smartGroups(ListQuery query) {
    return transport.list(
        v3(Endpoints.SMART_GROUPS, Endpoints.SMART_GROUPS_V2).request(),
        query,
        SmartComputerGroup.class);
  }

  /**
   * Ids of the computers in a smart group (Jamf sends them as integers; returned as Pro API
   * strings).
   */
  public List<String> smartGroupMembers(String groupId) {
    Membership m =
        transport.json(
            v3(Endpoints.SMART_GROUP_MEMBERSHIP, Endpoints.SMART_GROUP_MEMBERSHIP_V2)
                .request(groupId),
            Membership.class);
    List<String> ids = new ArrayList<>();
    if (m.members() != null) {
      m.members().forEach(id -> ids.add(Long.toString(id)));
    }
    return ids;
  }

  public Listing<StaticComputerGroup> staticGroups(ListQuery query) {
    return transport.list(
        v3(Endpoints.STATIC_GROUPS, Endpoints.STATIC_GROUPS_V2).request(),
        query,
        StaticComputerGroup.class);
  }

  public StaticComputerGroup staticGroup(String groupId) {
    return transport.json(
        v3(Endpoints.STATIC_GROUP, Endpoints.STATIC_GROUP_V2).request(groupId),
        StaticComputerGroup.class);
  }

  /**
   * The computers in a static group. The Pro API has no such read, so this uses the Classic group
   * record ({@code /JSSResource/computergroups/id/{id}}); group ids are the same numbers.
   */
  public List<GroupMember> staticGroupMembers(int groupId) {
    ClassicGroup group =
        transport.classic(
            Endpoints.CLASSIC_COMPUTER_GROUP.request(groupId),
            "computer_group",
            new TypeReference<ClassicGroup>() {});
    return group.computers() == null ? List.of() : group.computers();
  }

  /**
   * Replaces the members of a static group with exactly {@code computerIds} (a PUT: the full set,
   * so read the current members first to add or remove one). Name, description and site are taken
   * from {@code group}, since the API requires the name on every update.
   */
  public StaticComputerGroup replaceStaticGroupMembers(
      StaticComputerGroup group, Collection<String> computerIds) {
    Objects.requireNonNull(group.id(), "group.id");
    Assignment body =
        new Assignment(
            group.name(),
            group.description(),
            group.siteId(),
            List.copyOf(new LinkedHashSet<>(computerIds)));
    return transport.json(
        Transport.withJsonBody(
            v3(Endpoints.STATIC_GROUP_ASSIGN, Endpoints.STATIC_GROUP_ASSIGN_V2).request(group.id()),
            body),
        StaticComputerGroup.class);
  }

  private Endpoint v3(Endpoint current, Endpoint fallback) {
    return transport.choose(current, JamfProVersion.GROUPS_V3, fallback);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Membership(List<Long> members) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ClassicGroup(int id, String name, List<GroupMember> computers) {}

  /** StaticComputerGroupAssignment: assignments are computer ids. */
  record Assignment(String name, String description, String siteId, List<String> assignments) {}
}
