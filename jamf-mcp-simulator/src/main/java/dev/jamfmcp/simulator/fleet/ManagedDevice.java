package dev.jamfmcp.simulator.fleet;

/** A device an MDM command or push can address. */
public record ManagedDevice(Kind kind, int id) {
  public enum Kind {
    COMPUTER,
    MOBILE_DEVICE
  }
}
