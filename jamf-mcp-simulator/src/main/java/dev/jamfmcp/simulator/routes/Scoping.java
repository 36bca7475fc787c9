package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.PolicyScope;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore.Platform;

/** Group membership and scope questions about one computer, answered from the group stores. */
final class Scoping {
  private final StaticGroupStore staticGroups;
  private final SmartGroupStore smartGroups;

  Scoping(SimState state) {
    this.staticGroups = state.staticGroups();
    this.smartGroups = state.smartGroups();
  }

  StaticGroupStore staticGroups() {
    return staticGroups;
  }

  SmartGroupStore smartGroups() {
    return smartGroups;
  }

  boolean inGroup(int groupId, int computerId) {
    return smartGroups
            .find(Platform.COMPUTER, groupId)
            .map(g -> g.contains(computerId - 1))
            .orElse(false)
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
    return smartGroups
        .find(Platform.COMPUTER, groupId)
        .map(SmartGroupStore.Group::name)
        .or(() -> staticGroups.find(groupId).map(g -> g.name()))
        .orElse("Unknown group");
  }

  boolean isSmart(int groupId) {
    return smartGroups.find(Platform.COMPUTER, groupId).isPresent();
  }
}
