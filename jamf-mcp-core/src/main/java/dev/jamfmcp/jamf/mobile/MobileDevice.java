package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A row of {@code /api/v2/mobile-devices} (MobileDeviceV2). {@code type} is ios, tvos, watchos,
 * visionos.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDevice(
    String id,
    String name,
    String serialNumber,
    String udid,
    String model,
    String modelIdentifier,
    String username,
    String type,
    String managementId,
    String wifiMacAddress,
    String phoneNumber) {}
