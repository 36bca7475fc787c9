package dev.jamfmcp.simulator.effects;

import java.time.Instant;

/**
 * A smart group created ({@code POST .../smart-groups}) or changed ({@code PUT .../{id}}); {@code
 * platform} is computer or mobile.
 */
public record SmartGroupSave(
    Instant at,
    String platform,
    int groupId,
    boolean created,
    int membersBefore,
    int membersAfter) {}
