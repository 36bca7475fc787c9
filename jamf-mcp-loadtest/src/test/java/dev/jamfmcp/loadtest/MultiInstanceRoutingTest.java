package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What needs messages routed between instances ({@code MessageRouting} over Redis): behind the
 * round-robin proxy of {@link ThreeInstances}, an elicitation answer lands on another instance than
 * the one waiting for it, and a legacy {@code /messages} POST on another instance than the one
 * holding the {@code /sse} stream.
 */
class MultiInstanceRoutingTest {
  static ThreeInstances cluster;
  static final HttpClient HTTP = McpClient.newHttp();
  static final ExecutorService READERS = Executors.newCachedThreadPool();

  @BeforeAll
  static void start() throws Exception {
    cluster = ThreeInstances.shared();
  }

  @AfterAll
  static void stop() {
    READERS.shutdownNow();
  }

  @Test
  void hundredElicitationConfirmationsAlternatingAcceptAndDeclineEachReachTheirOwnDevice()
      throws Exception {
    McpClient client = elicitingClient();
    int first = 101;
    int count = 100;
    List<String> outcomes = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      boolean accept = n % 2 == 0;
      outcomes.add(confirmInDialog(client, first + n, accept));
    }
    for (int n = 0; n < count; n++) {
      boolean accept = n % 2 == 0;
      assertThat(outcomes.get(n))
          .as("outcome for mobile:%d", first + n)
          .isEqualTo(accept ? "executed" : "cancelled");
      assertThat(cluster.commandsFor(first + n))
          .as(
              "commands Jamf Pro received for mobile:%d (%s)",
              first + n, accept ? "accepted" : "declined")
          .hasSize(accept ? 1 : 0);
    }
    // The answers did land elsewhere: the proxy sent consecutive requests to different instances.
    assertThat(cluster.proxy.routed.stream().map(r -> r.substring(0, 1)).distinct()).hasSize(3);
  }

  /** A 2025-06-18 client that declares elicitation, initialized through the proxy. */
  static McpClient elicitingClient() throws Exception {
    McpClient client = cluster.client();
    ObjectNode params = Json.object().put("protocolVersion", McpClient.VERSION);
    params.putObject("capabilities").putObject("elicitation");
    params.putObject("clientInfo").put("name", "multi-instance-test").put("version", "1");
    HttpResponse<String> init =
        client.post(
            Json.object()
                .put("jsonrpc", "2.0")
                .put("id", 0)
                .put("method", "initialize")
                .set("params", params));
    assertThat(init.statusCode()).isEqualTo(200);
    client.sessionId(init.headers().firstValue("Mcp-Session-Id").orElseThrow());
    assertThat(
            client
                .post(
                    Json.object().put("jsonrpc", "2.0").put("method", "notifications/initialized"))
                .statusCode())
        .isEqualTo(202);
    return client;
  }

  /**
   * Calls logOutUser on one device through the proxy, answers the dialog through the proxy (so on
   * another instance), and returns the outcome's status.
   */
  static String confirmInDialog(McpClient client, int device, boolean accept) throws Exception {
    ObjectNode params = Json.object().put("name", Mcp.SEND);
    params.set("arguments", MultiInstanceTest.logOutUser(device));
    ObjectNode call =
        Json.object()
            .put("jsonrpc", "2.0")
            .put("id", 1000 + device)
            .put("method", "tools/call")
            .set("params", params);
    HttpRequest request =
        HttpRequest.newBuilder(cluster.proxyUrl())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", McpClient.VERSION)
            .header("Mcp-Session-Id", client.sessionId())
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(call)))
            .build();
    HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Future<String> outcome =
        READERS.submit(
            () -> {
              try (Stream<String> lines = response.body()) {
                Iterator<String> events = lines.iterator();
                JsonNode event;
                while ((event = nextEvent(events)) != null) {
                  if ("elicitation/create".equals(event.path("method").asString(""))) {
                    ObjectNode result = Json.object().put("action", accept ? "accept" : "decline");
                    if (accept) {
                      result.putObject("content").put("confirm", true);
                    }
                    ObjectNode answer = Json.object().put("jsonrpc", "2.0");
                    answer.set("id", event.get("id"));
                    answer.set("result", result);
                    HttpResponse<String> posted = client.post(answer);
                    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
                  } else if (event.path("id").asInt(-1) == 1000 + device) {
                    return event
                        .path("result")
                        .path("structuredContent")
                        .path("status")
                        .asString(event.toString());
                  }
                }
                return "stream ended without a result";
              }
            });
    // Without routing the answer is dropped and the call waits minutes: fail in seconds instead.
    return outcome.get(30, TimeUnit.SECONDS);
  }

  @Test
  void legacySseSessionsWorkThroughRoundRobin() throws Exception {
    for (int session = 0; session < 6; session++) {
      HttpRequest open =
          HttpRequest.newBuilder(cluster.proxyUrl().resolve("/sse"))
              .header("Accept", "text/event-stream")
              .GET()
              .build();
      HttpResponse<Stream<String>> stream = HTTP.send(open, HttpResponse.BodyHandlers.ofLines());
      assertThat(stream.statusCode()).isEqualTo(200);
      Iterator<String> lines = stream.body().iterator();
      try {
        String endpoint = READERS.submit(() -> endpointOf(lines)).get(30, TimeUnit.SECONDS);
        URI messages = cluster.proxyUrl().resolve(endpoint);

        ObjectNode init = Json.object().put("protocolVersion", "2024-11-05");
        init.putObject("capabilities");
        init.putObject("clientInfo").put("name", "legacy").put("version", "1");
        JsonNode initialized = exchange(messages, lines, 1, "initialize", init);
        assertThat(initialized.path("result").path("serverInfo").path("name").asString())
            .isEqualTo("jamf-mcp");
        assertThat(
                postLegacy(
                    messages,
                    Json.object().put("jsonrpc", "2.0").put("method", "notifications/initialized")))
            .isEqualTo(202);
        JsonNode tools = exchange(messages, lines, 2, "tools/list", Json.object());
        assertThat(tools.path("result").path("tools").size()).isPositive();
        ObjectNode detail = Json.object().put("name", Mcp.DETAIL);
        detail.putObject("arguments").put("identifier", "5");
        JsonNode read = exchange(messages, lines, 3, "tools/call", detail);
        assertThat(read.path("result").path("isError").asBoolean()).as(read.toString()).isFalse();
      } finally {
        stream.body().close();
      }
    }
  }

  /** POSTs one request to the legacy endpoint (202) and reads its reply from the stream. */
  static JsonNode exchange(
      URI messages, Iterator<String> lines, int id, String method, ObjectNode params)
      throws Exception {
    ObjectNode request = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
    request.set("params", params);
    assertThat(postLegacy(messages, request)).as(method + " POSTed").isEqualTo(202);
    return READERS
        .submit(
            () -> {
              JsonNode event;
              while ((event = nextEvent(lines)) != null) {
                if (event.path("id").asInt(-1) == id) {
                  return event;
                }
              }
              throw new AssertionError("the stream ended before the reply to " + method);
            })
        .get(30, TimeUnit.SECONDS);
  }

  static int postLegacy(URI messages, ObjectNode message) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(messages)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(message)))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The data of the stream's {@code endpoint} event. */
  static String endpointOf(Iterator<String> lines) {
    String event = null;
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:") && "endpoint".equals(event)) {
        return line.substring(5).trim();
      }
    }
    throw new AssertionError("the stream ended without an endpoint event");
  }

  /** The next event's JSON data (comments and non-JSON events skipped), or null at the end. */
  static JsonNode nextEvent(Iterator<String> lines) {
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data:")) {
        data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
      } else if (line.isEmpty() && data.length() > 0) {
        String text = data.toString().trim();
        data.setLength(0);
        if (text.startsWith("{")) {
          return Json.mapper().readTree(text);
        }
      }
    }
    return null;
  }
}
