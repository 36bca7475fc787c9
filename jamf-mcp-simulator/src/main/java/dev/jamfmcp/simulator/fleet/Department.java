package dev.jamfmcp.simulator.fleet;

public record Department(int id, String name) {}
