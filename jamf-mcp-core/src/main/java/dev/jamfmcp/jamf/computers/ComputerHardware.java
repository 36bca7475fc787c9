package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The HARDWARE section. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerHardware(
    String make,
    String model,
    String modelIdentifier,
    String serialNumber,
    Boolean appleSilicon,
    String macAddress) {}
