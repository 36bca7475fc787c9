package dev.jamfmcp.jamf.computers;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import tools.jackson.databind.JsonNode;

/**
 * Computer inventory ({@code /api/v3/computers-inventory}). Obtain from {@code
 * JamfClient.computers()}.
 */
public final class Computers {

  private final Transport transport;

  static {
    Operations.register(Computers.class, Computers::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Computers(Transport transport) {
    this.transport = transport;
  }

  /**
   * Computers matching {@code query}. Filter fields are those the schema allows, e.g. {@code
   * general.name}, {@code hardware.serialNumber}, {@code general.managementId}.
   */
  public Listing<Computer> list(ListQuery query) {
    return transport.list(Endpoints.COMPUTERS_INVENTORY.request(), query, Computer.class);
  }

  /**
   * The same list as {@link #list(ListQuery)}, as Jamf's own JSON: for callers that pass sections
   * through unchanged (every field Jamf sends, not only those the records name).
   */
  public Listing<JsonNode> listJson(ListQuery query) {
    return transport.list(Endpoints.COMPUTERS_INVENTORY.request(), query, JsonNode.class);
  }

  /**
   * FileVault of one computer ({@code personalRecoveryKey}, validity, configuration), as Jamf's
   * JSON. The key is a secret: show it only to a person who approved seeing it.
   */
  public JsonNode fileVault(String id) {
    return transport.json(Endpoints.COMPUTER_FILEVAULT.request(id), JsonNode.class);
  }

  /** The device-lock PIN of one computer ({@code {"pin": "123456"}}); a secret. */
  public JsonNode deviceLockPin(String id) {
    return transport.json(Endpoints.COMPUTER_DEVICE_LOCK_PIN.request(id), JsonNode.class);
  }

  /** The LAPS settings (rotation after viewing, automatic rotation); not secret. */
  public JsonNode lapsSettings() {
    return transport.json(Endpoints.LAPS_SETTINGS.request(), JsonNode.class);
  }

  /** The LAPS-managed admin accounts of a computer ({@code {totalCount, results}}). */
  public JsonNode lapsAccounts(String managementId) {
    return transport.json(Endpoints.LAPS_ACCOUNTS.request(managementId), JsonNode.class);
  }

  /**
   * The current password of a LAPS-managed account ({@code {"password": ...}}); a secret, and
   * viewing it starts Jamf's rotation timer.
   */
  public JsonNode lapsPassword(String managementId, String username) {
    return transport.json(Endpoints.LAPS_PASSWORD.request(managementId, username), JsonNode.class);
  }

  /** Every section of one computer. */
  public Computer detail(String id) {
    return transport.json(Endpoints.COMPUTER_DETAIL.request(id), Computer.class);
  }
}
