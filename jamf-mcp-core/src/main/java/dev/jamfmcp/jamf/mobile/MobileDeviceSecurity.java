package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The SECURITY section of a mobile device inventory row: the one place Jamf reports lost mode (the
 * per-device detail has no such field).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceSecurity(
    Boolean lostModeEnabled,
    Boolean passcodePresent,
    Boolean passcodeCompliant,
    Boolean activationLockEnabled) {}
