package dev.jamfmcp.simulator.fleet;

/** A macOS release: the version string Jamf filters on and its build number. */
public record OsRelease(String version, String build) {

  public String name() {
    return "macOS";
  }

  public int major() {
    return Integer.parseInt(version.substring(0, version.indexOf('.')));
  }
}
