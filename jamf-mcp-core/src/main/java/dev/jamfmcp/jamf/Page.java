package dev.jamfmcp.jamf;

import java.util.List;

/** One page of a Jamf Pro API list: the results on it and the size of the whole list. */
public record Page<T>(long totalCount, List<T> results) {

  public Page {
    results = List.copyOf(results);
  }
}
