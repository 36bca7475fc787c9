package dev.jamfmcp.server;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A minimal MCP client over Streamable HTTP for tests: initialize, then requests in the session.
 */
public final class McpHttpSession {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI url;
  private final String bearer;
  private final HttpClient http;
  private String sessionId;
  private int nextId = 1;

  public McpHttpSession(URI url, String bearer) {
    this(url, bearer, HTTP);
  }

  /** A session over {@code http} (e.g. one that trusts a test certificate). */
  public McpHttpSession(URI url, String bearer, HttpClient http) {
    this.url = url;
    this.bearer = bearer;
    this.http = http;
  }

  /** Sends initialize and notifications/initialized; returns the initialize result. */
  public JsonNode initialize() throws IOException, InterruptedException {
    JsonNode result =
        request(
            "initialize",
            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"jamf-mcp-test\",\"version\":\"1\"}}");
    HttpResponse<String> ack =
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (ack.statusCode() != 202) {
      throw new AssertionError("notifications/initialized: HTTP " + ack.statusCode());
    }
    return result;
  }

  public String sessionId() {
    return sessionId;
  }

  /** The names of every tool, following nextCursor. */
  public List<String> toolNames() throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          request(
              "tools/list",
              cursor == null
                  ? "{}"
                  : "{\"cursor\":" + Json.mapper().writeValueAsString(cursor) + "}");
      page.path("tools").forEach(tool -> names.add(tool.get("name").asString()));
      cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
    } while (cursor != null);
    return names;
  }

  /** One request; returns its result or fails on a JSON-RPC error. */
  public JsonNode request(String method, String paramsJson)
      throws IOException, InterruptedException {
    int id = nextId++;
    HttpResponse<String> response =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\""
                + method
                + "\",\"params\":"
                + paramsJson
                + "}");
    if (response.statusCode() != 200) {
      throw new AssertionError(method + ": HTTP " + response.statusCode() + " " + response.body());
    }
    response.headers().firstValue("Mcp-Session-Id").ifPresent(s -> sessionId = s);
    String body = response.body();
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      String last = null;
      for (String line : body.split("\n")) {
        if (line.startsWith("data:") && line.length() > 6) {
          last = line.substring(5).trim();
        }
      }
      body = last;
    }
    JsonNode reply = Json.mapper().readTree(body);
    if (reply.has("error")) {
      throw new AssertionError(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  private HttpResponse<String> send(String json) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", "2025-06-18");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
