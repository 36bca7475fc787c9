package dev.jamfmcp.mcp.testing;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A java.net.http client for an MCP server over HTTP: requests with the MCP headers, {@code
 * initialize}, and request bodies. The HTTP faces' test servers (Javalin, servlet) extend it and
 * name their address.
 */
public abstract class McpHttpClient {
  /** The session key the test servers configure. */
  public static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  public static final String ACCEPT = "application/json, text/event-stream";

  public final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080}. */
  public abstract String base();

  public URI uri(String path) {
    return URI.create(base() + path);
  }

  public HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .header("Accept", ACCEPT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** A GET of the session's stream on {@code /mcp}. */
  public HttpRequest.Builder getStream(String session) {
    return HttpRequest.newBuilder(uri("/mcp"))
        .header("Accept", "text/event-stream")
        .header("Mcp-Session-Id", session)
        .GET();
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<InputStream> stream(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** initialize in {@code version}; returns the session id. */
  public String initialize(String version) throws Exception {
    HttpResponse<String> response = send(post("/mcp", init(version)));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "initialize failed: " + response.statusCode() + " " + response.body());
    }
    String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    send(
        post("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .header("Mcp-Session-Id", id));
    return id;
  }

  /** The body of an {@code initialize} request in {@code version}. */
  public static String init(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  }

  /** The body of a request. */
  public static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }
}
