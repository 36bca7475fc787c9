package dev.jamfmcp.jamf.org;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A building ({@code /api/v1/buildings}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Building(
    String id,
    String name,
    String streetAddress1,
    String city,
    String stateProvince,
    String zipPostalCode,
    String country) {}
