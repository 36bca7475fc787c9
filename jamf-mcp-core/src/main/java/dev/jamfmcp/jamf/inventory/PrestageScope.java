package dev.jamfmcp.jamf.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The devices (by serial number) a PreStage enrollment holds, {@code GET
 * /api/v2/computer-prestages/{id}/scope} and the mobile equivalent. {@code versionLock} must go
 * with the next change of this scope: Jamf answers 409 when someone changed it meanwhile.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrestageScope(String prestageId, List<Assignment> assignments, Integer versionLock) {

  public PrestageScope {
    assignments = assignments == null ? List.of() : List.copyOf(assignments);
  }

  /** The serial numbers in this scope, in Jamf's order. */
  public List<String> serialNumbers() {
    return assignments.stream().map(Assignment::serialNumber).toList();
  }

  /** One device in the scope: when and by whom it was assigned. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Assignment(String serialNumber, String assignmentDate, String userAssigned) {}
}
