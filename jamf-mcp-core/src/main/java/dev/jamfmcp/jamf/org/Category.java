package dev.jamfmcp.jamf.org;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A category ({@code /api/v1/categories}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Category(String id, String name, Integer priority) {}
