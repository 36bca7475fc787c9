package dev.jamfmcp.jamf.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request as it travels down the layers. Immutable; layers derive variants with the {@code
 * with*} methods. It can only be created by {@link Endpoint#request}, so every request follows a
 * catalogued template. {@link #toString()} leaves out headers and body, which may hold credentials
 * or tokens. The one mutable part is the exchange counter, shared by the variants of one call so
 * that each exchange knows its attempt number.
 */
public final class JamfRequest {

  private final Endpoint endpoint;
  private final String path;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String contentType;
  private final Instant deadline;
  private final AtomicInteger exchanges;
  private final boolean pooledBody;

  private JamfRequest(
      Endpoint endpoint,
      String path,
      List<Map.Entry<String, String>> query,
      Map<String, String> headers,
      byte[] body,
      String contentType,
      Instant deadline,
      AtomicInteger exchanges,
      boolean pooledBody) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.path = Objects.requireNonNull(path, "path");
    this.query = List.copyOf(query);
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.contentType = contentType;
    this.deadline = deadline;
    this.exchanges = exchanges;
    this.pooledBody = pooledBody;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** The expanded path, without query. */
  public String path() {
    return path;
  }

  public List<Map.Entry<String, String>> query() {
    return query;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  /** When the whole call must be over; null until the retry layer sets it. */
  public Instant deadline() {
    return deadline;
  }

  static JamfRequest of(Endpoint endpoint, String path) {
    return new JamfRequest(
        endpoint, path, List.of(), Map.of(), null, null, null, new AtomicInteger(), false);
  }

  public String method() {
    return endpoint.method();
  }

  /** Adds one query parameter; repeat the name for repeated parameters such as {@code section}. */
  public JamfRequest query(String name, String value) {
    List<Map.Entry<String, String>> q = new ArrayList<>(query);
    q.add(Map.entry(name, value));
    return new JamfRequest(
        endpoint, path, q, headers, body, contentType, deadline, exchanges, pooledBody);
  }

  /** The same request with every parameter of that name removed and one value set. */
  public JamfRequest replaceQuery(String name, String value) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    for (Map.Entry<String, String> e : query) {
      if (!e.getKey().equals(name)) {
        q.add(e);
      }
    }
    q.add(Map.entry(name, value));
    return new JamfRequest(
        endpoint, path, q, headers, body, contentType, deadline, exchanges, pooledBody);
  }

  public JamfRequest header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new JamfRequest(
        endpoint, path, query, h, body, contentType, deadline, exchanges, pooledBody);
  }

  public JamfRequest body(byte[] content, String type) {
    return new JamfRequest(
        endpoint, path, query, headers, content, type, deadline, exchanges, pooledBody);
  }

  public JamfRequest withDeadline(Instant when) {
    return new JamfRequest(
        endpoint, path, query, headers, body, contentType, when, exchanges, pooledBody);
  }

  /**
   * The same request starting a new call: its exchanges count from 1 again (the retry layer calls
   * this, so pages derived from one base request do not share a count).
   */
  public JamfRequest newCall() {
    return new JamfRequest(
        endpoint,
        path,
        query,
        headers,
        body,
        contentType,
        deadline,
        new AtomicInteger(),
        pooledBody);
  }

  /**
   * The same request, its successful answer's body to be collected into a buffer of the client's
   * page-buffer pool ({@link PageBuffers}): for listing pages, read once and then given back with
   * {@link JamfResponse#release()}. Any other answer (an error page) gets an array of its own.
   */
  public JamfRequest withPooledBody() {
    return new JamfRequest(
        endpoint, path, query, headers, body, contentType, deadline, exchanges, true);
  }

  /** Whether the successful answer's body goes into a pooled buffer. */
  boolean pooledBody() {
    return pooledBody;
  }

  /** Counts one more exchange of this call and returns its number, from 1. */
  int nextAttempt() {
    return exchanges.incrementAndGet();
  }

  /** Path plus the percent-encoded query string (spaces as %20, never '+'). */
  public String pathAndQuery() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path).append('?');
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Method and path template: safe for logs and messages. */
  public String operation() {
    return endpoint.toString();
  }

  @Override
  public String toString() {
    return "JamfRequest[" + method() + " " + path + "]";
  }
}
