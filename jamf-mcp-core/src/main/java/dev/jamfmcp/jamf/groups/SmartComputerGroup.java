package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A smart computer group ({@code /api/v3/computer-groups/smart-groups}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmartComputerGroup(
    String id, String name, String description, String siteId, Integer membershipCount) {}
