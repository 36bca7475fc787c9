package dev.jamfmcp.simulator.fleet;

import java.util.List;

/** A Classic API policy, reduced to the parts tools read: general, scope, self service, scripts. */
public record Policy(
    int id,
    String name,
    boolean enabled,
    String trigger,
    boolean triggerCheckin,
    String customTrigger,
    String frequency,
    int categoryId,
    PolicyScope scope,
    boolean selfService,
    List<Integer> scriptIds,
    boolean updateInventory) {}
