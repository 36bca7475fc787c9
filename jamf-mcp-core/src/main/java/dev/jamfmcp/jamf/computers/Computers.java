package dev.jamfmcp.jamf.computers;

import dev.jamfmcp.jamf.JamfProVersion;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Computer inventory: {@code /api/v4/computers-inventory} on Jamf Pro 11.30 and later, {@code
 * /api/v3/computers-inventory} before (chosen from the server's version, read once). Filter and
 * sort fields keep their v3 names ({@code general.lastContactTime}); on v4 they are sent as v4
 * names ({@code general.lastContact}). Obtain from {@code JamfClient.computers()}.
 */
public final class Computers {

  /** v3 filter and sort field names that v4 renamed. */
  private static final Map<String, String> V4_FIELDS =
      Map.of("general.lastContactTime", "general.lastContact");

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
    Endpoint endpoint = inventory();
    return transport.list(endpoint.request(), query, Computer.class, renames(endpoint));
  }

  /**
   * The same list as {@link #list(ListQuery)}, as Jamf's own JSON: for callers that pass sections
   * through unchanged (every field Jamf sends, not only those the records name; on v4 the general
   * section says {@code lastContact} and {@code lastCheckIn} where v3 said {@code
   * lastContactTime}).
   */
  public Listing<JsonNode> listJson(ListQuery query) {
    Endpoint endpoint = inventory();
    return transport.list(endpoint.request(), query, JsonNode.class, renames(endpoint));
  }

  /**
   * The computers whose {@code field} is one of {@code values} for any of the fields of {@code
   * anyOf} (e.g. {@code id}, {@code hardware.serialNumber}), each at most once, at most {@code
   * limit}: in several requests when the values would not fit one URL of 4 KB. {@code query} gives
   * sections, sort and any further filter.
   */
  public List<Computer> listAnyIn(
      ListQuery query, Map<String, ? extends Collection<?>> anyOf, int limit) {
    Endpoint endpoint = inventory();
    return transport.listAnyIn(
        endpoint.request(), query, anyOf, Computer.class, renames(endpoint), Computer::id, limit);
  }

  /**
   * FileVault of one computer ({@code personalRecoveryKey}, validity, configuration), as Jamf's
   * JSON. The key is a secret: show it only to a person who approved seeing it.
   */
  public JsonNode fileVault(String id) {
    Endpoint endpoint =
        transport.choose(
            Endpoints.COMPUTER_FILEVAULT,
            JamfProVersion.INVENTORY_V4,
            Endpoints.COMPUTER_FILEVAULT_V3);
    return transport.json(endpoint.request(id), JsonNode.class);
  }

  /** The device-lock PIN of one computer ({@code {"pin": "123456"}}); a secret. */
  public JsonNode deviceLockPin(String id) {
    Endpoint endpoint =
        transport.choose(
            Endpoints.COMPUTER_DEVICE_LOCK_PIN,
            JamfProVersion.INVENTORY_V4,
            Endpoints.COMPUTER_DEVICE_LOCK_PIN_V3);
    return transport.json(endpoint.request(id), JsonNode.class);
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
    Endpoint endpoint =
        transport.choose(
            Endpoints.COMPUTER_DETAIL, JamfProVersion.INVENTORY_V4, Endpoints.COMPUTER_DETAIL_V3);
    return transport.json(endpoint.request(id), Computer.class);
  }

  private Endpoint inventory() {
    return transport.choose(
        Endpoints.COMPUTERS_INVENTORY,
        JamfProVersion.INVENTORY_V4,
        Endpoints.COMPUTERS_INVENTORY_V3);
  }

  private static Map<String, String> renames(Endpoint endpoint) {
    return endpoint == Endpoints.COMPUTERS_INVENTORY ? V4_FIELDS : Map.of();
  }
}
