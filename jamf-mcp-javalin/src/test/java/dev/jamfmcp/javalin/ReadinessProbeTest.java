package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.TestTools;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code <health>/ready} with a dependency checked in the background: it answers at once from the
 * last outcome, a failing or hanging dependency is "degraded" but ready (200), and checking stops
 * with the server.
 */
class ReadinessProbeTest {
  private final McpServer server = new TestTools().server();
  private McpTestServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private HttpResponse<String> ready() throws Exception {
    // The 30 s bound only catches a probe that waits for the dependency; it measures nothing.
    return http.client
        .sendAsync(
            HttpRequest.newBuilder(http.uri("/health/ready")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .get(30, TimeUnit.SECONDS);
  }

  private JsonNode readyBody() throws Exception {
    HttpResponse<String> response = ready();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.path("status").asString()).isEqualTo("ready");
    return body;
  }

  private void awaitState(String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(() -> assertThat(readyBody().path("jamf").asString()).isEqualTo(state));
  }

  @Test
  void aCheckHeldOnALatchLeavesReadinessAnsweringFromMemory() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.dependency(
                    "jamf",
                    () -> {
                      entered.countDown();
                      release.await();
                      return "11.30.1";
                    },
                    Duration.ofHours(1),
                    Duration.ofHours(1)));
    try {
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      JsonNode body = readyBody();
      assertThat(body.path("jamf").asString()).isEqualTo("unknown");
      assertThat(release.getCount()).isEqualTo(1); // answered while the check was held
    } finally {
      release.countDown();
    }
    awaitState("up");
    assertThat(readyBody().has("jamfReason")).isFalse();
    assertThat(http.send(HttpRequest.newBuilder(http.uri("/health")).GET()).body())
        .isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void aFailingDependencyIsDegradedWithItsReasonAndStillReady() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.dependency(
                    "jamf",
                    () -> {
                      if (failing.get()) {
                        throw new IllegalStateException(
                            "Jamf Pro failed with HTTP 500\n\tsecond line \"quoted\"");
                      }
                      return "ok";
                    },
                    Duration.ofMillis(20),
                    Duration.ofSeconds(30)));
    awaitState("degraded");
    JsonNode degraded = readyBody();
    assertThat(degraded.path("jamfReason").asString()).isEqualTo("Jamf Pro failed with HTTP 500");
    String since = degraded.path("jamfSince").asString();
    assertThat(since).isNotEmpty();
    // Later failures keep the time it became degraded.
    awaitState("degraded");
    assertThat(readyBody().path("jamfSince").asString()).isEqualTo(since);

    failing.set(false);
    awaitState("up");
  }

  @Test
  void aCheckPastItsTimeoutIsDegradedEvenIfItSucceedsLate() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger checks = new AtomicInteger();
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.dependency(
                    "jamf",
                    () -> {
                      if (checks.incrementAndGet() == 1) {
                        release.await(); // the first check hangs past its timeout
                      }
                      return "ok";
                    },
                    Duration.ofMillis(20),
                    Duration.ofMillis(50)));
    try {
      awaitState("degraded");
      assertThat(readyBody().path("jamfReason").asString()).isEqualTo("no answer within 50 ms");
      assertThat(checks).hasValue(1); // no second check piles up behind the hung one
    } finally {
      release.countDown();
    }
    // The late success does not count; the next check, on time, does.
    awaitState("up");
    assertThat(checks.get()).isGreaterThan(1);
  }

  @Test
  void checkingStopsWithTheServer() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    http =
        new McpTestServer(
            server,
            mcp ->
                mcp.dependency(
                    "probeStop",
                    checks::incrementAndGet,
                    Duration.ofMillis(10),
                    Duration.ofSeconds(30)));
    await().atMost(Duration.ofSeconds(30)).until(() -> checks.get() > 1);
    http.close();
    http = null;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("health-check-probeStop")));
  }
}
