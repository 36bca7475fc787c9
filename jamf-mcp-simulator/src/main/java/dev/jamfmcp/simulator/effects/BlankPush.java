package dev.jamfmcp.simulator.effects;

import java.time.Instant;
import java.util.List;

/** One {@code POST /api/v2/mdm/blank-push}: the ids pushed and the ones Jamf did not know. */
public record BlankPush(Instant at, List<String> managementIds, List<String> unknownIds) {}
