package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The GENERAL section of a mobile device inventory row. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceGeneral(
    String udid,
    String displayName,
    String assetTag,
    String lastInventoryUpdateDate,
    String lastContactDate,
    String osVersion,
    String osBuild,
    String ipAddress,
    Boolean managed,
    Boolean supervised,
    String managementId,
    String mdmProfileExpirationDate,
    String siteId) {}
