package dev.jamfmcp.jamf;

/**
 * Jamf Pro answered with something the client cannot read: malformed JSON, an unexpected shape, or
 * an oversized body.
 */
public final class JamfProtocolException extends JamfException {

  public JamfProtocolException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, status, errorCode, operation, cause);
  }
}
