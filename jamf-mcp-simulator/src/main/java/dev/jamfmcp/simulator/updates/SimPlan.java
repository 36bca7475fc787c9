package dev.jamfmcp.simulator.updates;

import java.time.Instant;
import java.util.List;

/**
 * One stored plan. {@code groupKey} ({@code COMPUTER_GROUP:5}) when it was created for a group;
 * {@code target} the version it installs, null when none could be chosen.
 */
public record SimPlan(
    String uuid,
    String objectType,
    int deviceId,
    String updateAction,
    String versionType,
    String specificVersion,
    Integer maxDeferrals,
    String forceInstallLocalDateTime,
    String state,
    List<String> errorReasons,
    Instant created,
    String groupKey,
    String target,
    String targetBuild) {
  public SimPlan {
    errorReasons = List.copyOf(errorReasons);
  }

  boolean inProgress() {
    return !state.equals("PlanFailed")
        && !state.equals("PlanCompleted")
        && !state.equals("PlanCanceled")
        && !state.equals("PlanException");
  }

  public String deviceHref() {
    return objectType.equals("COMPUTER")
        ? "/v1/computers-inventory/" + deviceId
        : "/v2/mobile-devices/" + deviceId;
  }
}
