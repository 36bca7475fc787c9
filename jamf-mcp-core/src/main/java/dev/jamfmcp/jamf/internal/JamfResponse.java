package dev.jamfmcp.jamf.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete answer: status, headers (names case-insensitive) and the body, the first {@code
 * length} bytes of {@code body}, read to the end within the request's timeout so a stalled body can
 * never hold a thread. {@code body} is longer than {@code length} only for a pooled body (a listing
 * page, see {@link JamfRequest#withPooledBody()}), which must be given back with {@link #release()}
 * once read, and not read after.
 */
public record JamfResponse(
    int status, Map<String, List<String>> headers, byte[] body, int length, Runnable releaser) {

  public JamfResponse {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
    body = body == null ? new byte[0] : body;
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException("length " + length + " of " + body.length + " bytes");
    }
  }

  /** An answer whose body is the whole of {@code body}. */
  public JamfResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this(status, headers, body, body == null ? 0 : body.length, null);
  }

  /** Gives a pooled body back to its pool; does nothing for any other body, or a second time. */
  public void release() {
    if (releaser != null) {
      releaser.run();
    }
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  public String contentType() {
    return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
  }

  public String bodyText() {
    return new String(body, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "JamfResponse[status=" + status + ", bytes=" + length + "]";
  }
}
