package dev.jamfmcp.simulator.fleet;

/** An iPhone or iPad. Mobile fleets are small, so one record each is compact enough. */
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
    int batteryLevel) {

  public boolean iPad() {
    return model.startsWith("iPad");
  }
}
