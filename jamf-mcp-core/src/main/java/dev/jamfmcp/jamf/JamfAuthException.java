package dev.jamfmcp.jamf;

/** Jamf Pro refused the credentials or the token (401), or the account lacks a privilege (403). */
public final class JamfAuthException extends JamfException {

  public JamfAuthException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
