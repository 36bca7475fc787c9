package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Where a plan is: {@code state} (e.g. {@code DDMPlanScheduled}, {@code PlanFailed}, {@code
 * PlanCompleted}) and, when it failed, why (e.g. {@code NOT_MANAGED}, {@code NO_DISK_SPACE}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanStatus(String state, List<String> errorReasons) {
  public PlanStatus {
    errorReasons = errorReasons == null ? List.of() : List.copyOf(errorReasons);
  }
}
