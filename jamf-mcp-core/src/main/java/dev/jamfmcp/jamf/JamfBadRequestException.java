package dev.jamfmcp.jamf;

/** Jamf Pro rejected the request as invalid (400, 409, 422 and other 4xx). */
public final class JamfBadRequestException extends JamfException {

  public JamfBadRequestException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
