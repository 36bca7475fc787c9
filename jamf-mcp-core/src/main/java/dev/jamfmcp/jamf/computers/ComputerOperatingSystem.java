package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The OPERATING_SYSTEM section. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerOperatingSystem(
    String name, String version, String build, String fileVault2Status) {}
