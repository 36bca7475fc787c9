package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.ComputerModel;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.ConfigProfile;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import dev.jamfmcp.simulator.inventory.ExtensionAttributeValues;
import dev.jamfmcp.simulator.inventory.InstalledApps;
import tools.jackson.core.JsonGenerator;

/**
 * The inventory sections beyond the everyday four: security, encryption, groups, profiles, apps.
 */
final class ComputerExtraSections {
  private final Fleet fleet;
  private final Computers c;
  private final Scoping scoping;
  private final AdminObjects objects;

  ComputerExtraSections(Fleet fleet, Scoping scoping) {
    this.fleet = fleet;
    this.objects = AdminObjects.of(fleet);
    this.c = fleet.computers();
    this.scoping = scoping;
  }

  void diskEncryption(JsonGenerator json, int row) {
    boolean enabled = c.fileVault2Enabled(row);
    if (!c.fileVaultCollected(row)) {
      notCollectedDiskEncryption(json);
      return;
    }
    json.writeStartObject();
    json.writeObjectPropertyStart("bootPartitionEncryptionDetails");
    json.writeStringProperty("partitionName", "Macintosh HD (Boot Partition)");
    json.writeStringProperty("partitionFileVault2State", enabled ? "ENCRYPTED" : "UNENCRYPTED");
    json.writeNumberProperty("partitionFileVault2Percent", enabled ? 100 : 0);
    json.writeEndObject();
    json.writeStringProperty(
        "individualRecoveryKeyValidityStatus", enabled ? "VALID" : "NOT_APPLICABLE");
    json.writeBooleanProperty("institutionalRecoveryKeyPresent", false);
    json.writeStringProperty(
        "diskEncryptionConfigurationName", enabled ? "FileVault Enforcement" : "");
    json.writeBooleanProperty("fileVault2Enabled", enabled);
    json.writeArrayPropertyStart("fileVault2EnabledUserNames");
    if (enabled && !c.username(row).isEmpty()) {
      json.writeString(c.username(row));
    }
    json.writeEndArray();
    json.writeStringProperty("fileVault2EligibilityMessage", "Eligible");
    json.writeEndObject();
  }

  /** What Jamf Pro shows for a Mac whose inventory did not report FileVault. */
  private static void notCollectedDiskEncryption(JsonGenerator json) {
    json.writeStartObject();
    json.writeNullProperty("bootPartitionEncryptionDetails");
    json.writeStringProperty("individualRecoveryKeyValidityStatus", "UNKNOWN");
    json.writeBooleanProperty("institutionalRecoveryKeyPresent", false);
    json.writeNullProperty("diskEncryptionConfigurationName");
    json.writeNullProperty("fileVault2Enabled");
    json.writeArrayPropertyStart("fileVault2EnabledUserNames");
    json.writeEndArray();
    json.writeNullProperty("fileVault2EligibilityMessage");
    json.writeEndObject();
  }

  void security(JsonGenerator json, int row) {
    ComputerModel m = c.model(row);
    json.writeStartObject();
    json.writeStringProperty("sipStatus", c.sipStatus(row));
    json.writeStringProperty("gatekeeperStatus", c.gatekeeperStatus(row));
    json.writeStringProperty("xprotectVersion", "5321");
    json.writeBooleanProperty("autoLoginDisabled", true);
    json.writeBooleanProperty("remoteDesktopEnabled", false);
    json.writeBooleanProperty("activationLockEnabled", c.activationLockEnabled(row));
    json.writeBooleanProperty("recoveryLockEnabled", c.recoveryLockEnabled(row));
    if (c.firewallCollected(row)) {
      json.writeBooleanProperty("firewallEnabled", c.firewallEnabled(row));
    } else {
      json.writeNullProperty("firewallEnabled");
    }
    json.writeStringProperty(
        "secureBootLevel", m.appleSilicon() ? "FULL_SECURITY" : "MEDIUM_SECURITY");
    json.writeStringProperty(
        "externalBootLevel",
        m.appleSilicon() ? "NOT_SUPPORTED" : "DISALLOW_BOOTING_FROM_EXTERNAL_MEDIA");
    json.writeBooleanProperty("bootstrapTokenAllowed", c.managed(row) && c.supervised(row));
    json.writeStringProperty("bootstrapTokenEscrowedStatus", c.bootstrapTokenEscrowedStatus(row));
    json.writeNullProperty("lastAttestationAttempt");
    json.writeNullProperty("lastSuccessfulAttestation");
    json.writeNullProperty("attestationStatus");
    json.writeEndObject();
  }

  void purchasing(JsonGenerator json, int row) {
    json.writeStartObject();
    json.writeBooleanProperty("leased", false);
    json.writeBooleanProperty("purchased", true);
    json.writeStringProperty("poNumber", "PO-" + (10000 + row % 5000));
    json.writeStringProperty("poDate", Dates.date(c.enrolledMillis(row)));
    json.writeStringProperty("vendor", "Apple");
    json.writeStringProperty(
        "warrantyDate", Dates.date(c.enrolledMillis(row) + 3L * 365 * 86_400_000));
    json.writeNullProperty("appleCareId");
    json.writeNullProperty("leaseDate");
    json.writeNullProperty("purchasePrice");
    json.writeNumberProperty("lifeExpectancy", 4);
    json.writeNullProperty("purchasingAccount");
    json.writeNullProperty("purchasingContact");
    json.writeArrayPropertyStart("extensionAttributes");
    json.writeEndArray();
    json.writeEndObject();
  }

  /** ComputerExtensionAttribute items: every definition, with this Mac's value. */
  void extensionAttributes(JsonGenerator json, int row) {
    json.writeStartArray();
    for (ExtensionAttributeValues.Value v : ExtensionAttributeValues.computer(objects, c, row)) {
      AdminObjects.ExtensionAttribute a = v.definition();
      json.writeStartObject();
      json.writeStringProperty("definitionId", String.valueOf(a.id()));
      json.writeStringProperty("name", a.name());
      json.writeStringProperty("description", a.description());
      json.writeBooleanProperty("enabled", a.enabled());
      json.writeBooleanProperty("multiValue", false);
      json.writeArrayPropertyStart("values");
      v.values().forEach(json::writeString);
      json.writeEndArray();
      json.writeStringProperty("dataType", a.dataType());
      json.writeArrayPropertyStart("options");
      if (a.inputType().equals("POPUP")) {
        ExtensionAttributeValues.COST_CENTERS.forEach(json::writeString);
      }
      json.writeEndArray();
      json.writeStringProperty("inputType", a.inputType());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  void applications(JsonGenerator json, int row) {
    json.writeStartArray();
    int i = 0;
    for (InstalledApps.App app : InstalledApps.forRow(fleet.seed(), row)) {
      json.writeStartObject();
      json.writeStringProperty("name", app.name() + ".app");
      json.writeStringProperty("path", "/Applications/" + app.name() + ".app");
      json.writeStringProperty("version", app.version());
      json.writeStringProperty("cfBundleShortVersionString", app.version());
      json.writeStringProperty("cfBundleVersion", app.version());
      json.writeBooleanProperty("macAppStore", app.macAppStore());
      json.writeNumberProperty("sizeMegabytes", 100 + i++ * 37);
      json.writeStringProperty("bundleId", app.bundleId());
      json.writeBooleanProperty("updateAvailable", false);
      json.writeStringProperty("externalVersionId", "0");
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  void storage(JsonGenerator json, int row) {
    int sizeMb = c.model(row).storageGigabytes() * 1024;
    json.writeStartObject();
    json.writeNumberProperty(
        "bootDriveAvailableSpaceMegabytes", sizeMb / 4 + (row * 7919) % (sizeMb / 2));
    json.writeArrayPropertyStart("disks");
    json.writeStartObject();
    json.writeStringProperty("id", String.valueOf(row + 1));
    json.writeStringProperty("device", "disk0");
    json.writeStringProperty("model", "APPLE SSD");
    json.writeStringProperty("revision", "1.0");
    json.writeStringProperty("serialNumber", c.serialNumber(row) + "SSD");
    json.writeNumberProperty("sizeMegabytes", sizeMb);
    json.writeStringProperty("smartStatus", "Verified");
    json.writeStringProperty("type", "SSD");
    json.writeArrayPropertyStart("partitions");
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  void packageReceipts(JsonGenerator json) {
    json.writeStartObject();
    for (String key : new String[] {"installedByJamfPro", "installedByInstallerSwu", "cached"}) {
      json.writeArrayPropertyStart(key);
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  void configurationProfiles(JsonGenerator json, int row) {
    int id = c.id(row);
    json.writeStartArray();
    for (ConfigProfile profile : fleet.macProfiles()) {
      if (scoping.computerInScope(profile.scope(), id)) {
        json.writeStartObject();
        json.writeStringProperty("id", String.valueOf(profile.id()));
        json.writeStringProperty("username", "");
        json.writeStringProperty(
            "lastInstalled", Dates.instant(c.enrolledMillis(row) + 60_000L * profile.id()));
        json.writeBooleanProperty("removable", false);
        json.writeStringProperty("displayName", profile.name());
        json.writeStringProperty("profileIdentifier", profile.payloadIdentifier());
        json.writeStringProperty("uuid", profile.uuid());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  void groupMemberships(JsonGenerator json, int row) {
    json.writeStartArray();
    for (SmartGroupStore.Group group :
        scoping.smartGroups().all(SmartGroupStore.Platform.COMPUTER)) {
      if (group.contains(row)) {
        membership(json, group.id(), group.name(), group.description(), true);
      }
    }
    for (StaticGroup group : scoping.staticGroups().all()) {
      if (scoping.staticGroups().contains(group.id(), c.id(row))) {
        membership(json, group.id(), group.name(), group.description(), false);
      }
    }
    json.writeEndArray();
  }

  private static void membership(
      JsonGenerator json, int id, String name, String description, boolean smart) {
    json.writeStartObject();
    json.writeStringProperty("groupId", String.valueOf(id));
    json.writeStringProperty("groupName", name);
    json.writeStringProperty("groupDescription", description);
    json.writeBooleanProperty("smartGroup", smart);
    json.writeEndObject();
  }
}
