package dev.jamfmcp.tools.policies;

import dev.jamfmcp.jamf.ClassicRef;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.policies.Policy;
import dev.jamfmcp.tools.groups.GroupMembership;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a computer is in a policy's scope, as Jamf decides it: targets (all computers, listed
 * computers, groups, buildings, departments), then exclusions, which win. Each group's members are
 * read once. Limitations (users, network segments) are applied by Jamf at check-in and are not
 * checked here; callers say so.
 */
final class PolicyScopeCheck {
  private final JamfClient jamf;
  private final Map<Integer, Set<String>> groups = new HashMap<>();

  PolicyScopeCheck(JamfClient jamf) {
    this.jamf = jamf;
  }

  /**
   * @param inScope whether the policy applies; @param reason why, in a few words
   */
  record Verdict(boolean inScope, String reason) {}

  Verdict check(Policy.Scope scope, Device computer) {
    if (scope == null) {
      return new Verdict(false, "the policy has no scope");
    }
    Policy.Exclusions ex = scope.exclusions();
    if (ex != null) {
      if (listed(ex.computers(), computer.id())) {
        return new Verdict(false, "excluded by name in the policy's exclusions");
      }
      ClassicRef group = memberOf(ex.computerGroups(), computer.id());
      if (group != null) {
        return new Verdict(false, "excluded: member of excluded group '" + group.name() + "'");
      }
      if (listed(ex.buildings(), computer.buildingId())) {
        return new Verdict(false, "excluded by its building");
      }
      if (listed(ex.departments(), computer.departmentId())) {
        return new Verdict(false, "excluded by its department");
      }
    }
    if (Boolean.TRUE.equals(scope.allComputers())) {
      return new Verdict(true, "the policy targets all computers");
    }
    if (listed(scope.computers(), computer.id())) {
      return new Verdict(true, "listed in the policy's scope");
    }
    ClassicRef group = memberOf(scope.computerGroups(), computer.id());
    if (group != null) {
      return new Verdict(true, "member of scoped group '" + group.name() + "'");
    }
    if (listed(scope.buildings(), computer.buildingId())) {
      return new Verdict(true, "its building is in the policy's scope");
    }
    if (listed(scope.departments(), computer.departmentId())) {
      return new Verdict(true, "its department is in the policy's scope");
    }
    return new Verdict(false, "not in the policy's scope");
  }

  private static boolean listed(List<ClassicRef> refs, String id) {
    return refs != null
        && id != null
        && refs.stream().anyMatch(r -> Integer.toString(r.id()).equals(id));
  }

  private ClassicRef memberOf(List<ClassicRef> refs, String computerId) {
    if (refs == null) {
      return null;
    }
    for (ClassicRef group : refs) {
      if (members(group.id()).contains(computerId)) {
        return group;
      }
    }
    return null;
  }

  private Set<String> members(int groupId) {
    return groups.computeIfAbsent(
        groupId,
        id -> {
          try {
            return Set.copyOf(GroupMembership.of(jamf, id).ids());
          } catch (JamfNotFoundException e) {
            return Set.of(); // a scope naming a deleted group matches no one
          }
        });
  }
}
