package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/** Smart and static computer groups. Obtain from {@code JamfClient.computerGroups()}. */
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
    return transport.list(Endpoints.SMART_GROUPS.request(), query, SmartComputerGroup.class);
  }

  /**
   * Ids of the computers in a smart group (Jamf sends them as integers; returned as Pro API
   * strings).
   */
  public List<String> smartGroupMembers(String groupId) {
    Membership m =
        transport.json(Endpoints.SMART_GROUP_MEMBERSHIP.request(groupId), Membership.class);
    List<String> ids = new ArrayList<>();
    if (m.members() != null) {
      m.members().forEach(id -> ids.add(Long.toString(id)));
    }
    return ids;
  }

  public Listing<StaticComputerGroup> staticGroups(ListQuery query) {
    return transport.list(Endpoints.STATIC_GROUPS.request(), query, StaticComputerGroup.class);
  }

  public StaticComputerGroup staticGroup(String groupId) {
    return transport.json(Endpoints.STATIC_GROUP.request(groupId), StaticComputerGroup.class);
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
        Transport.withJsonBody(Endpoints.STATIC_GROUP_ASSIGN.request(group.id()), body),
        StaticComputerGroup.class);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Membership(List<Long> members) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ClassicGroup(int id, String name, List<GroupMember> computers) {}

  /** StaticComputerGroupAssignment: assignments are computer ids. */
  record Assignment(String name, String description, String siteId, List<String> assignments) {}
}
