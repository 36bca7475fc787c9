package dev.jamfmcp.jamf.patch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One computer of a patch report and the version it runs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchReportEntry(
    String deviceId,
    String computerName,
    String username,
    String operatingSystemVersion,
    String lastCheckIn,
    String version) {}
