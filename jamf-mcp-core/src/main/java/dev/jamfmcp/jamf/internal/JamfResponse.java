package dev.jamfmcp.jamf.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete answer: status, headers (names case-insensitive) and the body bytes, read to the end
 * within the request's timeout so a stalled body can never hold a thread.
 */
public record JamfResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public JamfResponse {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
    body = body == null ? new byte[0] : body;
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
    return new String(body, StandardCharsets.UTF_8);
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
    return "JamfResponse[status=" + status + ", bytes=" + body.length + "]";
  }
}
