package dev.jamfmcp.simulator.effects;

import java.time.Instant;
import java.util.List;

/**
 * One Classic log flush. {@code policyId} is null when every policy's log was flushed; {@code
 * computerIds} is empty unless the XML body named computers.
 */
public record LogFlush(
    Instant at, String log, Integer policyId, String interval, List<Integer> computerIds) {}
