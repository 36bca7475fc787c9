package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.ComputerModel;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.OsRelease;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * Streams one {@code ComputerInventoryV3} object. Every section key is always written, as {@code
 * null} when not requested, matching what Jamf Pro sends.
 */
final class ComputerWriter {
  private final Computers c;
  private final ComputerExtraSections extra;
  private final boolean v4;

  /**
   * {@code v4}: the general section of ComputerInventoryV4 ({@code lastContact} and {@code
   * lastCheckIn} in place of {@code lastContactTime}; no deprecated {@code lastReportedIp}).
   */
  ComputerWriter(Computers computers, ComputerExtraSections extra, boolean v4) {
    this.c = computers;
    this.extra = extra;
    this.v4 = v4;
  }

  void write(JsonGenerator json, int row, Set<String> sections) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(c.id(row)));
    json.writeStringProperty("udid", c.udid(row));
    section(json, sections, "GENERAL", "general", () -> general(json, row));
    section(
        json, sections, "DISK_ENCRYPTION", "diskEncryption", () -> extra.diskEncryption(json, row));
    section(json, sections, "PURCHASING", "purchasing", () -> extra.purchasing(json, row));
    section(json, sections, "APPLICATIONS", "applications", () -> extra.applications(json, row));
    section(json, sections, "STORAGE", "storage", () -> extra.storage(json, row));
    section(
        json, sections, "USER_AND_LOCATION", "userAndLocation", () -> userAndLocation(json, row));
    section(
        json,
        sections,
        "CONFIGURATION_PROFILES",
        "configurationProfiles",
        () -> extra.configurationProfiles(json, row));
    section(json, sections, "PRINTERS", "printers", () -> emptyArray(json));
    section(json, sections, "SERVICES", "services", () -> emptyArray(json));
    section(json, sections, "HARDWARE", "hardware", () -> hardware(json, row));
    section(json, sections, "LOCAL_USER_ACCOUNTS", "localUserAccounts", () -> emptyArray(json));
    section(json, sections, "CERTIFICATES", "certificates", () -> emptyArray(json));
    section(json, sections, "ATTACHMENTS", "attachments", () -> emptyArray(json));
    section(
        json, sections, "PACKAGE_RECEIPTS", "packageReceipts", () -> extra.packageReceipts(json));
    section(json, sections, "SECURITY", "security", () -> extra.security(json, row));
    section(
        json, sections, "OPERATING_SYSTEM", "operatingSystem", () -> operatingSystem(json, row));
    section(json, sections, "LICENSED_SOFTWARE", "licensedSoftware", () -> emptyArray(json));
    section(json, sections, "IBEACONS", "ibeacons", () -> emptyArray(json));
    section(json, sections, "SOFTWARE_UPDATES", "softwareUpdates", () -> emptyArray(json));
    section(
        json,
        sections,
        "EXTENSION_ATTRIBUTES",
        "extensionAttributes",
        () -> extra.extensionAttributes(json, row));
    // no simulated Mac is a content caching server, and Jamf reports null for those
    section(json, sections, "CONTENT_CACHING", "contentCaching", () -> json.writeNull());
    section(
        json,
        sections,
        "GROUP_MEMBERSHIPS",
        "groupMemberships",
        () -> extra.groupMemberships(json, row));
    json.writeEndObject();
  }

  private static void section(
      JsonGenerator json, Set<String> sections, String section, String key, Runnable body) {
    json.writeName(key);
    if (sections.contains(section)) {
      body.run();
    } else {
      json.writeNull();
    }
  }

  private static void emptyArray(JsonGenerator json) {
    json.writeStartArray();
    json.writeEndArray();
  }

  private void general(JsonGenerator json, int row) {
    String user = c.username(row);
    String userOrNull = user.isEmpty() ? null : user;
    String contact = Dates.instantOrNull(c.lastContactMillis(row));
    boolean managed = c.managed(row);
    json.writeStartObject();
    json.writeStringProperty("name", c.name(row));
    json.writeStringProperty("lastIpAddress", c.lastIpAddress(row));
    if (!v4) {
      json.writeStringProperty("lastReportedIp", c.lastReportedIp(row));
    }
    json.writeStringProperty("lastReportedIpV4", c.lastReportedIp(row));
    json.writeNullProperty("lastReportedIpV6");
    json.writeStringProperty("jamfBinaryVersion", SimulatorConfig.JAMF_PRO_VERSION);
    json.writeStringProperty("platform", "Mac");
    json.writeNullProperty("barcode1");
    json.writeNullProperty("barcode2");
    json.writeStringProperty("assetTag", c.assetTag(row));
    json.writeObjectPropertyStart("remoteManagement");
    json.writeBooleanProperty("managed", managed);
    json.writeStringProperty("managementUsername", managed ? "jamfmanage" : null);
    json.writeEndObject();
    json.writeBooleanProperty("supervised", c.supervised(row));
    json.writeObjectPropertyStart("mdmCapable");
    json.writeBooleanProperty("capable", managed);
    json.writeArrayPropertyStart("capableUsers");
    if (userOrNull != null && managed) {
      json.writeString(user);
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("userManagementInfo");
    json.writeEndArray();
    json.writeEndObject();
    json.writeStringProperty("reportDate", Dates.instantOrNull(c.reportDateMillis(row)));
    if (v4) {
      // The fleet keeps one contact time: the agent's check-in is also the last contact.
      json.writeStringProperty("lastContact", contact);
      json.writeStringProperty("lastCheckIn", contact);
    } else {
      json.writeStringProperty("lastContactTime", contact);
    }
    json.writeNullProperty("lastCloudBackupDate");
    json.writeStringProperty("lastEnrolledDate", Dates.instant(c.enrolledMillis(row)));
    json.writeStringProperty(
        "mdmProfileExpiration", Dates.instantOrNull(c.mdmProfileExpirationMillis(row)));
    json.writeStringProperty("initialEntryDate", Dates.date(c.enrolledMillis(row)));
    json.writeNullProperty("distributionPoint");
    json.writeObjectPropertyStart("enrollmentMethod");
    boolean ade = c.enrolledViaAutomatedDeviceEnrollment(row);
    json.writeStringProperty("id", ade ? "1" : "-1");
    json.writeStringProperty(
        "objectName", ade ? "Corporate Macs" : "User-initiated - no invitation");
    json.writeStringProperty("objectType", ade ? "Automated Device Enrollment" : "User-initiated");
    json.writeEndObject();
    json.writeObjectPropertyStart("site");
    json.writeStringProperty("id", c.siteId(row) == 0 ? "-1" : String.valueOf(c.siteId(row)));
    json.writeStringProperty("name", c.siteName(row));
    json.writeEndObject();
    json.writeBooleanProperty("itunesStoreAccountActive", false);
    json.writeBooleanProperty("enrolledViaAutomatedDeviceEnrollment", ade);
    json.writeBooleanProperty("userApprovedMdm", managed);
    json.writeBooleanProperty("declarativeDeviceManagementEnabled", c.os(row).major() >= 14);
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeStringProperty("managementId", c.managementId(row));
    boolean seen = userOrNull != null && contact != null;
    json.writeStringProperty("lastLoggedInUsernameSelfService", seen ? user : null);
    json.writeStringProperty("lastLoggedInUsernameSelfServiceTimestamp", seen ? contact : null);
    json.writeStringProperty("lastLoggedInUsernameBinary", seen ? user : null);
    json.writeStringProperty("lastLoggedInUsernameBinaryTimestamp", seen ? contact : null);
    json.writeStringProperty("lastLoggedInUsernameMdm", seen ? user : null);
    json.writeStringProperty("lastLoggedInUsernameMdmTimestamp", seen ? contact : null);
    json.writeEndObject();
  }

  private void userAndLocation(JsonGenerator json, int row) {
    json.writeStartObject();
    json.writeStringProperty("username", c.username(row));
    json.writeStringProperty("realname", c.realname(row));
    json.writeStringProperty("email", c.email(row));
    json.writeStringProperty("position", "");
    json.writeStringProperty("phone", "");
    json.writeStringProperty(
        "departmentId", c.departmentId(row) == 0 ? null : String.valueOf(c.departmentId(row)));
    json.writeStringProperty(
        "buildingId", c.buildingId(row) == 0 ? null : String.valueOf(c.buildingId(row)));
    json.writeStringProperty("room", "");
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  private void hardware(JsonGenerator json, int row) {
    ComputerModel m = c.model(row);
    json.writeStartObject();
    json.writeStringProperty("make", "Apple");
    json.writeStringProperty("model", m.model());
    json.writeStringProperty("modelIdentifier", m.modelIdentifier());
    json.writeStringProperty("serialNumber", c.serialNumber(row));
    json.writeNumberProperty("processorSpeedMhz", m.appleSilicon() ? 0 : 2300);
    json.writeNumberProperty("processorCount", 1);
    json.writeNumberProperty("coreCount", m.coreCount());
    json.writeStringProperty("processorType", m.processorType());
    json.writeStringProperty("processorArchitecture", m.processorArchitecture());
    json.writeNumberProperty("busSpeedMhz", 0);
    json.writeNumberProperty("cacheSizeKilobytes", 0);
    json.writeStringProperty("networkAdapterType", "IEEE80211");
    json.writeStringProperty("macAddress", c.macAddress(row));
    json.writeNullProperty("altNetworkAdapterType");
    json.writeNullProperty("altMacAddress");
    json.writeNumberProperty("totalRamMegabytes", m.ramMegabytes());
    json.writeNumberProperty("openRamSlots", 0);
    json.writeNumberProperty("batteryCapacityPercent", m.laptop() ? 80 + row % 21 : 0);
    json.writeStringProperty("batteryHealth", m.laptop() ? "NORMAL" : "UNSUPPORTED");
    json.writeStringProperty("smcVersion", m.appleSilicon() ? null : "2.29f0");
    json.writeStringProperty("nicSpeed", "n/a");
    json.writeStringProperty("opticalDrive", "");
    json.writeStringProperty("bootRom", m.appleSilicon() ? "11881.140.96" : "2075.100.3.0.3");
    json.writeBooleanProperty("bleCapable", true);
    json.writeBooleanProperty("supportsIosAppInstalls", m.appleSilicon());
    json.writeBooleanProperty("appleSilicon", m.appleSilicon());
    json.writeNullProperty("provisioningUdid");
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  private void operatingSystem(JsonGenerator json, int row) {
    OsRelease os = c.os(row);
    json.writeStartObject();
    json.writeStringProperty("name", os.name());
    json.writeStringProperty("version", os.version());
    json.writeStringProperty("build", os.build());
    json.writeNullProperty("supplementalBuildVersion");
    json.writeNullProperty("rapidSecurityResponse");
    json.writeStringProperty("activeDirectoryStatus", "Not Bound");
    json.writeStringProperty("fileVault2Status", c.fileVault2Status(row));
    json.writeStringProperty(
        "softwareUpdateDeviceId",
        c.model(row).appleSilicon()
            ? "J" + (300 + c.model(row).coreCount()) + "AP"
            : "Mac-1E7E29AD0135F9BC");
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }
}
