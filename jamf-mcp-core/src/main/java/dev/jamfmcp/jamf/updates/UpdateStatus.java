package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a device last reported about an OS update ({@code ManagedSoftwareUpdateStatus}): {@code
 * status} is e.g. {@code DOWNLOADING}, {@code IDLE}, {@code INSTALLING}, {@code INSTALL_FAILED};
 * deferral fields are not set for every device.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateStatus(
    String osUpdatesStatusId,
    PlanDevice device,
    Double downloadPercentComplete,
    Boolean downloaded,
    String productKey,
    String status,
    Integer deferralsRemaining,
    Integer maxDeferrals,
    String nextScheduledInstall,
    List<String> pastNotifications,
    String created,
    String updated) {}
