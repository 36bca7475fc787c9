package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.ManagedDevice;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The secrets of a Mac as Jamf Pro 11.30.1 serves them: FileVault (personal recovery key), the
 * device-lock PIN, and LAPS (settings, the managed admin accounts, an account's current password).
 * Every value is derived from the device's management id, so each device has its own and a test can
 * compute the expected one ({@link #recoveryKey}, {@link #lockPin}, {@link #lapsPassword}).
 */
final class SecretRoutes {
  static final String LAPS_ACCOUNT = "jamfadmin";

  private final Fleet fleet;

  private final List<String> versions;

  SecretRoutes(SimState state) {
    this.fleet = state.fleet();
    // v4 from Jamf Pro 11.30 on; v3 (deprecated there) on older servers and on 11.30 too
    this.versions = state.config().isAtLeast(11, 30) ? List.of("v3", "v4") : List.of("v3");
  }

  void register(Router router) {
    Computers computers = fleet.computers();
    for (String version : versions) {
      router.get(
          "/api/" + version + "/computers-inventory/{id}/filevault",
          Area.PRO,
          ex -> {
            int row = row(ex, computers);
            ex.json(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeStringProperty("computerId", Integer.toString(computers.id(row)));
                  json.writeStringProperty("name", computers.name(row));
                  boolean on = computers.fileVault2Enabled(row);
                  json.writeStringProperty(
                      "personalRecoveryKey", on ? recoveryKey(computers.managementId(row)) : null);
                  json.writeStringProperty(
                      "individualRecoveryKeyValidityStatus", on ? "VALID" : "NOT_APPLICABLE");
                  json.writeBooleanProperty("institutionalRecoveryKeyPresent", false);
                  json.writeStringProperty(
                      "diskEncryptionConfigurationName", on ? "FileVault (simulated)" : null);
                  json.writeEndObject();
                });
          });
      router.get(
          "/api/" + version + "/computers-inventory/{id}/view-device-lock-pin",
          Area.PRO,
          ex -> {
            int row = row(ex, computers);
            ex.json(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeStringProperty("pin", lockPin(computers.managementId(row)));
                  json.writeEndObject();
                });
          });
    }
    router.get(
        "/api/v2/local-admin-password/settings",
        Area.PRO,
        ex ->
            ex.json(
                200,
                json -> {
                  json.writeStartObject();
                  json.writeBooleanProperty("autoDeployEnabled", true);
                  json.writeNumberProperty("passwordRotationTime", 3600);
                  json.writeBooleanProperty("autoRotateEnabled", true);
                  json.writeNumberProperty("autoRotateExpirationTime", 7_776_000);
                  json.writeEndObject();
                }));
    router.get(
        "/api/v2/local-admin-password/{clientManagementId}/accounts",
        Area.PRO,
        ex -> {
          String managementId = computer(ex);
          ex.json(
              200,
              json -> {
                json.writeStartObject();
                json.writeNumberProperty("totalCount", 1);
                json.writeArrayPropertyStart("results");
                json.writeStartObject();
                json.writeStringProperty("clientManagementId", managementId);
                json.writeStringProperty("guid", guid(managementId));
                json.writeStringProperty("username", LAPS_ACCOUNT);
                json.writeStringProperty("userSource", "MDM");
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
              });
        });
    router.get(
        "/api/v2/local-admin-password/{clientManagementId}/account/{username}/password",
        Area.PRO,
        ex -> {
          String managementId = computer(ex);
          if (!LAPS_ACCOUNT.equals(ex.pathParam("username"))) {
            throw new NotFound("LAPS account " + ex.pathParam("username"));
          }
          ex.json(
              200,
              json -> {
                json.writeStartObject();
                json.writeStringProperty("password", lapsPassword(managementId, LAPS_ACCOUNT));
                json.writeEndObject();
              });
        });
  }

  private static int row(Exchange ex, Computers computers) {
    int row = computers.rowOf(Ids.parse(ex.pathParam("id")));
    if (row < 0) {
      throw new NotFound("Computer " + ex.pathParam("id"));
    }
    return row;
  }

  /** The management id of a computer (LAPS is for Macs), or 404. */
  private String computer(Exchange ex) {
    String managementId = ex.pathParam("clientManagementId");
    return fleet
        .deviceByManagementId(managementId)
        .filter(d -> d.kind() == ManagedDevice.Kind.COMPUTER)
        .map(d -> managementId)
        .orElseThrow(() -> new NotFound("Computer with management id " + managementId));
  }

  /** A FileVault personal recovery key: six groups of four, as Apple prints them. */
  static String recoveryKey(String managementId) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    byte[] h = hash("filevault:" + managementId);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      if (i > 0 && i % 4 == 0) {
        key.append('-');
      }
      key.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
    }
    return key.toString();
  }

  static String lockPin(String managementId) {
    byte[] h = hash("pin:" + managementId);
    int n = ((h[0] & 0xff) << 16 | (h[1] & 0xff) << 8 | (h[2] & 0xff)) % 1_000_000;
    return String.format("%06d", n);
  }

  static String lapsPassword(String managementId, String username) {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    byte[] h = hash("laps:" + username + ":" + managementId);
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
    }
    return password.toString();
  }

  private static String guid(String managementId) {
    byte[] h = hash("guid:" + managementId);
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      hex.append(String.format("%02X", h[i]));
    }
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20, 32);
  }

  private static byte[] hash(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
