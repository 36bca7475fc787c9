package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.ExtensionAttributeValues;
import dev.jamfmcp.simulator.inventory.MobileDeviceContents;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * The three mobile device shapes: {@code MobileDeviceV2}, the iOS inventory record, and {@code
 * MobileDeviceDetailsV2}.
 */
final class MobileDeviceWriter {
  /** Section name and JSON key, in the order of {@code MobileDeviceIosInventory}. */
  private static final String[][] ARRAY_SECTIONS = {
    {"APPLICATIONS", "applications"},
    {"CERTIFICATES", "certificates"},
    {"PROFILES", "profiles"},
    {"GROUPS", "groups"}
  };

  private final Fleet fleet;
  private final AdminObjects objects;
  private final MobileDeviceContents contents;

  MobileDeviceWriter(Fleet fleet) {
    this.fleet = fleet;
    this.objects = AdminObjects.of(fleet);
    this.contents = new MobileDeviceContents(fleet);
  }

  /**
   * MobileDeviceExtensionAttribute (inventory, with {@code inventoryDisplay}) or
   * ExtensionAttributeV2 (detail) items: every definition with this device's value.
   */
  private void extensionAttributes(JsonGenerator json, MobileDevice d, boolean inventory) {
    json.writeStartArray();
    for (ExtensionAttributeValues.Value v : ExtensionAttributeValues.mobile(objects, d)) {
      json.writeStartObject();
      json.writeStringProperty("id", String.valueOf(v.definition().id()));
      json.writeStringProperty("name", v.definition().name());
      json.writeStringProperty("type", v.definition().dataType());
      json.writeArrayPropertyStart("value");
      v.values().forEach(json::writeString);
      json.writeEndArray();
      json.writeBooleanProperty("extensionAttributeCollectionAllowed", false);
      if (inventory) {
        json.writeStringProperty("inventoryDisplay", "Extension Attributes");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  void summary(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(d.id()));
    json.writeStringProperty("name", d.name());
    json.writeStringProperty("serialNumber", d.serialNumber());
    json.writeStringProperty("wifiMacAddress", d.wifiMacAddress());
    json.writeStringProperty("udid", d.udid());
    json.writeStringProperty("phoneNumber", d.phoneNumber());
    json.writeStringProperty("model", d.model());
    json.writeStringProperty("modelIdentifier", d.modelIdentifier());
    json.writeStringProperty("username", d.username());
    json.writeStringProperty("type", d.type());
    json.writeStringProperty("managementId", d.managementId());
    json.writeStringProperty("softwareUpdateDeviceId", d.modelIdentifier());
    json.writeEndObject();
  }

  void inventory(JsonGenerator json, MobileDevice d, Set<String> sections) {
    json.writeStartObject();
    json.writeStringProperty("mobileDeviceId", String.valueOf(d.id()));
    json.writeStringProperty("deviceType", d.appleTv() ? "tvOS" : "iOS");
    json.writeName("hardware");
    if (sections.contains("HARDWARE")) {
      hardware(json, d);
    } else {
      json.writeNull();
    }
    json.writeName("userAndLocation");
    if (sections.contains("USER_AND_LOCATION")) {
      userAndLocation(json, d);
    } else {
      json.writeNull();
    }
    for (String[] section : ARRAY_SECTIONS) {
      emptyArrayOrNull(json, section[1], sections.contains(section[0]));
    }
    json.writeName("extensionAttributes");
    if (sections.contains("EXTENSION_ATTRIBUTES")) {
      extensionAttributes(json, d, true);
    } else {
      json.writeNull();
    }
    json.writeName("general");
    if (sections.contains("GENERAL")) {
      general(json, d);
    } else {
      json.writeNull();
    }
    objectOrNull(json, "security", sections.contains("SECURITY"), () -> security(json, d));
    emptyArrayOrNull(json, "ebooks", sections.contains("EBOOKS"));
    objectOrNull(json, "network", sections.contains("NETWORK"), () -> network(json, d));
    emptyArrayOrNull(json, "serviceSubscriptions", sections.contains("SERVICE_SUBSCRIPTIONS"));
    emptyArrayOrNull(json, "provisioningProfiles", sections.contains("PROVISIONING_PROFILES"));
    emptyArrayOrNull(json, "sharedUsers", sections.contains("SHARED_USERS"));
    objectOrNull(json, "purchasing", sections.contains("PURCHASING"), () -> purchasing(json, d));
    emptyArrayOrNull(json, "userProfiles", sections.contains("USER_PROFILES"));
    json.writeEndObject();
  }

  private static void objectOrNull(
      JsonGenerator json, String key, boolean requested, Runnable body) {
    json.writeName(key);
    if (requested) {
      body.run();
    } else {
      json.writeNull();
    }
  }

  private static void security(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeBooleanProperty("dataProtected", d.passcodePresent() && !d.appleTv());
    json.writeBooleanProperty("blockLevelEncryptionCapable", true);
    json.writeBooleanProperty("fileLevelEncryptionCapable", true);
    json.writeBooleanProperty("passcodePresent", d.passcodePresent() && !d.appleTv());
    json.writeBooleanProperty("passcodeCompliant", d.passcodePresent());
    json.writeBooleanProperty("passcodeCompliantWithProfile", d.passcodePresent());
    json.writeNumberProperty("hardwareEncryption", d.passcodePresent() ? 3 : 1);
    json.writeBooleanProperty("activationLockEnabled", activationLock(d));
    json.writeBooleanProperty("jailBreakDetected", false);
    json.writeBooleanProperty("lostModeEnabled", d.lostMode());
    json.writeBooleanProperty("lostModePersistent", d.lostMode());
    json.writeStringProperty(
        "bootstrapTokenEscrowed", d.supervised() ? "ESCROWED" : "NOT_ESCROWED");
    json.writeEndObject();
  }

  /** Activation Lock: on for supervised iPhones and iPads (Find My); Apple TVs have none. */
  private static boolean activationLock(MobileDevice d) {
    return d.supervised() && !d.appleTv();
  }

  private static void network(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    boolean cellular = !d.iPad() && !d.appleTv();
    json.writeStringProperty("cellularTechnology", cellular ? "GSM" : "None");
    json.writeBooleanProperty("voiceRoamingEnabled", false);
    json.writeStringProperty(
        "imei",
        cellular
            ? String.format("35%06d%07d", Math.floorMod(d.id() * 7919, 1_000_000), d.id())
            : "");
    json.writeStringProperty("currentCarrierNetwork", cellular ? "AT&T" : "");
    json.writeStringProperty("homeCarrierNetwork", cellular ? "AT&T" : "");
    json.writeBooleanProperty("dataRoamingEnabled", false);
    json.writeBooleanProperty("roaming", false);
    json.writeBooleanProperty("personalHotspotEnabled", false);
    json.writeStringProperty("phoneNumber", d.phoneNumber());
    json.writeEndObject();
  }

  private static void purchasing(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeBooleanProperty("purchased", true);
    json.writeBooleanProperty("leased", false);
    json.writeStringProperty("vendor", "Apple");
    json.writeStringProperty("poDate", Dates.date(d.enrolledMillis()));
    json.writeNumberProperty("lifeExpectancy", 3);
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void emptyArrayOrNull(JsonGenerator json, String key, boolean requested) {
    json.writeName(key);
    if (requested) {
      json.writeStartArray();
      json.writeEndArray();
    } else {
      json.writeNull();
    }
  }

  private void general(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("udid", d.udid());
    json.writeStringProperty("displayName", d.name());
    json.writeStringProperty("assetTag", "");
    json.writeStringProperty("siteId", d.siteId() == 0 ? "-1" : String.valueOf(d.siteId()));
    json.writeStringProperty("lastInventoryUpdateDate", Dates.instant(d.lastInventoryMillis()));
    json.writeStringProperty("lastContactDate", Dates.instant(d.lastContactMillis()));
    json.writeStringProperty("osVersion", d.osVersion());
    json.writeStringProperty("osRapidSecurityResponse", "");
    json.writeStringProperty("osBuild", d.osBuild());
    json.writeStringProperty("osSupplementalBuildVersion", "");
    json.writeStringProperty("softwareUpdateDeviceId", d.modelIdentifier());
    json.writeStringProperty("ipAddress", d.ipAddress());
    json.writeBooleanProperty("managed", d.managed());
    json.writeBooleanProperty("supervised", d.supervised());
    json.writeStringProperty("deviceOwnershipType", "Institutional");
    json.writeNullProperty("enrollmentMethodPrestage");
    json.writeBooleanProperty("enrollmentSessionTokenValid", false);
    json.writeStringProperty("lastEnrolledDate", Dates.instant(d.enrolledMillis()));
    json.writeStringProperty(
        "mdmProfileExpirationDate", Dates.instant(d.mdmProfileExpirationMillis()));
    json.writeStringProperty("timeZone", "America/Los_Angeles");
    json.writeBooleanProperty("declarativeDeviceManagementEnabled", true);
    json.writeStringProperty("managementId", d.managementId());
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void hardware(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeNumberProperty("capacityMb", d.capacityMb());
    json.writeNumberProperty("availableSpaceMb", d.availableMb());
    json.writeNumberProperty("usedSpacePercentage", 100 - d.availableMb() * 100 / d.capacityMb());
    batteryLevel(json, d);
    json.writeStringProperty("batteryHealth", batteryHealth(d));
    json.writeStringProperty("serialNumber", d.serialNumber());
    json.writeStringProperty("wifiMacAddress", d.wifiMacAddress());
    json.writeStringProperty("bluetoothMacAddress", d.bluetoothMacAddress());
    json.writeStringProperty("modemFirmwareVersion", d.iPad() || d.appleTv() ? "" : "1.05.01");
    json.writeStringProperty("model", d.model());
    json.writeStringProperty("modelIdentifier", d.modelIdentifier());
    json.writeStringProperty("modelNumber", d.modelNumber());
    json.writeBooleanProperty("bluetoothLowEnergyCapable", true);
    json.writeStringProperty("deviceId", String.valueOf(d.id()));
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  private void userAndLocation(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("username", d.username());
    json.writeStringProperty("realName", d.realName());
    json.writeStringProperty("emailAddress", d.email());
    json.writeStringProperty("position", "");
    json.writeStringProperty("phoneNumber", d.phoneNumber());
    json.writeStringProperty("departmentId", String.valueOf(d.departmentId()));
    json.writeStringProperty("buildingId", String.valueOf(d.buildingId()));
    json.writeStringProperty("room", "");
    json.writeStringProperty("building", fleet.buildings().get(d.buildingId() - 1).name());
    json.writeStringProperty("department", fleet.departments().get(d.departmentId() - 1).name());
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  /** No battery (Apple TV): Jamf leaves the level out. */
  private static void batteryLevel(JsonGenerator json, MobileDevice d) {
    if (d.batteryLevel() < 0) {
      json.writeNullProperty("batteryLevel");
    } else {
      json.writeNumberProperty("batteryLevel", d.batteryLevel());
    }
  }

  /** UNSUPPORTED without a battery, UNKNOWN when no longer managed (not collected). */
  private static String batteryHealth(MobileDevice d) {
    if (d.appleTv()) {
      return "UNSUPPORTED";
    }
    if (!d.managed()) {
      return "UNKNOWN";
    }
    return d.batteryLevel() < 30 ? "SERVICE_RECOMMENDED" : "NORMAL";
  }

  /** MobileDeviceDetailsGetV2: the {@code ios} or the {@code tvos} block, by device type. */
  void details(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(d.id()));
    json.writeStringProperty("name", d.name());
    json.writeBooleanProperty("enforceName", false);
    json.writeStringProperty("assetTag", "");
    json.writeStringProperty(
        "lastInventoryUpdateTimestamp", Dates.instant(d.lastInventoryMillis()));
    json.writeStringProperty("lastContactTimestamp", Dates.instant(d.lastContactMillis()));
    json.writeStringProperty("osVersion", d.osVersion());
    json.writeStringProperty("osBuild", d.osBuild());
    json.writeStringProperty("osSupplementalBuildVersion", "");
    json.writeStringProperty("osRapidSecurityResponse", "");
    json.writeStringProperty("softwareUpdateDeviceId", d.modelIdentifier());
    json.writeStringProperty("serialNumber", d.serialNumber());
    json.writeStringProperty("udid", d.udid());
    json.writeStringProperty("ipAddress", d.ipAddress());
    json.writeStringProperty("wifiMacAddress", d.wifiMacAddress());
    json.writeStringProperty("bluetoothMacAddress", d.bluetoothMacAddress());
    json.writeBooleanProperty("managed", d.managed());
    json.writeStringProperty("timeZone", "America/Los_Angeles");
    json.writeStringProperty("initialEntryTimestamp", Dates.instant(d.enrolledMillis()));
    json.writeStringProperty("lastEnrollmentTimestamp", Dates.instant(d.enrolledMillis()));
    if (d.managed()) {
      json.writeStringProperty(
          "mdmProfileExpirationTimestamp", Dates.instant(d.mdmProfileExpirationMillis()));
    } else {
      json.writeNullProperty("mdmProfileExpirationTimestamp");
    }
    json.writeStringProperty("deviceOwnershipLevel", "institutional");
    json.writeStringProperty(
        "enrollmentMethod",
        d.supervised() ? "Automated Device Enrollment" : "User-initiated - no invitation");
    json.writeBooleanProperty("enrollmentSessionTokenValid", false);
    json.writeBooleanProperty("declarativeDeviceManagementEnabled", d.managed());
    json.writeObjectPropertyStart("site");
    json.writeStringProperty("id", d.siteId() == 0 ? "-1" : String.valueOf(d.siteId()));
    json.writeStringProperty("name", d.siteName());
    json.writeEndObject();
    json.writeName("extensionAttributes");
    extensionAttributes(json, d, false);
    json.writeObjectPropertyStart("location");
    json.writeStringProperty("username", d.username());
    json.writeStringProperty("realName", d.realName());
    json.writeStringProperty("emailAddress", d.email());
    json.writeStringProperty("position", "");
    json.writeStringProperty("phoneNumber", d.phoneNumber());
    json.writeStringProperty("departmentId", String.valueOf(d.departmentId()));
    json.writeStringProperty("buildingId", String.valueOf(d.buildingId()));
    json.writeStringProperty("room", d.appleTv() ? "Conference Room " + d.id() : "");
    json.writeEndObject();
    json.writeStringProperty("type", d.type());
    json.writeName("ios");
    if (d.appleTv()) {
      json.writeNull();
    } else {
      ios(json, d);
    }
    json.writeName("tvos");
    if (d.appleTv()) {
      tvos(json, d);
    } else {
      json.writeNull();
    }
    json.writeNullProperty("watchos");
    json.writeNullProperty("visionos");
    json.writeStringProperty("managementId", d.managementId());
    json.writeArrayPropertyStart("groups");
    for (AdminObjects.MobileGroup g : objects.mobileGroups()) {
      if (g.memberIds().contains(d.id())) {
        json.writeStartObject();
        json.writeStringProperty("groupId", String.valueOf(g.id()));
        json.writeStringProperty("groupName", g.name());
        json.writeStringProperty("groupDescription", g.description());
        json.writeBooleanProperty("smart", g.smart());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void ios(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("model", d.model());
    json.writeStringProperty("modelIdentifier", d.modelIdentifier());
    json.writeStringProperty("modelNumber", d.modelNumber());
    json.writeBooleanProperty("supervised", d.supervised());
    batteryLevel(json, d);
    json.writeStringProperty("batteryHealth", batteryHealth(d));
    json.writeNumberProperty("capacityMb", d.capacityMb());
    json.writeNumberProperty("availableMb", d.availableMb());
    json.writeNumberProperty("percentageUsed", 100 - d.availableMb() * 100 / d.capacityMb());
    json.writeBooleanProperty("shared", false);
    json.writeBooleanProperty("deviceLocatorServiceEnabled", true);
    json.writeBooleanProperty("cloudBackupEnabled", false);
    json.writeBooleanProperty("locationServicesEnabled", true);
    json.writeBooleanProperty("bleCapable", true);
    json.writeStringProperty("unlockToken", d.unlockToken());
    json.writeName("purchasing");
    purchasingV2(json, d);
    json.writeObjectPropertyStart("security");
    json.writeBooleanProperty("dataProtected", d.passcodePresent());
    json.writeBooleanProperty("blockLevelEncryptionCapable", true);
    json.writeBooleanProperty("fileLevelEncryptionCapable", true);
    json.writeBooleanProperty("passcodePresent", d.passcodePresent());
    json.writeBooleanProperty("passcodeCompliant", d.passcodePresent());
    json.writeBooleanProperty("passcodeCompliantWithProfile", d.passcodePresent());
    json.writeNumberProperty("hardwareEncryption", d.passcodePresent() ? 3 : 1);
    json.writeBooleanProperty("activationLockEnabled", activationLock(d));
    json.writeBooleanProperty("jailBreakDetected", false);
    json.writeStringProperty("attestationStatus", d.managed() ? "SUCCESS" : "PENDING");
    // Jamf escrows it for supervised devices; a secret the server never shows
    json.writeStringProperty("bootstrapToken", d.supervised() ? "c2VjcmV0LWJvb3RzdHJhcA==" : "");
    json.writeStringProperty(
        "bootstrapTokenEscrowed", d.supervised() ? "ESCROWED" : "NOT_ESCROWED");
    json.writeEndObject();
    json.writeName("network");
    network(json, d);
    apps(json, d);
    certificates(json, d);
    profiles(json, d);
    json.writeEndObject();
  }

  private void tvos(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeStringProperty("model", d.model());
    json.writeStringProperty("modelIdentifier", d.modelIdentifier());
    json.writeStringProperty("modelNumber", d.modelNumber());
    json.writeBooleanProperty("supervised", d.supervised());
    // the AirPlay password, a secret the server never shows
    json.writeStringProperty("airplayPassword", "airplay-" + d.id());
    json.writeStringProperty("deviceId", String.valueOf(d.id()));
    json.writeStringProperty("locales", "en_US");
    json.writeName("purchasing");
    purchasingV2(json, d);
    profiles(json, d);
    certificates(json, d);
    apps(json, d);
    json.writeEndObject();
  }

  private static void purchasingV2(JsonGenerator json, MobileDevice d) {
    json.writeStartObject();
    json.writeBooleanProperty("purchased", true);
    json.writeBooleanProperty("leased", false);
    json.writeStringProperty("poNumber", "PO-" + (20000 + d.id()));
    json.writeStringProperty("vendor", "Apple");
    json.writeStringProperty("appleCareId", "");
    json.writeStringProperty("purchasePrice", d.appleTv() ? "149" : d.iPad() ? "599" : "799");
    json.writeStringProperty("purchasingAccount", "");
    json.writeStringProperty("poDate", Dates.date(d.enrolledMillis()));
    json.writeStringProperty(
        "warrantyExpiresDate", Dates.date(d.enrolledMillis() + 365L * 24 * 3600 * 1000));
    json.writeStringProperty("leaseExpiresDate", "");
    json.writeNumberProperty("lifeExpectancy", 3);
    json.writeStringProperty("purchasingContact", "");
    json.writeEndObject();
  }

  private void apps(JsonGenerator json, MobileDevice d) {
    json.writeArrayPropertyStart("applications");
    for (MobileDeviceContents.App a : contents.apps(d)) {
      json.writeStartObject();
      json.writeStringProperty("identifier", a.identifier());
      json.writeStringProperty("name", a.name());
      json.writeStringProperty("version", a.version());
      json.writeStringProperty("shortVersion", a.version());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void certificates(JsonGenerator json, MobileDevice d) {
    json.writeArrayPropertyStart("certificates");
    for (MobileDeviceContents.Certificate c : contents.certificates(d)) {
      json.writeStartObject();
      json.writeStringProperty("commonName", c.commonName());
      json.writeBooleanProperty("identity", c.identity());
      json.writeStringProperty("expirationDateEpoch", String.valueOf(c.expiresMillis()));
      json.writeStringProperty("subjectName", "CN=" + c.commonName());
      json.writeStringProperty("certificateStatus", c.status());
      json.writeStringProperty("lifecycleStatus", "ACTIVE");
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void profiles(JsonGenerator json, MobileDevice d) {
    json.writeArrayPropertyStart("configurationProfiles");
    for (MobileDeviceContents.Profile p : contents.profiles(d)) {
      json.writeStartObject();
      json.writeStringProperty("displayName", p.displayName());
      json.writeStringProperty("version", "1");
      json.writeStringProperty("uuid", p.uuid());
      json.writeStringProperty("identifier", p.identifier());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
