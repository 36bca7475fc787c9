package dev.jamfmcp.jamf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Classic API reference to another object: integer id and name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassicRef(int id, String name) {}
