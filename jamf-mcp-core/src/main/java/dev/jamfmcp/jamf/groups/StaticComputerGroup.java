package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A static computer group ({@code /api/v3/computer-groups/static-groups}). {@code count} is only
 * filled in lists; the single-group read does not carry it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaticComputerGroup(
    String id, String name, String description, String siteId, Integer count) {}
