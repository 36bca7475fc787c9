package dev.jamfmcp.simulator.fleet;

/** A macOS or mobile configuration profile (Classic API); {@code mobile} picks the family. */
public record ConfigProfile(
    int id,
    String name,
    String description,
    int categoryId,
    String uuid,
    String payloadIdentifier,
    boolean mobile,
    PolicyScope scope) {}
