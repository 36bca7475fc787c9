package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfAuthException;
import dev.jamfmcp.jamf.JamfBadRequestException;
import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.jamf.JamfNotFoundException;
import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.JamfServerException;
import dev.jamfmcp.jamf.JamfTimeoutException;
import dev.jamfmcp.jamf.JamfUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Maps error answers and transport failures to the {@link JamfException} family. */
public final class Errors {

  private Errors() {}

  /** {@code 'Read Computers'} or {@code 'Read Computers' and 'Read Buildings'}. */
  public static String quoted(java.util.List<String> privileges) {
    java.util.List<String> q = privileges.stream().map(p -> "'" + p + "'").toList();
    return q.size() == 1
        ? q.get(0)
        : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
  }

  /** An exception for a non-2xx answer to {@code operation}. */
  public static JamfException forStatus(JamfResponse response, String operation) {
    return forStatus(response, operation, java.util.List.of());
  }

  /**
   * An exception for a non-2xx answer to {@code operation}, which needs {@code privileges}: a 403
   * names them, so an administrator knows what to add to the API role.
   */
  public static JamfException forStatus(
      JamfResponse response, String operation, java.util.List<String> privileges) {
    int status = response.status();
    ErrorBodies.Detail detail = ErrorBodies.describe(response);
    String said = detail.text().isEmpty() ? "" : ": " + detail.text();
    String code = detail.code();
    String head = operation + " failed with HTTP " + status + (code == null ? "" : " " + code);
    return switch (status) {
      case 401 ->
          new JamfAuthException(
              head
                  + ". Jamf Pro rejected the credentials; check the client"
                  + " id and secret (or username and password) and that the API client is enabled"
                  + said,
              status,
              code,
              operation,
              null);
      case 403 ->
          new JamfAuthException(
              head
                  + (privileges.isEmpty()
                      ? ". The account lacks the privilege for this request; add it to the API role"
                      : ". Jamf Pro refused: the API role needs " + quoted(privileges))
                  + said,
              status,
              code,
              operation,
              null,
              privileges);
      case 404 ->
          new JamfNotFoundException(
              head + ". Jamf Pro has no such object or path" + said, status, code, operation, null);
      case 408, 429, 502, 503, 504 ->
          new JamfUnavailableException(
              head
                  + ". Jamf Pro is unavailable"
                  + " or overloaded (it may be restarting); try again shortly"
                  + said,
              status,
              code,
              operation,
              null);
      default ->
          status >= 500
              ? new JamfServerException(
                  head + ". Jamf Pro failed while handling the request" + said,
                  status,
                  code,
                  operation,
                  null)
              : new JamfBadRequestException(
                  head + ". Jamf Pro rejected the request as invalid" + said,
                  status,
                  code,
                  operation,
                  null);
    };
  }

  /** An exception for a request that got no (complete) answer. */
  public static JamfException forFailure(IOException e, String operation, Duration requestTimeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return new JamfTimeoutException(
          "Could not connect to Jamf Pro for "
              + operation
              + " within the connect timeout; check the URL and the network",
          0,
          null,
          operation,
          e);
    }
    if (e instanceof HttpTimeoutException) {
      return new JamfTimeoutException(
          "Jamf Pro did not answer "
              + operation
              + " within "
              + seconds(requestTimeout)
              + " (or the call deadline passed); it may be overloaded",
          0,
          null,
          operation,
          e);
    }
    if (e instanceof LimitLayer.NoFreeSlotException) {
      return new JamfTimeoutException(
          "Gave up on "
              + operation
              + ": every request slot to Jamf Pro"
              + " stayed busy until the call deadline",
          0,
          null,
          operation,
          e);
    }
    if (e instanceof BoundedBodySubscriber.ResponseTooLargeException) {
      return new JamfProtocolException(
          "Jamf Pro's answer to "
              + operation
              + " was too large: "
              + e.getMessage()
              + "; ask for fewer sections or a smaller page",
          0,
          null,
          operation,
          e);
    }
    if (e instanceof ConnectException) {
      return new JamfUnavailableException(
          "Could not connect to Jamf Pro for "
              + operation
              + "; check the URL and that the server is up",
          0,
          null,
          operation,
          e);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new JamfUnavailableException(
        "The connection to Jamf Pro failed during " + operation + " (" + reason + ")",
        0,
        null,
        operation,
        e);
  }

  /** An exception for a 2xx answer whose body is not what the contract promises. */
  public static JamfProtocolException malformed(String operation, String what, Throwable cause) {
    return new JamfProtocolException(
        "Jamf Pro's answer to " + operation + " could not be read: " + what,
        0,
        null,
        operation,
        cause);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
