package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.PolicyScope;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;

/** Group membership and scope questions about one computer, answered from fleet and store. */
final class Scoping {
  private final Fleet fleet;
  private final StaticGroupStore staticGroups;

  Scoping(Fleet fleet, StaticGroupStore staticGroups) {
    this.fleet = fleet;
    this.staticGroups = staticGroups;
  }

  StaticGroupStore staticGroups() {
    return staticGroups;
  }

  boolean inGroup(int groupId, int computerId) {
    return fleet.smartGroup(groupId).map(g -> g.contains(computerId - 1)).orElse(false)
        || staticGroups.contains(groupId, computerId);
  }

  /** Computer scope: everything, listed, or via a group; exclusions win. */
  boolean computerInScope(PolicyScope scope, int computerId) {
    for (int group : scope.excludedGroupIds()) {
      if (inGroup(group, computerId)) {
        return false;
      }
    }
    return scope.allDevices()
        || scope.deviceIds().contains(computerId)
        || scope.groupIds().stream().anyMatch(g -> inGroup(g, computerId));
  }

  String groupName(int groupId) {
    return fleet
        .smartGroup(groupId)
        .map(SmartGroup::name)
        .or(() -> staticGroups.find(groupId).map(g -> g.name()))
        .orElse("Unknown group");
  }

  boolean isSmart(int groupId) {
    return fleet.smartGroup(groupId).isPresent();
  }
}
