package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The USER_AND_LOCATION section: department and building are ids (resolve via
 * departments/buildings).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerUserAndLocation(
    String username,
    String realname,
    String email,
    String position,
    String departmentId,
    String buildingId,
    String room) {}
