package dev.jamfmcp.jamf;

import java.util.List;

/** Jamf Pro refused the credentials or the token (401), or the account lacks a privilege (403). */
public final class JamfAuthException extends JamfException {

  private final List<String> requiredPrivileges;

  public JamfAuthException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    this(message, status, errorCode, operation, cause, List.of());
  }

  public JamfAuthException(
      String message,
      int status,
      String errorCode,
      String operation,
      Throwable cause,
      List<String> requiredPrivileges) {
    super(message, status, errorCode, operation, cause);
    this.requiredPrivileges = List.copyOf(requiredPrivileges);
  }

  /**
   * On a 403, the API role privileges the refused operation needs (from the Jamf Pro API schema's
   * {@code x-required-privileges}; for the Classic API, mapped by hand); empty on a 401.
   */
  public List<String> requiredPrivileges() {
    return requiredPrivileges;
  }
}
