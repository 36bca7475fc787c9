package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three processes of the executable, one real Redis, one simulated Jamf Pro and a round-robin proxy
 * without stickiness ({@link ThreeInstances}): one confirmation runs once however often it is
 * replayed, a DELETE anywhere ends the session everywhere, and Redis going away refuses writes
 * cleanly, keeps reads and readiness, and loses or repeats nothing when it is back.
 */
class MultiInstanceTest {
  static ThreeInstances cluster;
  static final HttpClient HTTP = McpClient.newHttp();

  @BeforeAll
  static void start() throws Exception {
    cluster = ThreeInstances.shared();
  }

  /** {@code logOutUser}: a confirm-class command, confirmed with a single-use token. */
  static ObjectNode logOutUser(int mobileDevice) {
    ObjectNode args = Json.object().put("command", "logOutUser");
    args.putArray("deviceIds").add("mobile:" + mobileDevice);
    return args;
  }

  /** The preview's token: nothing has been done yet. */
  static String preview(McpClient client, ObjectNode args) throws Exception {
    JsonNode preview = client.callTool(Mcp.SEND, args);
    assertThat(preview.path("structuredContent").path("status").asString())
        .as(preview.toString())
        .isEqualTo("confirmation_required");
    return preview.path("structuredContent").path("confirmation").path("token").asString();
  }

  static ObjectNode confirmed(ObjectNode args, String token) {
    return args.deepCopy().put("confirmationToken", token);
  }

  static boolean executed(JsonNode result) {
    return !result.path("isError").asBoolean(false)
        && "executed".equals(result.path("structuredContent").path("status").asString());
  }

  static String text(JsonNode result) {
    return result.path("content").path(0).path("text").asString("");
  }

  @Test
  void aConfirmedWriteReplayedToEveryInstanceAndRetriedRunsExactlyOnce() throws Exception {
    int device = 11;
    McpClient client = cluster.client();
    client.initialize();
    ObjectNode args = logOutUser(device);
    ObjectNode call = confirmed(args, preview(client, args));

    // The same confirmed call at the same moment on all three instances (a replaying proxy or an
    // attacker), then the client's own retries through the balancer (it lost the answer).
    List<Callable<JsonNode>> replays = new ArrayList<>();
    for (int i = 0; i < cluster.instances.size(); i++) {
      McpClient direct = cluster.direct(i, client.sessionId());
      replays.add(() -> direct.callTool(Mcp.SEND, call));
    }
    List<JsonNode> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(replays.size());
    try {
      for (Future<JsonNode> f : pool.invokeAll(replays)) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    for (int retry = 0; retry < 3; retry++) {
      outcomes.add(client.callTool(Mcp.SEND, call));
    }

    assertThat(outcomes.stream().filter(MultiInstanceTest::executed).count())
        .as("executed once: %s", outcomes)
        .isEqualTo(1);
    assertThat(outcomes.stream().filter(o -> !executed(o)))
        .hasSize(5)
        .allSatisfy(
            o -> {
              assertThat(o.path("isError").asBoolean()).isTrue();
              assertThat(text(o)).contains("already been used").contains("Nothing was done");
            });
    assertThat(cluster.commandsFor(device)).as("commands Jamf Pro received").hasSize(1);
  }

  @Test
  void aDeleteOnOneInstanceEndsTheSessionOnAll() throws Exception {
    McpClient client = cluster.client();
    client.initialize();
    String session = client.sessionId();
    for (int i = 0; i < cluster.instances.size(); i++) {
      assertThat(cluster.direct(i, session).post(ping()).statusCode())
          .as("instance %d serves the session before the DELETE", i)
          .isEqualTo(200);
    }

    assertThat(client.delete()).isEqualTo(204);

    for (int i = 0; i < cluster.instances.size(); i++) {
      McpClient other = cluster.direct(i, session);
      await("instance " + i + " to answer 404 for the ended session")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> other.post(ping()).statusCode() == 404);
    }
  }

  static ObjectNode ping() {
    return Json.object().put("jsonrpc", "2.0").put("id", 1).put("method", "ping");
  }

  @Test
  void redisStoppedMidRunRefusesWritesKeepsReadsAndRecoversWithNothingLostOrRepeated()
      throws Exception {
    int before = 21;
    int during = 22;
    McpClient client = cluster.client();
    client.initialize();
    ObjectNode doneArgs = logOutUser(before);
    ObjectNode done = confirmed(doneArgs, preview(client, doneArgs));
    assertThat(executed(client.callTool(Mcp.SEND, done))).isTrue();
    ObjectNode pendingArgs = logOutUser(during);
    ObjectNode pending = confirmed(pendingArgs, preview(client, pendingArgs));

    cluster.redis.stop();
    try {
      for (int i = 0; i < cluster.instances.size(); i++) {
        URI ready = cluster.instances.get(i).baseUrl().resolve("/health/ready");
        await("instance " + i + " readiness to say Redis is degraded")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> readiness(ready).body().contains("\"redis\":\"degraded\""));
        assertThat(readiness(ready).statusCode()).as("still ready: keeps the pod").isEqualTo(200);
      }
      // Writes: refused on every instance, clearly, with nothing done; the used one too.
      for (int i = 0; i < cluster.instances.size(); i++) {
        for (ObjectNode write : List.of(pending, done)) {
          JsonNode refused = cluster.direct(i, client.sessionId()).callTool(Mcp.SEND, write);
          assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
          assertThat(text(refused)).contains("could not be checked").contains("Nothing was done");
        }
      }
      // Reads go on, through the balancer on every instance; so do previews (signed, no Redis).
      for (int i = 0; i < cluster.instances.size(); i++) {
        JsonNode read = client.callTool(Mcp.DETAIL, Json.object().put("identifier", "3"));
        assertThat(read.path("isError").asBoolean()).as(read.toString()).isFalse();
      }
      preview(client, logOutUser(23));
      assertThat(cluster.commandsFor(before)).hasSize(1);
      assertThat(cluster.commandsFor(during)).isEmpty();
    } finally {
      cluster.redis.start();
    }

    for (int i = 0; i < cluster.instances.size(); i++) {
      URI ready = cluster.instances.get(i).baseUrl().resolve("/health/ready");
      await("instance " + i + " readiness to say Redis is up")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> readiness(ready).body().contains("\"redis\":\"up\""));
    }
    // The refused write now runs, once; neither confirmation runs again anywhere.
    assertThat(executed(client.callTool(Mcp.SEND, pending))).isTrue();
    for (int i = 0; i < cluster.instances.size(); i++) {
      for (ObjectNode write : List.of(pending, done)) {
        JsonNode replay = cluster.direct(i, client.sessionId()).callTool(Mcp.SEND, write);
        assertThat(text(replay)).as(replay.toString()).contains("already been used");
      }
    }
    assertThat(cluster.commandsFor(before)).as("not repeated").hasSize(1);
    assertThat(cluster.commandsFor(during)).as("not lost, not repeated").hasSize(1);
  }

  static HttpResponse<String> readiness(URI ready) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
  }
}
