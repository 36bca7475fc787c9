package dev.jamfmcp.jamf.scripts;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;

/**
 * Scripts. Jamf has no "run this script now" call: scripts run from policies. Obtain from {@code
 * JamfClient.scripts()}.
 */
public final class Scripts {

  private final Transport transport;

  static {
    Operations.register(Scripts.class, Scripts::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Scripts(Transport transport) {
    this.transport = transport;
  }

  public Listing<Script> list(ListQuery query) {
    return transport.list(Endpoints.SCRIPTS.request(), query, Script.class);
  }

  public Script get(String id) {
    return transport.json(Endpoints.SCRIPT.request(id), Script.class);
  }
}
