package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The GENERAL section. Dates are ISO-8601 text as Jamf sends them. {@code managementId} is what MDM
 * commands and blank pushes address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerGeneral(
    String name,
    String lastContactTime,
    String reportDate,
    String lastReportedIp,
    String lastIpAddress,
    String managementId,
    String platform,
    String assetTag,
    Boolean supervised,
    String lastEnrolledDate,
    String mdmProfileExpiration,
    RemoteManagement remoteManagement) {

  /** Whether Jamf Pro manages the computer; {@code managed} is null when not reported. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RemoteManagement(Boolean managed) {}
}
