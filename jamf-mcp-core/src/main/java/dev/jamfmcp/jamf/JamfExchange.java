package dev.jamfmcp.jamf;

import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP exchange between the client and Jamf Pro, as reported to a {@link JamfRequestListener}:
 * every attempt of a call (retries included) and every token request is one exchange. It carries no
 * URL, query, header or body, so it holds no token, secret or device data, and its {@code endpoint}
 * is the path template ({@code /api/v3/computers-inventory-detail/{id}}), never the concrete path:
 * safe as a metric label.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param endpoint the catalogued path template, e.g. {@code /api/v1/scripts/{id}}
 * @param status the HTTP status, or 0 when no response came ({@code failure} says why)
 * @param failure null when a response came, else one of {@link #TIMEOUT}, {@link #CONNECT_TIMEOUT},
 *     {@link #TOO_LARGE}, {@link #INTERRUPTED}, {@link #IO_ERROR}
 * @param duration from sending the request to the whole answer (or the failure)
 * @param attempt 1 for the first exchange of a call, then 2, 3, ... for each retry and for the one
 *     re-send after Jamf Pro rejected a cached token; always 1 for token requests
 */
public record JamfExchange(
    String method, String endpoint, int status, String failure, Duration duration, int attempt) {

  /** No complete answer within the request timeout (or what was left of the call's deadline). */
  public static final String TIMEOUT = "timeout";

  /** The connection could not be opened in time. */
  public static final String CONNECT_TIMEOUT = "connect_timeout";

  /** The answer exceeded the client's {@code maxResponseBytes}. */
  public static final String TOO_LARGE = "too_large";

  /** The calling thread was interrupted while waiting. */
  public static final String INTERRUPTED = "interrupted";

  /** Any other I/O failure: connection refused or reset, TLS, a malformed answer. */
  public static final String IO_ERROR = "io_error";

  public JamfExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(duration, "duration");
    if ((failure == null) == (status == 0)) {
      throw new IllegalArgumentException("either a status or a failure, not both or neither");
    }
  }

  /** The HTTP status as text, or the failure kind: one bounded label for metrics. */
  public String outcome() {
    return failure == null ? Integer.toString(status) : failure;
  }
}
