package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The device of a plan or an update status: Jamf id and {@code COMPUTER}, {@code MOBILE_DEVICE} or
 * {@code APPLE_TV}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanDevice(String deviceId, String objectType, String href) {}
