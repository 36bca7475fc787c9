package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One device from {@code /api/v2/mobile-devices/{id}/detail} (MobileDeviceDetailsGetV2). Secrets of
 * that record (the unlock token, the bootstrap token, the AirPlay password) are deliberately not
 * read, so nothing that prints this record can leak them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MobileDeviceDetail(
    String id,
    String name,
    String type,
    String serialNumber,
    String udid,
    String managementId,
    String osVersion,
    String osBuild,
    String ipAddress,
    String wifiMacAddress,
    Boolean managed,
    String lastInventoryUpdateTimestamp,
    String lastContactTimestamp,
    Location location,
    Ios ios,
    List<ExtensionAttribute> extensionAttributes,
    String assetTag,
    String osSupplementalBuildVersion,
    String osRapidSecurityResponse,
    String bluetoothMacAddress,
    String timeZone,
    String initialEntryTimestamp,
    String lastEnrollmentTimestamp,
    String mdmProfileExpirationTimestamp,
    String deviceOwnershipLevel,
    String enrollmentMethod,
    Boolean declarativeDeviceManagementEnabled,
    IdAndName site,
    TvOs tvos,
    List<Group> groups) {

  /** One extension attribute with this device's value (ExtensionAttributeV2). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExtensionAttribute(String id, String name, String type, List<String> value) {}

  /** Who has the device (LocationV2); department and building are ids. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Location(
      String username,
      String realName,
      String emailAddress,
      String position,
      String departmentId,
      String buildingId,
      String room,
      String phoneNumber) {}

  /** A site ({@code -1}/{@code None} when the device belongs to none). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record IdAndName(String id, String name) {}

  /** A mobile device group the device belongs to (MobileDeviceInventoryGroup). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Group(String groupId, String groupName, Boolean smart) {}

  /** The iOS/iPadOS block (DetailsV2, without the unlock token); null for other device types. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ios(
      String model,
      String modelIdentifier,
      Boolean supervised,
      Integer batteryLevel,
      Integer capacityMb,
      Integer availableMb,
      String modelNumber,
      String batteryHealth,
      Integer percentageUsed,
      Boolean shared,
      Boolean deviceLocatorServiceEnabled,
      Boolean cloudBackupEnabled,
      String lastCloudBackupTimestamp,
      Boolean locationServicesEnabled,
      Purchasing purchasing,
      Security security,
      Network network,
      List<App> applications,
      List<Certificate> certificates,
      List<Profile> configurationProfiles) {}

  /** The tvOS block (TvOsDetails, without the AirPlay password); null for other device types. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TvOs(
      String model,
      String modelIdentifier,
      String modelNumber,
      Boolean supervised,
      Purchasing purchasing,
      List<App> applications,
      List<Certificate> certificates,
      List<Profile> configurationProfiles) {}

  /** PurchasingV2. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Purchasing(
      Boolean purchased,
      Boolean leased,
      String poNumber,
      String poDate,
      String vendor,
      String appleCareId,
      String purchasePrice,
      String warrantyExpiresDate,
      String leaseExpiresDate,
      Integer lifeExpectancy) {}

  /** SecurityV2, without the bootstrap token itself. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Security(
      Boolean dataProtected,
      Boolean passcodePresent,
      Boolean passcodeCompliant,
      Boolean passcodeCompliantWithProfile,
      Integer hardwareEncryption,
      Boolean activationLockEnabled,
      Boolean jailBreakDetected,
      String attestationStatus,
      String bootstrapTokenEscrowed) {}

  /** NetworkV2: the cellular part is empty on Wi-Fi-only devices. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Network(
      String cellularTechnology,
      String imei,
      String iccid,
      String currentCarrierNetwork,
      String homeCarrierNetwork,
      Boolean roaming,
      Boolean dataRoamingEnabled,
      Boolean voiceRoamingEnabled,
      Boolean personalHotspotEnabled,
      String phoneNumber) {}

  /** An installed app (MobileDeviceApplication). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record App(String identifier, String name, String version, String shortVersion) {}

  /** An installed certificate (MobileDeviceCertificateV2). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Certificate(
      String commonName, Boolean identity, String expirationDateEpoch, String certificateStatus) {}

  /** An installed configuration profile (ConfigurationProfile). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Profile(String displayName, String version, String uuid, String identifier) {}
}
