package dev.jamfmcp.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The training run that start-up caches are made from: with {@code -Djamf.mcp.trainingRun=true
 * --demo}, the server starts as usual, answers a first conversation (initialize, tools/list, one
 * read tool) over its own HTTP endpoint, and exits 0, so that {@code -XX:ArchiveClassesAtExit}
 * (AppCDS, Java 17+) or {@code -XX:AOTCacheOutput} (Java 25) capture the classes of start-up and of
 * the first request. The build runs it (see the examples module's POM and the Dockerfile).
 */
final class TrainingRun {
  static final String PROPERTY = "jamf.mcp.trainingRun";

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training-run\","
          + "\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
  private static final String TOOL_CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"getFleetOverview\",\"arguments\":{}}}";

  private TrainingRun() {}

  static boolean requested() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Talks to the server at {@code mcpUrl}; throws if any answer is not a 2xx. */
  static void exercise(String mcpUrl, String bearerToken) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> init = post(http, mcpUrl, bearerToken, null, INITIALIZE);
    String session = init.headers().firstValue("Mcp-Session-Id").orElse(null);
    post(http, mcpUrl, bearerToken, session, INITIALIZED);
    post(http, mcpUrl, bearerToken, session, TOOLS_LIST);
    post(http, mcpUrl, bearerToken, session, TOOL_CALL);
  }

  private static HttpResponse<String> post(
      HttpClient http, String url, String token, String session, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    Optional.ofNullable(token).ifPresent(t -> request.header("Authorization", "Bearer " + t));
    Optional.ofNullable(session).ifPresent(s -> request.header("Mcp-Session-Id", s));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "training run: HTTP " + response.statusCode() + " for " + body);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException("training run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training run interrupted", e);
    }
  }
}
