package dev.jamfmcp.jamf;

/** The object or path does not exist in Jamf Pro (404). */
public final class JamfNotFoundException extends JamfException {

  public JamfNotFoundException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
