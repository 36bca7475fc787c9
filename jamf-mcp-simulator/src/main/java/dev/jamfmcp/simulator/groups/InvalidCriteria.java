package dev.jamfmcp.simulator.groups;

/** Criteria the simulator cannot evaluate, or that Jamf would refuse; answered with 400. */
public final class InvalidCriteria extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCriteria(String message) {
    super(message, null, false, false);
  }
}
