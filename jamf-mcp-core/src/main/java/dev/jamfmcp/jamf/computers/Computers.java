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

  /** Every section of one computer. */
  public Computer detail(String id) {
    return transport.json(Endpoints.COMPUTER_DETAIL.request(id), Computer.class);
  }
}
