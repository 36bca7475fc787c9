package dev.jamfmcp.simulator.effects;

import java.time.Instant;

/**
 * One managed software update plan created ({@code POST .../plans} or {@code .../plans/group}): the
 * device, what the plan does and its state once Jamf decided it.
 */
public record UpdatePlanCreation(
    Instant at,
    String planUuid,
    String objectType,
    int deviceId,
    String updateAction,
    String versionType,
    String state,
    String groupKey) {}
