package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A computer in a group, as the Classic API lists it (integer id). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupMember(
    int id, String name, @JsonProperty("serial_number") String serialNumber) {}
