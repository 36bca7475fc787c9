package dev.jamfmcp.simulator.fleet;

public record Category(int id, String name, int priority) {}
