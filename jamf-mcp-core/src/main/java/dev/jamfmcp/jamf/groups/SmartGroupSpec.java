package dev.jamfmcp.jamf.groups;

import java.util.List;

/**
 * What defines a smart group, computer or mobile: name, description, site ({@code "-1"} for none)
 * and criteria in order (none: every device).
 */
public record SmartGroupSpec(
    String name, String description, String siteId, List<SmartCriterion> criteria) {
  public SmartGroupSpec {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }
}
