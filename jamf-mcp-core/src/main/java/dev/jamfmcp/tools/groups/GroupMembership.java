package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.groups.GroupMember;
import java.util.List;

/**
 * The computers in a computer group, smart or static. Smart groups are read through the Pro API's
 * membership list; a group it does not know is a static group, read through the Classic group
 * record (the Pro API has no read of static members).
 */
public final class GroupMembership {
  private GroupMembership() {}

  /**
   * @param smart whether the group is smart
   * @param ids computer ids, as strings
   * @param named id, name and serial of each member when Jamf sent them (static groups), else empty
   */
  public record Members(boolean smart, List<String> ids, List<GroupMember> named) {
    public Members {
      ids = List.copyOf(ids);
      named = List.copyOf(named);
    }
  }

  /** Throws {@link JamfNotFoundException} when no computer group has this id. */
  public static Members of(JamfClient jamf, int groupId) {
    try {
      return new Members(
          true, jamf.computerGroups().smartGroupMembers(Integer.toString(groupId)), List.of());
    } catch (JamfNotFoundException notSmart) {
      List<GroupMember> members = jamf.computerGroups().staticGroupMembers(groupId);
      return new Members(
          false, members.stream().map(m -> Integer.toString(m.id())).toList(), members);
    }
  }
}
