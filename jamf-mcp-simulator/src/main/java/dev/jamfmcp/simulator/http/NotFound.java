package dev.jamfmcp.simulator.http;

/** Thrown by a route when the addressed object does not exist; answered with Jamf's 404. */
public final class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what);
  }
}
