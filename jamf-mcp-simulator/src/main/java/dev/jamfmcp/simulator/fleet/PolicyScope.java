package dev.jamfmcp.simulator.fleet;

import java.util.List;

/** Who a policy or profile targets: everything, or listed devices and groups, minus exclusions. */
public record PolicyScope(
    boolean allDevices,
    List<Integer> deviceIds,
    List<Integer> groupIds,
    List<Integer> excludedGroupIds) {}
