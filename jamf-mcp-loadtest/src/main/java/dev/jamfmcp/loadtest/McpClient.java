package dev.jamfmcp.loadtest;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small MCP client over Streamable HTTP (2025-06-18) on java.net.http: initialize, requests
 * answered as JSON or as an event stream, DELETE. One per simulated assistant; the {@link
 * HttpClient} may be shared. Every request gets its own id, and a reply counts only if it is the
 * {@code result} of that id: an HTTP status other than 200, a JSON-RPC error, a reply to another id
 * or one without a result is a {@link Failure}.
 */
public final class McpClient {
  public static final String VERSION = "2025-06-18";

  private final HttpClient http;
  private final URI url;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();
  private volatile String sessionId;

  public McpClient(HttpClient http, URI url, Duration timeout) {
    this.http = http;
    this.url = url;
    this.timeout = timeout;
  }

  public static HttpClient newHttp() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * A failed exchange: an HTTP status other than expected, a JSON-RPC error, a reply to another id
   * or without a result, or (from the load run) a tool result with {@code isError: true}.
   */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    public final String kind;

    Failure(String kind, String message) {
      super(message);
      this.kind = kind;
    }
  }

  public String sessionId() {
    return sessionId;
  }

  /** Switches to another session id (e.g. one another instance minted). */
  public void sessionId(String id) {
    this.sessionId = id;
  }

  public JsonNode initialize() throws IOException, InterruptedException, Failure {
    sessionId = null;
    ObjectNode params = Json.object().put("protocolVersion", VERSION);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "loadtest").put("version", "1");
    ObjectNode request = request("initialize", params);
    HttpResponse<String> response = post(request);
    JsonNode result = result(request, response);
    sessionId =
        response
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow(() -> new Failure("no-session-id", "initialize returned no session id"));
    HttpResponse<String> note =
        post(Json.object().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
    if (note.statusCode() != 202) {
      throw new Failure("http-" + note.statusCode(), "notifications/initialized: " + note.body());
    }
    return result;
  }

  /** Sends a request and returns its {@code result}; a JSON-RPC error is a {@link Failure}. */
  public JsonNode call(String method, ObjectNode params)
      throws IOException, InterruptedException, Failure {
    ObjectNode request = request(method, params);
    return result(request, post(request));
  }

  /** {@code tools/call}; the result, {@code isError} included. */
  public JsonNode callTool(String name, ObjectNode arguments)
      throws IOException, InterruptedException, Failure {
    ObjectNode params = Json.object().put("name", name);
    params.set("arguments", arguments);
    return call("tools/call", params);
  }

  public int delete() throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout).DELETE();
    if (sessionId != null) {
      builder.header("Mcp-Session-Id", sessionId);
    }
    int status = http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    sessionId = null;
    return status;
  }

  /** POSTs one JSON-RPC message with this client's session and version headers. */
  public HttpResponse<String> post(ObjectNode message) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", VERSION)
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(message)));
    if (sessionId != null) {
      builder.header("Mcp-Session-Id", sessionId);
    }
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    response
        .headers()
        .firstValue("Mcp-Session-Id")
        .ifPresent(
            id -> {
              if (sessionId != null) {
                sessionId = id; // a refreshed id
              }
            });
    return response;
  }

  private ObjectNode request(String method, ObjectNode params) {
    ObjectNode message =
        Json.object().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    message.set("params", params);
    return message;
  }

  private static JsonNode result(ObjectNode request, HttpResponse<String> response) throws Failure {
    String method = request.path("method").asString("");
    if (response.statusCode() != 200) {
      throw new Failure("http-" + response.statusCode(), method + ": " + response.body());
    }
    JsonNode reply = replyOf(response);
    if (reply == null) {
      throw new Failure("no-reply", method + ": no JSON-RPC reply in the response");
    }
    if (reply.has("error")) {
      throw new Failure(
          "jsonrpc-" + reply.path("error").path("code").asInt(),
          method + ": " + reply.path("error").path("message").asString(""));
    }
    // ids are longs here; Jackson reads small ones back as ints, so compare the numbers
    JsonNode id = reply.path("id");
    if (!id.isIntegralNumber() || id.asLong() != request.get("id").asLong()) {
      throw new Failure(
          "wrong-id", method + ": reply to id " + reply.get("id") + ", sent " + request.get("id"));
    }
    JsonNode result = reply.get("result");
    if (result == null || !result.isObject()) {
      throw new Failure("no-result", method + ": reply without a result object: " + reply);
    }
    return result;
  }

  /** The JSON-RPC response in a JSON body, or the last one with an id in an event stream. */
  public static JsonNode replyOf(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/event-stream")) {
      return response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
    }
    JsonNode last = null;
    StringBuilder data = new StringBuilder();
    for (String line : (response.body() + "\n\n").split("\r?\n", -1)) {
      if (line.startsWith("data:")) {
        data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
      } else if (line.isEmpty() && data.length() > 0) {
        String text = data.toString().trim();
        data.setLength(0);
        if (!text.isEmpty()) {
          JsonNode event = Json.mapper().readTree(text);
          if (event.has("id") && (event.has("result") || event.has("error"))) {
            last = event;
          }
        }
      }
    }
    return last;
  }
}
