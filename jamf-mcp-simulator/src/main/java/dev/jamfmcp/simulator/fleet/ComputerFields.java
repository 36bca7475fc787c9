package dev.jamfmcp.simulator.fleet;

import dev.jamfmcp.simulator.rsql.Field;
import dev.jamfmcp.simulator.rsql.FieldSet;

/**
 * The filter and sort fields of {@code GET /api/v3/computers-inventory}, named as in the contract's
 * parameter descriptions. Only fields the contract lists as sortable are sortable.
 */
public final class ComputerFields {
  private ComputerFields() {}

  public static FieldSet of(Computers c) {
    return FieldSet.builder()
        .number("id", c::id, true)
        .string("udid", c::udid, true)
        .string("general.name", c::name, true)
        .string("general.assetTag", c::assetTag, true)
        .date("general.lastContactTime", c::lastContactMillis, true)
        // the v4 inventory's names (11.30+); the fleet's one contact time serves both
        .date("general.lastContact", c::lastContactMillis, true)
        .date("general.lastCheckIn", c::lastContactMillis, true)
        .date("general.reportDate", c::reportDateMillis, true)
        .date("general.lastEnrolledDate", c::enrolledMillis, true)
        .string("general.lastReportedIp", c::lastReportedIp, false)
        .string("general.lastReportedIpV4", c::lastReportedIp, false)
        .string("general.lastIpAddress", c::lastIpAddress, false)
        .string("general.managementId", c::managementId, false)
        .date("general.mdmProfileExpiration", c::mdmProfileExpirationMillis, true)
        .bool("general.remoteManagement.managed", c::managed)
        .string("general.platform", row -> "Mac", true)
        .bool("general.supervised", c::supervised)
        .bool(
            "general.enrolledViaAutomatedDeviceEnrollment", c::enrolledViaAutomatedDeviceEnrollment)
        .string("hardware.make", row -> "Apple", true)
        .string("hardware.model", row -> c.model(row).model(), true)
        .string("hardware.modelIdentifier", row -> c.model(row).modelIdentifier(), false)
        .string("hardware.serialNumber", c::serialNumber, false)
        .string("hardware.macAddress", c::macAddress, false)
        .bool("hardware.appleSilicon", row -> c.model(row).appleSilicon())
        .string("operatingSystem.name", row -> c.os(row).name(), true)
        .string("operatingSystem.version", row -> c.os(row).version(), true)
        .string("operatingSystem.build", row -> c.os(row).build(), true)
        .string("operatingSystem.fileVault2Status", c::fileVault2Status, false)
        .bool("security.firewallEnabled", c::firewallCollected, c::firewallEnabled)
        .bool("security.activationLockEnabled", c::activationLockEnabled)
        .bool("security.recoveryLockEnabled", c::recoveryLockEnabled)
        .bool("diskEncryption.fileVault2Enabled", c::fileVaultCollected, c::fileVault2Enabled)
        .string("userAndLocation.username", c::username, false)
        .string("userAndLocation.realname", c::realname, true)
        .string("userAndLocation.email", c::email, false)
        .number("userAndLocation.departmentId", row -> orNull(c.departmentId(row)), false)
        .number("userAndLocation.buildingId", row -> orNull(c.buildingId(row)), false)
        .build();
  }

  private static long orNull(int id) {
    return id == 0 ? Field.NULL : id;
  }
}
