package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of the GROUP_MEMBERSHIPS section. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerGroupMembership(String groupId, String groupName, Boolean smartGroup) {}
