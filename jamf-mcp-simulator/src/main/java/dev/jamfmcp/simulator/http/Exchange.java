package dev.jamfmcp.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import dev.jamfmcp.simulator.auth.Token;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * One request and its response, over the JDK's {@link HttpExchange}. Response bodies stream: a page
 * of 2,000 computers goes out chunk by chunk and is never held whole in memory, except when a reset
 * fault needs the full length to cut the body off in the middle.
 */
public final class Exchange {
  /** Request bodies are small JSON, form or XML documents; anything larger is refused. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpExchange http;
  private final Map<String, List<String>> query;
  private Map<String, String> pathParams = Map.of();
  private boolean abortMidBody;
  private boolean responded;
  private Token token;

  Exchange(HttpExchange http) {
    this.http = http;
    this.query = parseQuery(http.getRequestURI().getRawQuery());
  }

  public String method() {
    return http.getRequestMethod();
  }

  public String path() {
    return http.getRequestURI().getPath();
  }

  public String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> values) {
    pathParams = values;
  }

  void abortMidBody() {
    abortMidBody = true;
  }

  boolean responded() {
    return responded;
  }

  void token(Token value) {
    token = value;
  }

  /** The bearer token that authorised this request (null on token and admin routes). */
  public Token token() {
    return token;
  }

  /** First value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a repeatable query parameter such as {@code section} or {@code sort}. */
  public List<String> queries(String name) {
    return query.getOrDefault(name, List.of());
  }

  public byte[] body() throws IOException {
    byte[] body = http.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new BadRequest("request body too large");
    }
    return body;
  }

  public JsonNode bodyJson() throws IOException {
    try {
      return Json.MAPPER.readTree(body());
    } catch (tools.jackson.core.JacksonException e) {
      throw new BadRequest("malformed JSON body");
    }
  }

  /** An {@code application/x-www-form-urlencoded} body. */
  public Map<String, String> form() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    parseQuery(new String(body(), StandardCharsets.UTF_8)).forEach((k, v) -> out.put(k, v.get(0)));
    return out;
  }

  public void header(String name, String value) {
    http.getResponseHeaders().set(name, value);
  }

  /** Pretty-printed JSON, as the Jamf Pro API sends it. */
  public void json(int status, JsonBody body) throws IOException {
    header("Content-Type", "application/json;charset=UTF-8");
    send(
        status,
        out -> {
          try (JsonGenerator json = Json.pretty(out)) {
            body.write(json);
          }
        });
  }

  /** Compact JSON, as the Classic API sends it. */
  public void classicJson(int status, JsonBody body) throws IOException {
    header("Content-Type", "application/json;charset=UTF-8");
    send(
        status,
        out -> {
          try (JsonGenerator json = Json.compact(out)) {
            body.write(json);
          }
        });
  }

  public void html(int status, String page) throws IOException {
    header("Content-Type", "text/html;charset=UTF-8");
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    send(status, out -> out.write(bytes));
  }

  /** XML, as the Classic API answers a write. */
  public void xml(int status, String document) throws IOException {
    header("Content-Type", "text/xml;charset=UTF-8");
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    send(status, out -> out.write(bytes));
  }

  /** A response with no body, e.g. 204 from invalidate-token. */
  public void empty(int status) throws IOException {
    responded = true;
    http.sendResponseHeaders(status, -1);
    http.close();
  }

  private interface BodyWriter {
    void write(OutputStream out) throws Exception;
  }

  private void send(int status, BodyWriter writer) throws IOException {
    responded = true;
    try {
      if (abortMidBody) {
        sendHalf(status, writer);
        return;
      }
      http.sendResponseHeaders(status, 0); // chunked: the length is unknown while streaming
      try (OutputStream out = http.getResponseBody()) {
        writer.write(out);
      }
      http.close();
    } catch (IOException | ConnectionAbort e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /**
   * Promises the full length, delivers half, then throws {@link ConnectionAbort}: the JDK server
   * closes a connection whose handler throws, so the client sees it die mid-body.
   */
  private void sendHalf(int status, BodyWriter writer) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    writer.write(buffer);
    byte[] bytes = buffer.toByteArray();
    http.sendResponseHeaders(status, Math.max(bytes.length, 2));
    OutputStream out = http.getResponseBody();
    out.write(bytes, 0, bytes.length / 2);
    out.flush();
    throw new ConnectionAbort();
  }

  /** Thrown to make the server drop the connection; never answered. */
  static final class ConnectionAbort extends RuntimeException {
    ConnectionAbort() {
      super("connection reset by fault injection", null, false, false);
    }
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed percent-encoding");
    }
  }

  /** A request the simulator cannot make sense of; answered with 400. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }
}
