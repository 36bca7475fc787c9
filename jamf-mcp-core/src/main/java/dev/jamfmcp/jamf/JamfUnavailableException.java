package dev.jamfmcp.jamf;

/**
 * Jamf Pro could not be reached or said it is temporarily unavailable (connection errors, 408, 429,
 * 502, 503, 504), even after the client's retries.
 */
public sealed class JamfUnavailableException extends JamfException permits JamfTimeoutException {

  public JamfUnavailableException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
