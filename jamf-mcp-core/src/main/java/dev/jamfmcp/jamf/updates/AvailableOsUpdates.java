package dev.jamfmcp.jamf.updates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The macOS and iOS/iPadOS versions Apple offers to the fleet, as Jamf Pro lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvailableOsUpdates(List<String> macOS, List<String> iOS) {
  public AvailableOsUpdates {
    macOS = macOS == null ? List.of() : List.copyOf(macOS);
    iOS = iOS == null ? List.of() : List.copyOf(iOS);
  }
}
