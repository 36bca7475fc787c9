package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.JamfRequest;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Managed software updates: the plans feature toggle, plans, update statuses, available OS versions
 * and creating plans. Creating a plan is a POST and is never retried automatically. Obtain from
 * {@code JamfClient.softwareUpdates()}.
 */
public final class SoftwareUpdates {

  private final Transport transport;

  static {
    Operations.register(SoftwareUpdates.class, SoftwareUpdates::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private SoftwareUpdates(Transport transport) {
    this.transport = transport;
  }

  /** Kinds of device a plan can be created for ({@code objectType}). */
  public enum DeviceType {
    COMPUTER,
    MOBILE_DEVICE,
    APPLE_TV
  }

  /** Kinds of group a plan or a status query can name. */
  public enum GroupType {
    COMPUTER_GROUP,
    MOBILE_DEVICE_GROUP
  }

  /** Whether plans are switched on (off: Jamf Pro lists and creates none). */
  public UpdateFeatureToggle featureToggle() {
    return transport.json(Endpoints.SOFTWARE_UPDATE_TOGGLE.request(), UpdateFeatureToggle.class);
  }

  /** The macOS and iOS versions Apple offers. */
  public AvailableOsUpdates availableUpdates() {
    Available answer =
        transport.json(Endpoints.SOFTWARE_UPDATES_AVAILABLE.request(), Available.class);
    return answer.availableUpdates() == null
        ? new AvailableOsUpdates(List.of(), List.of())
        : answer.availableUpdates();
  }

  /**
   * Plans matching the query (paged). Filter fields: planUuid, device.deviceId, device.objectType,
   * updateAction, versionType, specificVersion, maxDeferrals, recipeId, forceInstallLocalDateTime,
   * state.
   */
  public Listing<UpdatePlan> plans(ListQuery query) {
    return transport.list(Endpoints.SOFTWARE_UPDATE_PLANS.request(), query, UpdatePlan.class);
  }

  /** One plan by its uuid. */
  public UpdatePlan plan(String planUuid) {
    return transport.json(
        Endpoints.SOFTWARE_UPDATE_PLAN.request(Objects.requireNonNull(planUuid)), UpdatePlan.class);
  }

  /** The plans created for a group. */
  public List<UpdatePlan> groupPlans(String groupId, GroupType type) {
    JamfRequest request =
        Endpoints.SOFTWARE_UPDATE_GROUP_PLANS.request(groupId).query("group-type", type.name());
    Plans plans = transport.json(request, Plans.class);
    return plans.results() == null ? List.of() : plans.results();
  }

  /**
   * Update statuses of every device, or those matching {@code filter} (null: all). Fields:
   * osUpdatesStatusId, device.deviceId, device.objectType, downloaded, downloadPercentComplete,
   * productKey, status, deferralsRemaining, maxDeferrals, nextScheduledInstall, created, updated.
   */
  public List<UpdateStatus> statuses(Rsql filter) {
    JamfRequest request = Endpoints.SOFTWARE_UPDATE_STATUSES.request();
    if (filter != null) {
      request = request.query("filter", filter.expression());
    }
    return statusesOf(request);
  }

  /** The update statuses of one computer. */
  public List<UpdateStatus> computerStatuses(String computerId) {
    return statusesOf(Endpoints.SOFTWARE_UPDATE_STATUSES_COMPUTER.request(computerId));
  }

  /** The update statuses of one mobile device. */
  public List<UpdateStatus> mobileDeviceStatuses(String mobileDeviceId) {
    return statusesOf(Endpoints.SOFTWARE_UPDATE_STATUSES_MOBILE.request(mobileDeviceId));
  }

  /** The update statuses of a group's members. */
  public List<UpdateStatus> groupStatuses(String groupId, GroupType type) {
    return statusesOf(
        (type == GroupType.COMPUTER_GROUP
                ? Endpoints.SOFTWARE_UPDATE_STATUSES_COMPUTER_GROUP
                : Endpoints.SOFTWARE_UPDATE_STATUSES_MOBILE_GROUP)
            .request(groupId));
  }

  /** Creates one plan per device (all of one {@link DeviceType} per call is usual). */
  public List<CreatedPlan> createPlan(Map<String, DeviceType> devicesById, PlanConfig config) {
    if (devicesById.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one device");
    }
    List<Map<String, String>> devices = new ArrayList<>();
    devicesById.forEach(
        (id, type) -> devices.add(Map.of("deviceId", id, "objectType", type.name())));
    return created(
        Transport.withJsonBody(
            Endpoints.SOFTWARE_UPDATE_PLAN_CREATE.request(),
            Map.of("devices", devices, "config", config.wire())));
  }

  /** Creates plans for every member of a group; Jamf answers one plan per member. */
  public List<CreatedPlan> createGroupPlan(String groupId, GroupType type, PlanConfig config) {
    return created(
        Transport.withJsonBody(
            Endpoints.SOFTWARE_UPDATE_GROUP_PLAN_CREATE.request(),
            Map.of(
                "group",
                Map.of("groupId", groupId, "objectType", type.name()),
                "config",
                config.wire())));
  }

  private List<CreatedPlan> created(JamfRequest request) {
    Created answer = transport.json(request, Created.class);
    return answer.plans() == null ? List.of() : answer.plans();
  }

  private List<UpdateStatus> statusesOf(JamfRequest request) {
    Statuses answer = transport.json(request, Statuses.class);
    return answer.results() == null ? List.of() : answer.results();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Available(AvailableOsUpdates availableUpdates) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Plans(Integer totalCount, List<UpdatePlan> results) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Statuses(Integer totalCount, List<UpdateStatus> results) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Created(List<CreatedPlan> plans) {}
}
