package dev.jamfmcp.jamf;

/**
 * Jamf Pro failed while handling a valid request (500 and other 5xx not covered by unavailability).
 */
public final class JamfServerException extends JamfException {

  public JamfServerException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
