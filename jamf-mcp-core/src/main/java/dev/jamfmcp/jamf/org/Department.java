package dev.jamfmcp.jamf.org;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A department ({@code /api/v1/departments}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Department(String id, String name) {}
