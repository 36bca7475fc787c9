package dev.jamfmcp.simulator.fleet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The computers of a fleet as parallel arrays indexed by row ({@code id = row + 1}): about 200
 * bytes a computer, so 100,000 computers fit in a few tens of megabytes. Values that are pure
 * functions of the seed and the row (UUIDs, MAC address, asset tag) are computed on read. Immutable
 * after generation and therefore safe to read from any thread.
 */
public final class Computers {
  /** The last entry, null, is a Mac whose inventory did not report FileVault. */
  public static final String[] FILE_VAULT_STATUSES = {
    "ALL_ENCRYPTED", "BOOT_ENCRYPTED", "NOT_ENCRYPTED", "SOME_ENCRYPTED", null
  };

  public static final String[] SIP_STATUSES = {
    "ENABLED", "DISABLED", "NOT_COLLECTED", "NOT_AVAILABLE"
  };
  public static final String[] GATEKEEPER_STATUSES = {
    "APP_STORE_AND_IDENTIFIED_DEVELOPERS", "APP_STORE", "DISABLED", "NOT_COLLECTED"
  };

  /** The last entry, null, is not collected. */
  public static final String[] BOOTSTRAP_TOKEN_STATUSES = {
    "ESCROWED", "NOT_ESCROWED", "NOT_SUPPORTED", null
  };

  /** Sites by id (1, 2, ...); 0 is Jamf's "None" (-1 in the API). */
  public static final List<String> SITES = List.of("Field Offices", "EMEA");

  static final int FILE_VAULT_NOT_COLLECTED = 4;
  static final int SIP_NOT_COLLECTED = 2;
  static final int SIP_NOT_AVAILABLE = 3;
  static final int GATEKEEPER_NOT_COLLECTED = 3;
  static final int BOOTSTRAP_NOT_COLLECTED = 3;

  /** {@link #lastContact} and {@link #reportDate} of a Mac that never checked in. */
  static final long NEVER = dev.jamfmcp.simulator.rsql.Field.NULL;

  static final int FIREWALL = 1;
  static final int SUPERVISED = 1 << 1;
  static final int AUTOMATED_ENROLLMENT = 1 << 2;
  static final int ACTIVATION_LOCK = 1 << 3;
  static final int RECOVERY_LOCK = 1 << 4;
  static final int ASSET_TAG = 1 << 5;

  // bits of {@link #state}
  static final int UNMANAGED = 1;
  static final int FIREWALL_NOT_COLLECTED = 1 << 1;

  private final long seed;
  final String[] name;
  final String[] serial;
  final byte[] model;
  final byte[] os;
  final byte[] department; // 0 = none
  final byte[] building; // 0 = none
  final String[] username; // "" = no assigned user
  final String[] realname;
  final long[] lastContact; // epoch millis, NEVER when the Mac never checked in
  final long[] reportDate; // NEVER when no inventory was ever submitted
  final long[] enrolled;
  final int[] ip;
  final byte[] fileVault;
  final byte[] sip;
  final byte[] gatekeeper;
  final byte[] flags;
  final byte[] state; // UNMANAGED, FIREWALL_NOT_COLLECTED
  final long[] mdmProfileExpiration; // NEVER when there is no MDM profile
  final byte[] bootstrapToken;
  final byte[] site; // 0 = none

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
    state = new byte[size];
    mdmProfileExpiration = new long[size];
    bootstrapToken = new byte[size];
    site = new byte[size];
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

  /**
   * Epoch millis of the last check-in, or {@link dev.jamfmcp.simulator.rsql.Field#NULL} if never.
   */
  public long lastContactMillis(int row) {
    return lastContact[row];
  }

  /** True for a computer record that never checked in (no contact time, no inventory). */
  public boolean neverCheckedIn(int row) {
    return lastContact[row] == NEVER;
  }

  /** Epoch millis of the last inventory, or {@link dev.jamfmcp.simulator.rsql.Field#NULL}. */
  public long reportDateMillis(int row) {
    return reportDate[row];
  }

  public long enrolledMillis(int row) {
    return enrolled[row];
  }

  /** The last check-in, or null when the computer never checked in. */
  public Instant lastContact(int row) {
    return neverCheckedIn(row) ? null : Instant.ofEpochMilli(lastContact[row]);
  }

  /** The MDM profile's expiry (epoch millis), or {@code Field.NULL} when it has none. */
  public long mdmProfileExpirationMillis(int row) {
    return mdmProfileExpiration[row];
  }

  /** False for a Mac Jamf Pro knows but does not manage (no MDM profile, no management id). */
  public boolean managed(int row) {
    return (state[row] & UNMANAGED) == 0;
  }

  /** Jamf's site id (1, 2, ...), or 0 for none. */
  public int siteId(int row) {
    return site[row];
  }

  /** The site's name, or "None". */
  public String siteName(int row) {
    return site[row] == 0 ? "None" : SITES.get(site[row] - 1);
  }

  /** ESCROWED, NOT_ESCROWED, NOT_SUPPORTED, or null when not collected. */
  public String bootstrapTokenEscrowedStatus(int row) {
    return BOOTSTRAP_TOKEN_STATUSES[bootstrapToken[row]];
  }

  /** One of the contract's enum values, or null when not collected. */
  public String fileVault2Status(int row) {
    return FILE_VAULT_STATUSES[fileVault[row]];
  }

  /** True when encrypted; false when not, or not collected (see {@link #fileVaultCollected}). */
  public boolean fileVault2Enabled(int row) {
    return fileVault[row] <= 1;
  }

  /** False when the inventory did not report FileVault. */
  public boolean fileVaultCollected(int row) {
    return fileVault[row] != FILE_VAULT_NOT_COLLECTED;
  }

  public String sipStatus(int row) {
    return SIP_STATUSES[sip[row]];
  }

  public String gatekeeperStatus(int row) {
    return GATEKEEPER_STATUSES[gatekeeper[row]];
  }

  /** True when on; false when off, or not collected (see {@link #firewallCollected}). */
  public boolean firewallEnabled(int row) {
    return firewallCollected(row) && (flags[row] & FIREWALL) != 0;
  }

  /** False when the inventory did not report the firewall. */
  public boolean firewallCollected(int row) {
    return (state[row] & FIREWALL_NOT_COLLECTED) == 0;
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

  /** The MDM management id, or null for an unmanaged Mac. */
  public String managementId(int row) {
    return managed(row) ? uuid(row, 0x3A9EL).toString() : null;
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
