package dev.jamfmcp.simulator.effects;

import java.time.Instant;
import java.util.List;

/** A static computer group's membership replaced through {@code PUT .../static-groups/{id}}. */
public record GroupMembershipChange(
    Instant at, int groupId, List<Integer> before, List<Integer> after) {}
