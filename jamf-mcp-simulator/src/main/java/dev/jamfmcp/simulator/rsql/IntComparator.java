package dev.jamfmcp.simulator.rsql;

/** Orders rows without boxing them. */
@FunctionalInterface
public interface IntComparator {
  int compare(int left, int right);
}
