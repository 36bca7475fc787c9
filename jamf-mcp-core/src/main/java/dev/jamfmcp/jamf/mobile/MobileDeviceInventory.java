package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A row of {@code /api/v2/mobile-devices/detail}; sections not asked for are null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceInventory(
    String mobileDeviceId,
    String deviceType,
    MobileDeviceGeneral general,
    MobileDeviceHardware hardware,
    MobileDeviceUserAndLocation userAndLocation,
    MobileDeviceSecurity security) {}
