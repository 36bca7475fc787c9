package dev.jamfmcp.simulator.fleet;

public record Building(
    int id,
    String name,
    String streetAddress1,
    String streetAddress2,
    String city,
    String stateProvince,
    String zipPostalCode,
    String country) {}
