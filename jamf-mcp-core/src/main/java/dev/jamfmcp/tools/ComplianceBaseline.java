package dev.jamfmcp.tools;

import java.util.Locale;
import java.util.Objects;

/**
 * What "compliant" means for checkComplianceBaseline: each check of a device is passed, failed or
 * unknown (Jamf Pro did not collect the value; never counted as passed or failed). A check is off
 * when its days are 0, its version is empty (or "off") or its switch is false. The executable reads
 * it from {@code MCP_COMPLIANCE_BASELINE}; each tool call may override any field.
 *
 * @param checkInDays a device fails after this many days without checking in (never = failed)
 * @param inventoryDays a device fails when its last inventory is older than this many days
 * @param minMacOsVersion lowest macOS version that passes, e.g. "15.0"
 * @param minIosVersion lowest iOS/iPadOS version that passes, e.g. "18.0"
 * @param fileVault Macs must have FileVault on (ALL_ENCRYPTED or BOOT_ENCRYPTED)
 * @param sip Macs must have System Integrity Protection on
 * @param gatekeeper Macs must have Gatekeeper on
 * @param firewall Macs must have the firewall on
 * @param mdmProfileDays the MDM profile must stay valid at least this many more days
 * @param bootstrapToken Macs must have their bootstrap token escrowed
 * @param supervision iPhones and iPads must be supervised
 */
public record ComplianceBaseline(
    int checkInDays,
    int inventoryDays,
    String minMacOsVersion,
    String minIosVersion,
    boolean fileVault,
    boolean sip,
    boolean gatekeeper,
    boolean firewall,
    int mdmProfileDays,
    boolean bootstrapToken,
    boolean supervision) {

  /** The defaults: every check on; macOS 14 and iOS 18 or newer; 30 days everywhere. */
  public static final ComplianceBaseline DEFAULT =
      new ComplianceBaseline(30, 30, "14.0", "18.0", true, true, true, true, 30, true, true);

  public ComplianceBaseline {
    minMacOsVersion = version("minMacOsVersion", minMacOsVersion);
    minIosVersion = version("minIosVersion", minIosVersion);
    days("checkInDays", checkInDays);
    days("inventoryDays", inventoryDays);
    days("mdmProfileDays", mdmProfileDays);
  }

  /**
   * {@link #DEFAULT} changed by {@code key=value} pairs separated by commas, e.g. {@code
   * "checkInDays=14,minMacOsVersion=15.0,bootstrapToken=false"}; keys are the field names. Blank:
   * the defaults. Throws IllegalArgumentException naming the bad key or value.
   */
  public static ComplianceBaseline parse(String spec) {
    ComplianceBaseline b = DEFAULT;
    if (spec == null || spec.isBlank()) {
      return b;
    }
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value, got '" + pair.trim() + "'");
      }
      b = b.with(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return b;
  }

  /** A copy with one field set from text ("30", "15.0", "true"). */
  public ComplianceBaseline with(String key, String value) {
    Objects.requireNonNull(value, "value");
    Fields f = new Fields(this);
    switch (key) {
      case "checkInDays" -> f.checkInDays = integer(key, value);
      case "inventoryDays" -> f.inventoryDays = integer(key, value);
      case "minMacOsVersion" -> f.minMacOsVersion = value;
      case "minIosVersion" -> f.minIosVersion = value;
      case "fileVault" -> f.fileVault = bool(key, value);
      case "sip" -> f.sip = bool(key, value);
      case "gatekeeper" -> f.gatekeeper = bool(key, value);
      case "firewall" -> f.firewall = bool(key, value);
      case "mdmProfileDays" -> f.mdmProfileDays = integer(key, value);
      case "bootstrapToken" -> f.bootstrapToken = bool(key, value);
      case "supervision" -> f.supervision = bool(key, value);
      default ->
          throw new IllegalArgumentException(
              "unknown compliance check '"
                  + key
                  + "' (known: checkInDays, inventoryDays, minMacOsVersion, minIosVersion,"
                  + " fileVault, sip, gatekeeper, firewall, mdmProfileDays, bootstrapToken,"
                  + " supervision)");
    }
    return f.build();
  }

  /** A baseline's fields, to change one and build the copy (the record is immutable). */
  private static final class Fields {
    int checkInDays;
    int inventoryDays;
    String minMacOsVersion;
    String minIosVersion;
    boolean fileVault;
    boolean sip;
    boolean gatekeeper;
    boolean firewall;
    int mdmProfileDays;
    boolean bootstrapToken;
    boolean supervision;

    Fields(ComplianceBaseline b) {
      checkInDays = b.checkInDays;
      inventoryDays = b.inventoryDays;
      minMacOsVersion = b.minMacOsVersion;
      minIosVersion = b.minIosVersion;
      fileVault = b.fileVault;
      sip = b.sip;
      gatekeeper = b.gatekeeper;
      firewall = b.firewall;
      mdmProfileDays = b.mdmProfileDays;
      bootstrapToken = b.bootstrapToken;
      supervision = b.supervision;
    }

    ComplianceBaseline build() {
      return new ComplianceBaseline(
          checkInDays,
          inventoryDays,
          minMacOsVersion,
          minIosVersion,
          fileVault,
          sip,
          gatekeeper,
          firewall,
          mdmProfileDays,
          bootstrapToken,
          supervision);
    }
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number of days, got '" + value + "'");
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    };
  }

  private static void days(String key, int value) {
    if (value < 0 || value > 3650) {
      throw new IllegalArgumentException(key + " must be 0 (off) to 3650 days, got " + value);
    }
  }

  private static String version(String key, String value) {
    String v = value == null ? "" : value.trim();
    if (v.equalsIgnoreCase("off")) {
      v = "";
    }
    if (!v.isEmpty() && !v.matches("[0-9]{1,3}(\\.[0-9]{1,3}){0,2}")) {
      throw new IllegalArgumentException(
          key + " must be a version like 15 or 15.3 or 15.3.1 (empty: off), got '" + value + "'");
    }
    return v;
  }
}
