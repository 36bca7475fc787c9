package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The HARDWARE section of a mobile device inventory row. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceHardware(
    String serialNumber,
    String model,
    String modelIdentifier,
    Integer capacityMb,
    Integer availableSpaceMb,
    Integer batteryLevel,
    String wifiMacAddress) {}
