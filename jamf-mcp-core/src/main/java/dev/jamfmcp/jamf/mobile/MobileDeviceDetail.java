package dev.jamfmcp.jamf.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One device from {@code /api/v2/mobile-devices/{id}/detail} (MobileDeviceDetailsGetV2). */
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
    List<ExtensionAttribute> extensionAttributes) {

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
      String room) {}

  /** The iOS/iPadOS block (DetailsV2); null for other device types. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ios(
      String model,
      String modelIdentifier,
      Boolean supervised,
      Integer batteryLevel,
      Integer capacityMb,
      Integer availableMb) {}
}
