package dev.jamfmcp.simulator.fleet;

/**
 * An iPhone, iPad or Apple TV. Mobile fleets are small, so one record each is compact enough.
 * {@code unlockToken} (base64) is what Jamf escrowed to clear the passcode; null when it has none.
 * {@code batteryLevel} is -1 where there is no battery (Apple TV). An unmanaged device ({@code
 * managed} false) keeps the inventory Jamf had when it was managed.
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
    int siteId,
    boolean managed,
    boolean lostMode,
    boolean passcodePresent) {

  /** Site names by id (1, 2, ...); 0 is none. */
  public String siteName() {
    return siteId == 0 ? "None" : Computers.SITES.get(siteId - 1);
  }

  public boolean iPad() {
    return model.startsWith("iPad");
  }

  public boolean appleTv() {
    return model.startsWith("Apple TV");
  }

  /** Jamf's device type of the detail endpoint: {@code ios} or {@code tvos}. */
  public String type() {
    return appleTv() ? "tvos" : "ios";
  }

  /** A copy with another unlock token. */
  public MobileDevice withUnlockToken(String token) {
    return new MobileDevice(
        id,
        name,
        serialNumber,
        udid,
        managementId,
        model,
        modelIdentifier,
        modelNumber,
        osVersion,
        osBuild,
        username,
        realName,
        email,
        departmentId,
        buildingId,
        lastContactMillis,
        lastInventoryMillis,
        enrolledMillis,
        ipAddress,
        wifiMacAddress,
        bluetoothMacAddress,
        supervised,
        phoneNumber,
        capacityMb,
        availableMb,
        batteryLevel,
        mdmProfileExpirationMillis,
        token,
        siteId,
        managed,
        lostMode,
        passcodePresent);
  }
}
