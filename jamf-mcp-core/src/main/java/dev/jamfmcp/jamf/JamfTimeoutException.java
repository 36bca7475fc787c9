package dev.jamfmcp.jamf;

/** Jamf Pro did not answer within the request timeout or the overall call deadline. */
public final class JamfTimeoutException extends JamfUnavailableException {

  public JamfTimeoutException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
