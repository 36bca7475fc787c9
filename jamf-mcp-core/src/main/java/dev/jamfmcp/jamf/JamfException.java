package dev.jamfmcp.jamf;

import java.util.Optional;

/**
 * Something went wrong talking to Jamf Pro. Every failure of {@link JamfClient} is one of the
 * permitted subclasses, so a caller can switch on the kind of failure rather than on status codes.
 *
 * <p>Messages are written for a person ("Jamf Pro did not answer within 30 s") and never contain
 * secrets or tokens.
 */
public abstract sealed class JamfException extends RuntimeException
    permits JamfAuthException,
        JamfNotFoundException,
        JamfBadRequestException,
        JamfServerException,
        JamfUnavailableException,
        JamfProtocolException,
        JamfUnsupportedVersionException {

  private final int status;
  private final String errorCode;
  private final String operation;

  protected JamfException(
      String message, int status, String errorCode, String operation, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.operation = operation;
  }

  /** The HTTP status Jamf Pro answered with, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Jamf's own error code (for example {@code INVALID_ID}), when the answer carried one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The request that failed, as method and path template, e.g. {@code GET /api/v1/scripts/{id}}.
   */
  public String operation() {
    return operation;
  }
}
