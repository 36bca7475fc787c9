package dev.jamfmcp.simulator.fleet;

import java.time.Instant;
import java.util.UUID;

/**
 * The computers of a fleet as parallel arrays indexed by row ({@code id = row + 1}): about 200
 * bytes a computer, so 100,000 computers fit in a few tens of megabytes. Values that are pure
 * functions of the seed and the row (UUIDs, MAC address, asset tag) are computed on read. Immutable
 * after generation and therefore safe to read from any thread.
 */
public final class Computers {
  public static final String[] FILE_VAULT_STATUSES = {
    "ALL_ENCRYPTED", "BOOT_ENCRYPTED", "NOT_ENCRYPTED", "SOME_ENCRYPTED"
  };
  public static final String[] SIP_STATUSES = {"ENABLED", "DISABLED"};
  public static final String[] GATEKEEPER_STATUSES = {
    "APP_STORE_AND_IDENTIFIED_DEVELOPERS", "APP_STORE", "DISABLED"
  };

  static final int FIREWALL = 1;
  static final int SUPERVISED = 1 << 1;
  static final int AUTOMATED_ENROLLMENT = 1 << 2;
  static final int ACTIVATION_LOCK = 1 << 3;
  static final int RECOVERY_LOCK = 1 << 4;
  static final int ASSET_TAG = 1 << 5;

  private final long seed;
  final String[] name;
  final String[] serial;
  final byte[] model;
  final byte[] os;
  final byte[] department; // 0 = none
  final byte[] building; // 0 = none
  final String[] username; // "" = no assigned user
  final String[] realname;
  final long[] lastContact; // epoch millis
  final long[] reportDate;
  final long[] enrolled;
  final int[] ip;
  final byte[] fileVault;
  final byte[] sip;
  final byte[] gatekeeper;
  final byte[] flags;

  Computers(long seed, int size) {
    this.seed = seed;
    name = new String[size];
    serial = new String[size];
    model = new byte[size];
    os = new byte[size];
    department = new byte[size];
    building = new byte[size];
    username = new String[size];
    realname = new String[size];
    lastContact = new long[size];
    reportDate = new long[size];
    enrolled = new long[size];
    ip = new int[size];
    fileVault = new byte[size];
    sip = new byte[size];
    gatekeeper = new byte[size];
    flags = new byte[size];
  }

  public int size() {
    return name.length;
  }

  /** The row of computer {@code id}, or -1 when there is no such computer. */
  public int rowOf(long id) {
    return id >= 1 && id <= size() ? (int) (id - 1) : -1;
  }

  public int id(int row) {
    return row + 1;
  }

  /**
   * Renames a computer, as an admin would in Jamf Pro (tests: a name that comes to point at another
   * device). Sort orders by name cached before the rename are not recomputed.
   */
  public void rename(int row, String newName) {
    name[row] = java.util.Objects.requireNonNull(newName, "newName");
  }

  public String name(int row) {
    return name[row];
  }

  public String serialNumber(int row) {
    return serial[row];
  }

  public ComputerModel model(int row) {
    return Catalog.MODELS.get(model[row]);
  }

  public OsRelease os(int row) {
    return Catalog.OS_RELEASES.get(os[row]);
  }

  /** Department id, or 0 when none is assigned. */
  public int departmentId(int row) {
    return department[row];
  }

  /** Building id, or 0 when none is assigned. */
  public int buildingId(int row) {
    return building[row];
  }

  public String username(int row) {
    return username[row];
  }

  public String realname(int row) {
    return realname[row];
  }

  public String email(int row) {
    return username[row].isEmpty() ? "" : username[row] + "@" + Catalog.EMAIL_DOMAIN;
  }

  public long lastContactMillis(int row) {
    return lastContact[row];
  }

  public long reportDateMillis(int row) {
    return reportDate[row];
  }

  public long enrolledMillis(int row) {
    return enrolled[row];
  }

  public Instant lastContact(int row) {
    return Instant.ofEpochMilli(lastContact[row]);
  }

  public String fileVault2Status(int row) {
    return FILE_VAULT_STATUSES[fileVault[row]];
  }

  public boolean fileVault2Enabled(int row) {
    return fileVault[row] <= 1;
  }

  public String sipStatus(int row) {
    return SIP_STATUSES[sip[row]];
  }

  public String gatekeeperStatus(int row) {
    return GATEKEEPER_STATUSES[gatekeeper[row]];
  }

  public boolean firewallEnabled(int row) {
    return (flags[row] & FIREWALL) != 0;
  }

  public boolean supervised(int row) {
    return (flags[row] & SUPERVISED) != 0;
  }

  public boolean enrolledViaAutomatedDeviceEnrollment(int row) {
    return (flags[row] & AUTOMATED_ENROLLMENT) != 0;
  }

  public boolean activationLockEnabled(int row) {
    return (flags[row] & ACTIVATION_LOCK) != 0;
  }

  public boolean recoveryLockEnabled(int row) {
    return (flags[row] & RECOVERY_LOCK) != 0;
  }

  /** Asset tag, or null for the computers IT never tagged. */
  public String assetTag(int row) {
    return (flags[row] & ASSET_TAG) != 0 ? String.valueOf(300000 + row) : null;
  }

  public String lastReportedIp(int row) {
    int v = ip[row];
    return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
  }

  /** The office's public address, as Jamf sees the connection. */
  public String lastIpAddress(int row) {
    return "203.0.113." + (10 + building[row]);
  }

  public String udid(int row) {
    return uuid(row, 0x5D1DL).toString().toUpperCase(java.util.Locale.ROOT);
  }

  public String managementId(int row) {
    return uuid(row, 0x3A9EL).toString();
  }

  public String macAddress(int row) {
    long mac = Hashes.mix(seed, row, 0x3AC1L);
    StringBuilder out = new StringBuilder(17);
    for (int i = 5; i >= 0; i--) {
      int octet = (int) (mac >>> (i * 8)) & 0xff;
      if (i == 5) {
        octet = (octet & 0xfc) | 0x02; // locally administered, unicast
      }
      out.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
      if (i > 0) {
        out.append(':');
      }
    }
    return out.toString().toUpperCase(java.util.Locale.ROOT);
  }

  private UUID uuid(int row, long salt) {
    long hi = Hashes.mix(seed, row, salt);
    long lo = Hashes.mix(seed, row, salt + 1);
    hi = (hi & ~0xF000L) | 0x4000L; // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(hi, lo);
  }
}
