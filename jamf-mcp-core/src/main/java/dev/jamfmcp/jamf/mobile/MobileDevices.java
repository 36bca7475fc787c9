package dev.jamfmcp.jamf.mobile;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Mobile devices ({@code /api/v2/mobile-devices}). Obtain from {@code JamfClient.mobileDevices()}.
 */
public final class MobileDevices {

  private final Transport transport;

  static {
    Operations.register(MobileDevices.class, MobileDevices::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private MobileDevices(Transport transport) {
    this.transport = transport;
  }

  /** The short list; this endpoint pages and sorts but takes no filter and no sections. */
  public Listing<MobileDevice> list(ListQuery query) {
    if (query.filter() != null || !query.sections().isEmpty()) {
      throw new IllegalArgumentException(
          "/api/v2/mobile-devices takes no filter or sections; use inventory()");
    }
    return transport.list(Endpoints.MOBILE_DEVICES.request(), query, MobileDevice.class);
  }

  /**
   * Inventory rows with the chosen sections, filterable (e.g. {@code serialNumber}, {@code
   * username}).
   */
  public Listing<MobileDeviceInventory> inventory(ListQuery query) {
    return transport.list(
        Endpoints.MOBILE_DEVICES_DETAIL.request(), query, MobileDeviceInventory.class);
  }

  /**
   * The inventory rows whose field is one of the values for any of the fields of {@code anyOf}
   * (e.g. {@code serialNumber}, {@code displayName}), each device once, at most {@code limit}: in
   * several requests when the values would not fit one URL of 4 KB.
   */
  public List<MobileDeviceInventory> inventoryAnyIn(
      ListQuery query, Map<String, ? extends Collection<?>> anyOf, int limit) {
    return transport.listAnyIn(
        Endpoints.MOBILE_DEVICES_DETAIL.request(),
        query,
        anyOf,
        MobileDeviceInventory.class,
        Map.of(),
        MobileDeviceInventory::mobileDeviceId,
        limit);
  }

  /**
   * The unlock token Jamf Pro escrowed for one device ({@code ios.unlockToken} of its detail),
   * which CLEAR_PASSCODE needs; null when it has none. A secret: never log or show it.
   */
  public String unlockToken(String id) {
    UnlockTokenOnly detail =
        transport.json(Endpoints.MOBILE_DEVICE_DETAIL.request(id), UnlockTokenOnly.class);
    return detail.ios() == null ? null : detail.ios().unlockToken();
  }

  /** Reads the token alone, so no record that tools print ever holds it. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record UnlockTokenOnly(Ios ios) {
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Ios(String unlockToken) {}
  }

  /** Everything about one device. */
  public MobileDeviceDetail detail(String id) {
    return transport.json(Endpoints.MOBILE_DEVICE_DETAIL.request(id), MobileDeviceDetail.class);
  }
}
