package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One device's managed software update plan ({@code ManagedSoftwareUpdatePlan}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdatePlan(
    String planUuid,
    PlanDevice device,
    String updateAction,
    String versionType,
    String specificVersion,
    String buildVersion,
    Integer maxDeferrals,
    String forceInstallLocalDateTime,
    String recipeId,
    PlanStatus status) {

  /** The plan's state, or {@code Unknown} when Jamf sent none. */
  public String state() {
    return status == null || status.state() == null ? "Unknown" : status.state();
  }
}
