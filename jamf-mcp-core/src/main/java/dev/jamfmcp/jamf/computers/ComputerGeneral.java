package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The GENERAL section. Dates are ISO-8601 text as Jamf sends them. {@code managementId} is what MDM
 * commands and blank pushes address. The v4 inventory (Jamf Pro 11.30+) renamed two fields; their
 * v4 names are read into the v3 components: {@code lastContact} into {@code lastContactTime},
 * {@code lastReportedIpV4} into {@code lastReportedIp} (deprecated in v3, gone in v4).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerGeneral(
    String name,
    @JsonAlias("lastContact") String lastContactTime,
    String reportDate,
    @JsonAlias("lastReportedIpV4") String lastReportedIp,
    String lastIpAddress,
    String managementId,
    String platform,
    String assetTag,
    Boolean supervised,
    String lastEnrolledDate,
    String mdmProfileExpiration,
    RemoteManagement remoteManagement,
    Site site) {

  /** The computer's site; id {@code -1} (name {@code None}) when it belongs to none. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Site(String id, String name) {}

  /** Whether Jamf Pro manages the computer; {@code managed} is null when not reported. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RemoteManagement(Boolean managed) {}
}
