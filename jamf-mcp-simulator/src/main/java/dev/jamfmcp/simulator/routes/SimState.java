package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.auth.TokenStore;
import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.faults.Faults;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore;

/** What the routes read and change: the fleet, the mutable stores, and the switchboards. */
public record SimState(
    SimulatorConfig config,
    Fleet fleet,
    StaticGroupStore staticGroups,
    SideEffects effects,
    TokenStore tokens,
    Faults faults,
    SmartGroupStore smartGroups) {}
