package dev.jamfmcp.simulator.fleet;

/**
 * An iPhone or iPad. Mobile fleets are small, so one record each is compact enough. {@code
 * unlockToken} (base64) is what Jamf escrowed to clear the passcode; null when it has none.
 */
public record MobileDevice(
    int id,
    String name,
    String serialNumber,
    String udid,
    String managementId,
    String model,
    String modelIdentifier,
    String modelNumber,
    String osVersion,
    String osBuild,
    String username,
    String realName,
    String email,
    int departmentId,
    int buildingId,
    long lastContactMillis,
    long lastInventoryMillis,
    long enrolledMillis,
    String ipAddress,
    String wifiMacAddress,
    String bluetoothMacAddress,
    boolean supervised,
    String phoneNumber,
    int capacityMb,
    int availableMb,
    int batteryLevel,
    long mdmProfileExpirationMillis,
    String unlockToken,
    int siteId) {

  /** Site names by id (1, 2, ...); 0 is none. */
  public String siteName() {
    return siteId == 0 ? "None" : Computers.SITES.get(siteId - 1);
  }

  public boolean iPad() {
    return model.startsWith("iPad");
  }
}
