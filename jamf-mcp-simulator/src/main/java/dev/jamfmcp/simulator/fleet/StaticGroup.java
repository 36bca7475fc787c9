package dev.jamfmcp.simulator.fleet;

import java.util.List;

/** A static computer group as generated; its membership may later change through the API. */
public record StaticGroup(int id, String name, String description, List<Integer> computerIds) {}
