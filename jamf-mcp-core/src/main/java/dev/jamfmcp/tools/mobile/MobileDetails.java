package dev.jamfmcp.tools.mobile;

import dev.jamfmcp.jamf.mobile.MobileDeviceDetail;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSecurity;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.tools.devices.OrgDirectory;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What getMobileDeviceDetails answers, from {@code GET /api/v2/mobile-devices/{id}/detail} and the
 * inventory row that resolved the device (the only place Jamf reports lost mode). Always: the
 * general block and the counts of apps, profiles and certificates; the rest by {@link Section}.
 * iPhones and iPads have hardware, security and network blocks; an Apple TV has none of security
 * and network, and no battery: those come back null (Jamf does not report them), never made up.
 * Secrets of the record (unlock token, bootstrap token, AirPlay password) are never read.
 */
final class MobileDetails {
  /** Sections a caller can ask for; GENERAL and the counts always come. */
  enum Section {
    HARDWARE,
    SECURITY,
    USER_AND_LOCATION,
    NETWORK,
    PURCHASING,
    APPLICATIONS,
    CONFIGURATION_PROFILES,
    CERTIFICATES,
    EXTENSION_ATTRIBUTES,
    GROUPS
  }

  /** The lean default. */
  static final Set<Section> DEFAULT =
      EnumSet.of(Section.HARDWARE, Section.SECURITY, Section.USER_AND_LOCATION);

  private MobileDetails() {}

  static ObjectNode of(
      ToolSupport support,
      OrgDirectory org,
      MobileDeviceDetail d,
      MobileDeviceInventory row,
      Set<Section> sections) {
    ObjectNode out = Json.object();
    out.put("id", d.id());
    out.put("ref", "mobile:" + d.id());
    out.put("name", d.name());
    out.put("serial", d.serialNumber());
    out.put("type", d.type());
    out.put("url", support.links().mobileDevice(d.id()));
    MobileDeviceDetail.Ios ios = d.ios();
    MobileDeviceDetail.TvOs tv = d.tvos();
    general(out.putObject("general"), d, ios, tv);
    ObjectNode counts = out.putObject("counts");
    counts.put(
        "applications",
        size(ios != null ? ios.applications() : tv == null ? null : tv.applications()));
    counts.put(
        "configurationProfiles",
        size(
            ios != null
                ? ios.configurationProfiles()
                : tv == null ? null : tv.configurationProfiles()));
    counts.put(
        "certificates",
        size(ios != null ? ios.certificates() : tv == null ? null : tv.certificates()));
    for (Section s : sections) {
      switch (s) {
        case HARDWARE -> hardware(out.putObject("hardware"), d, ios, tv);
        case SECURITY ->
            security(out, ios == null ? null : ios.security(), row == null ? null : row.security());
        case USER_AND_LOCATION -> userAndLocation(out.putObject("userAndLocation"), org, d, row);
        case NETWORK -> network(out, ios == null ? null : ios.network());
        case PURCHASING ->
            out.set(
                "purchasing",
                Json.mapper()
                    .valueToTree(
                        ios != null ? ios.purchasing() : tv == null ? null : tv.purchasing()));
        case APPLICATIONS ->
            apps(out, ios != null ? ios.applications() : tv == null ? null : tv.applications());
        case CONFIGURATION_PROFILES ->
            list(
                out,
                "configurationProfiles",
                ios != null
                    ? ios.configurationProfiles()
                    : tv == null ? null : tv.configurationProfiles());
        case CERTIFICATES ->
            list(
                out,
                "certificates",
                ios != null ? ios.certificates() : tv == null ? null : tv.certificates());
        case EXTENSION_ATTRIBUTES -> list(out, "extensionAttributes", d.extensionAttributes());
        case GROUPS -> list(out, "groups", d.groups());
      }
    }
    return out;
  }

  private static void general(
      ObjectNode g, MobileDeviceDetail d, MobileDeviceDetail.Ios ios, MobileDeviceDetail.TvOs tv) {
    g.put("udid", d.udid());
    g.put("managementId", blankToNull(d.managementId()));
    g.put("managed", d.managed());
    g.put("supervised", ios != null ? ios.supervised() : tv == null ? null : tv.supervised());
    g.put("osVersion", d.osVersion());
    g.put("osBuild", d.osBuild());
    g.put("osRapidSecurityResponse", blankToNull(d.osRapidSecurityResponse()));
    g.put("ipAddress", blankToNull(d.ipAddress()));
    g.put("wifiMacAddress", blankToNull(d.wifiMacAddress()));
    g.put("enrollmentMethod", blankToNull(d.enrollmentMethod()));
    g.put("ownership", blankToNull(d.deviceOwnershipLevel()));
    g.put("lastEnrolled", d.lastEnrollmentTimestamp());
    g.put("lastInventoryUpdate", d.lastInventoryUpdateTimestamp());
    g.put("lastContact", d.lastContactTimestamp());
    g.put("mdmProfileExpiration", d.mdmProfileExpirationTimestamp());
    var site = d.site();
    g.put("site", site == null || "-1".equals(site.id()) ? null : site.name());
    g.put("assetTag", blankToNull(d.assetTag()));
  }

  private static void hardware(
      ObjectNode h, MobileDeviceDetail d, MobileDeviceDetail.Ios ios, MobileDeviceDetail.TvOs tv) {
    h.put("model", ios != null ? ios.model() : tv == null ? null : tv.model());
    h.put(
        "modelIdentifier",
        ios != null ? ios.modelIdentifier() : tv == null ? null : tv.modelIdentifier());
    h.put("modelNumber", ios != null ? ios.modelNumber() : tv == null ? null : tv.modelNumber());
    h.put("capacityMb", ios == null ? null : ios.capacityMb());
    h.put("availableMb", ios == null ? null : ios.availableMb());
    h.put("percentageUsed", ios == null ? null : ios.percentageUsed());
    h.put("batteryLevel", ios == null ? null : ios.batteryLevel());
    h.put("batteryHealth", ios == null ? null : ios.batteryHealth());
    h.put("bluetoothMacAddress", blankToNull(d.bluetoothMacAddress()));
  }

  private static void security(
      ObjectNode out, MobileDeviceDetail.Security s, MobileDeviceSecurity inventory) {
    if (s == null) {
      out.putNull("security");
      return;
    }
    ObjectNode n = out.putObject("security");
    n.put("passcodePresent", s.passcodePresent());
    n.put("passcodeCompliant", s.passcodeCompliant());
    n.put("passcodeCompliantWithProfile", s.passcodeCompliantWithProfile());
    n.put("dataProtected", s.dataProtected());
    n.put("hardwareEncryption", s.hardwareEncryption());
    n.put("activationLockEnabled", s.activationLockEnabled());
    n.put("lostModeEnabled", inventory == null ? null : inventory.lostModeEnabled());
    n.put("jailBreakDetected", s.jailBreakDetected());
    n.put("attestationStatus", s.attestationStatus());
    n.put("bootstrapTokenEscrowed", s.bootstrapTokenEscrowed());
  }

  private static void network(ObjectNode out, MobileDeviceDetail.Network n) {
    if (n == null) {
      out.putNull("network");
      return;
    }
    ObjectNode o = out.putObject("network");
    o.put("cellularTechnology", blankToNull(n.cellularTechnology()));
    o.put("currentCarrier", blankToNull(n.currentCarrierNetwork()));
    o.put("homeCarrier", blankToNull(n.homeCarrierNetwork()));
    o.put("roaming", n.roaming());
    o.put("dataRoamingEnabled", n.dataRoamingEnabled());
    o.put("voiceRoamingEnabled", n.voiceRoamingEnabled());
    o.put("personalHotspotEnabled", n.personalHotspotEnabled());
    o.put("phoneNumber", blankToNull(n.phoneNumber()));
    o.put("imei", blankToNull(n.imei()));
    o.put("iccid", blankToNull(n.iccid()));
  }

  private static void userAndLocation(
      ObjectNode u, OrgDirectory org, MobileDeviceDetail d, MobileDeviceInventory row) {
    var loc = d.location();
    var rowLoc = row == null ? null : row.userAndLocation();
    u.put("username", loc == null ? null : blankToNull(loc.username()));
    u.put("realName", loc == null ? null : blankToNull(loc.realName()));
    u.put("email", loc == null ? null : blankToNull(loc.emailAddress()));
    u.put("position", loc == null ? null : blankToNull(loc.position()));
    u.put("phone", loc == null ? null : blankToNull(loc.phoneNumber()));
    u.put(
        "department",
        rowLoc != null && rowLoc.department() != null
            ? rowLoc.department()
            : loc == null ? null : org.departmentName(loc.departmentId()));
    u.put(
        "building",
        rowLoc != null && rowLoc.building() != null
            ? rowLoc.building()
            : loc == null ? null : org.buildingName(loc.buildingId()));
    u.put("room", loc == null ? null : blankToNull(loc.room()));
  }

  private static void apps(ObjectNode out, List<MobileDeviceDetail.App> apps) {
    if (apps == null) {
      out.putNull("applications");
      return;
    }
    ArrayNode list = out.putArray("applications");
    for (MobileDeviceDetail.App a : apps) {
      list.addObject()
          .put("name", a.name())
          .put("identifier", a.identifier())
          .put("version", a.shortVersion() != null ? a.shortVersion() : a.version());
    }
  }

  private static void list(ObjectNode out, String name, List<?> items) {
    if (items == null) {
      out.putNull(name);
    } else {
      out.set(name, Json.mapper().valueToTree(items));
    }
  }

  private static Integer size(List<?> items) {
    return items == null ? null : items.size();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
