package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The USER_AND_LOCATION section of a mobile device inventory row. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceUserAndLocation(
    String username,
    String realName,
    String emailAddress,
    String position,
    String departmentId,
    String buildingId,
    String department,
    String building,
    String room) {}
