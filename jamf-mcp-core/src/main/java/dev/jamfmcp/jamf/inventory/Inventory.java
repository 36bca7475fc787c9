package dev.jamfmcp.jamf.inventory;

import dev.jamfmcp.jamf.JamfProVersion;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.internal.Endpoint;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ClassicApp;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ComputerApplications;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ComputerHistory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.EndUser;
import dev.jamfmcp.jamf.inventory.InventoryRecords.ExtensionAttribute;
import dev.jamfmcp.jamf.inventory.InventoryRecords.GroupMobileDevice;
import dev.jamfmcp.jamf.inventory.InventoryRecords.JamfPackage;
import dev.jamfmcp.jamf.inventory.InventoryRecords.MobileDeviceGroup;
import dev.jamfmcp.jamf.inventory.InventoryRecords.MobileDeviceHistory;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Prestage;
import dev.jamfmcp.jamf.inventory.InventoryRecords.Site;
import dev.jamfmcp.jamf.inventory.InventoryRecords.SmartGroupDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Reads of the Jamf Pro API (Classic only where the Pro API has no equivalent: App Store apps and
 * device history). Obtain from {@code JamfClient.inventory()}.
 */
public final class Inventory {

  private final Transport transport;

  static {
    Operations.register(Inventory.class, Inventory::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Inventory(Transport transport) {
    this.transport = transport;
  }

  public Listing<JamfPackage> packages(ListQuery query) {
    return transport.list(Endpoints.PACKAGES.request(), query, JamfPackage.class);
  }

  /** Every site; this endpoint answers a bare array. */
  public List<Site> sites() {
    return transport.json(Endpoints.SITES.request(), new TypeReference<List<Site>>() {});
  }

  public Listing<EndUser> users(ListQuery query) {
    return transport.list(Endpoints.USERS.request(), query, EndUser.class);
  }

  public Listing<Prestage> computerPrestages(ListQuery query) {
    return transport.list(Endpoints.COMPUTER_PRESTAGES.request(), query, Prestage.class);
  }

  public Listing<Prestage> mobileDevicePrestages(ListQuery query) {
    return transport.list(Endpoints.MOBILE_PRESTAGES.request(), query, Prestage.class);
  }

  public Listing<ExtensionAttribute> computerExtensionAttributes(ListQuery query) {
    return transport.list(
        Endpoints.COMPUTER_EXTENSION_ATTRIBUTES.request(), query, ExtensionAttribute.class);
  }

  public Listing<ExtensionAttribute> mobileDeviceExtensionAttributes(ListQuery query) {
    return transport.list(
        Endpoints.MOBILE_EXTENSION_ATTRIBUTES.request(), query, ExtensionAttribute.class);
  }

  /** Mac App Store (VPP) apps; the Pro API has no list of them. */
  public List<ClassicApp> macApps() {
    return transport.classic(
        Endpoints.CLASSIC_MAC_APPS.request(),
        "mac_applications",
        new TypeReference<List<ClassicApp>>() {});
  }

  /** Mobile device apps (App Store and in-house); the Pro API has no list of them. */
  public List<ClassicApp> mobileDeviceApps() {
    return transport.classic(
        Endpoints.CLASSIC_MOBILE_APPS.request(),
        "mobile_device_applications",
        new TypeReference<List<ClassicApp>>() {});
  }

  public Listing<MobileDeviceGroup> mobileDeviceGroups(boolean smart, ListQuery query) {
    return transport.list(
        (smart ? Endpoints.MOBILE_SMART_GROUPS : Endpoints.MOBILE_STATIC_GROUPS).request(),
        query,
        MobileDeviceGroup.class);
  }

  public Listing<GroupMobileDevice> mobileDeviceGroupMembers(
      boolean smart, String groupId, ListQuery query) {
    return transport.list(
        (smart ? Endpoints.MOBILE_SMART_GROUP_MEMBERS : Endpoints.MOBILE_STATIC_GROUP_MEMBERS)
            .request(groupId),
        query,
        GroupMobileDevice.class);
  }

  /** A smart computer group's criteria. */
  public SmartGroupDefinition computerSmartGroup(String groupId) {
    Endpoint endpoint =
        transport.choose(
            Endpoints.SMART_GROUP_DETAIL,
            JamfProVersion.GROUPS_V3,
            Endpoints.SMART_GROUP_DETAIL_V2);
    return transport.json(endpoint.request(groupId), SmartGroupDefinition.class);
  }

  /** A smart mobile device group's criteria. */
  public SmartGroupDefinition mobileDeviceSmartGroup(String groupId) {
    return transport.json(
        Endpoints.MOBILE_SMART_GROUP_DETAIL.request(groupId), SmartGroupDefinition.class);
  }

  /** Computers with their installed applications, paged like any inventory list. */
  public Listing<ComputerApplications> computerApplications(ListQuery query) {
    Endpoint endpoint =
        transport.choose(
            Endpoints.COMPUTERS_INVENTORY,
            JamfProVersion.INVENTORY_V4,
            Endpoints.COMPUTERS_INVENTORY_V3);
    return transport.list(
        endpoint.request(),
        query.withSections(ComputerSection.GENERAL, ComputerSection.APPLICATIONS),
        ComputerApplications.class);
  }

  /** Policy logs and MDM commands of one computer (Classic: the Pro API has no history read). */
  public ComputerHistory computerHistory(int computerId) {
    return transport.classic(
        Endpoints.CLASSIC_COMPUTER_HISTORY.request(computerId),
        "computer_history",
        new TypeReference<ComputerHistory>() {});
  }

  /** Management commands of one mobile device (Classic). */
  public MobileDeviceHistory mobileDeviceHistory(int mobileDeviceId) {
    return transport.classic(
        Endpoints.CLASSIC_MOBILE_HISTORY.request(mobileDeviceId),
        "mobile_device_history",
        new TypeReference<MobileDeviceHistory>() {});
  }

  /** The serial numbers one PreStage holds, with the versionLock its next change must carry. */
  public PrestageScope prestageScope(boolean mobile, String prestageId) {
    return transport.json(
        (mobile ? Endpoints.MOBILE_PRESTAGE_SCOPE : Endpoints.COMPUTER_PRESTAGE_SCOPE)
            .request(prestageId),
        PrestageScope.class);
  }

  /** Every serial number in any PreStage of this kind, to the id of the PreStage holding it. */
  public Map<String, String> prestageOfEachSerial(boolean mobile) {
    AllScopes all =
        transport.json(
            (mobile ? Endpoints.MOBILE_PRESTAGE_SCOPES : Endpoints.COMPUTER_PRESTAGE_SCOPES)
                .request(),
            AllScopes.class);
    return all.serialsByPrestageId() == null ? Map.of() : Map.copyOf(all.serialsByPrestageId());
  }

  /**
   * Adds serial numbers to a PreStage's scope. Jamf refuses (400, {@code ALREADY_SCOPED}) a serial
   * that another PreStage holds, and answers 409 when {@code versionLock} is stale.
   */
  public PrestageScope addToPrestageScope(
      boolean mobile, String prestageId, Collection<String> serials, int versionLock) {
    return transport.json(
        Transport.withJsonBody(
            (mobile ? Endpoints.MOBILE_PRESTAGE_SCOPE_ADD : Endpoints.COMPUTER_PRESTAGE_SCOPE_ADD)
                .request(prestageId),
            new ScopeUpdate(List.copyOf(serials), versionLock)),
        PrestageScope.class);
  }

  /** Removes serial numbers from a PreStage's scope; 409 when {@code versionLock} is stale. */
  public PrestageScope removeFromPrestageScope(
      boolean mobile, String prestageId, Collection<String> serials, int versionLock) {
    return transport.json(
        Transport.withJsonBody(
            (mobile
                    ? Endpoints.MOBILE_PRESTAGE_SCOPE_REMOVE
                    : Endpoints.COMPUTER_PRESTAGE_SCOPE_REMOVE)
                .request(prestageId),
            new ScopeUpdate(List.copyOf(serials), versionLock)),
        PrestageScope.class);
  }

  /** The body of the scope writes ({@code PrestageScopeUpdate}). */
  record ScopeUpdate(List<String> serialNumbers, int versionLock) {}

  /** {@code PrestageScopeV2}: serial number to PreStage id. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record AllScopes(Map<String, String> serialsByPrestageId) {}
}
