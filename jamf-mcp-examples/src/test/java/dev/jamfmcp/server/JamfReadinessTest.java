package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.faults.FaultSettings;
import dev.jamfmcp.simulator.http.RequestHook;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The executable's readiness as a load balancer sees it: {@code /health/ready} answers from the
 * background Jamf check, so a slow, failing or stopped Jamf Pro leaves every instance ready
 * ("jamf":"degraded", 200) instead of taking the whole fleet out of rotation, and the tools go on
 * answering.
 */
class JamfReadinessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String VERSION_PATH = "/api/v1/jamf-pro-version";

  private SimulatedJamfPro jamf;
  private JamfClient client;
  private McpServer server;
  private Javalin app;
  private boolean jamfStopped;
  private ClusterWiring cluster;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (app != null) {
      app.stop();
    }
    if (server != null) {
      server.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (client != null) {
      client.close();
    }
    if (jamf != null && !jamfStopped) {
      jamf.close();
    }
  }

  /** The executable's plugin on a free port, checking Jamf Pro every 100 ms (1 s timeout). */
  private String start(String... settings) {
    return start(Map.of(), settings);
  }

  private String start(Map<String, String> extraEnv, String... settings) {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(5)));
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "JAMF_URL",
                jamf.baseUrl(),
                "JAMF_CLIENT_ID",
                jamf.config().clientId(),
                "JAMF_CLIENT_SECRET",
                jamf.config().clientSecret(),
                "MCP_READ_ONLY",
                "true",
                "JAMF_HEALTH_CHECK_INTERVAL",
                "100ms",
                "JAMF_HEALTH_CHECK_TIMEOUT",
                "1s"));
    env.putAll(extraEnv);
    ServerConfig config = ServerAssembly.config(settings, env);
    client = ServerAssembly.jamfClient(config.jamf()).build();
    server = ServerAssembly.mcpServer(config, client, null, ConsumedTokens.inMemory());
    app =
        Javalin.create(
                javalin -> {
                  javalin.startup.showJavalinBanner = false;
                  cluster = ClusterWiring.from(config);
                  javalin.registerPlugin(
                      new McpPlugin(
                          mcp ->
                              ServerAssembly.configure(
                                  mcp,
                                  config,
                                  CompletableFuture.completedFuture(server),
                                  client,
                                  javalin,
                                  null,
                                  null,
                                  new RequestLog(),
                                  cluster)));
                })
            .start("127.0.0.1", 0);
    return "http://127.0.0.1:" + app.port();
  }

  private static HttpResponse<String> ready(String base) throws Exception {
    // The 30 s bound only catches a hang (an inline Jamf call blocked on the latch), never a
    // measurement: a good probe answers at once.
    return HTTP.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/health/ready")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .get(30, TimeUnit.SECONDS);
  }

  private static JsonNode readyBody(String base) throws Exception {
    HttpResponse<String> response = ready(base);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.path("status").asString()).isEqualTo("ready");
    return body;
  }

  private static void awaitJamf(String base, String state) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(readyBody(base).path("jamf").asString()).isEqualTo(state));
  }

  private static JsonNode searchDevices(String base) throws Exception {
    McpHttpSession mcp = new McpHttpSession(URI.create(base + "/mcp"), null);
    mcp.initialize();
    return mcp.request("tools/call", "{\"name\":\"searchDevices\",\"arguments\":{}}");
  }

  @Test
  void aSlowJamfProLeavesReadinessAnsweringAndTheToolsWorking() throws Exception {
    String base = start();
    awaitJamf(base, "up");
    // From now on Jamf Pro takes 5 s a request, and the version request the check makes hangs.
    CountDownLatch checkBlocked = new CountDownLatch(1);
    jamf.onRequest(
        (point, seen) -> {
          if (point == RequestHook.Point.AFTER_TOKEN_CHECK && seen.path().equals(VERSION_PATH)) {
            checkBlocked.countDown();
            release.await();
          }
        });
    jamf.faults().set(FaultSettings.none().withLatency(Duration.ofSeconds(5)));
    assertThat(checkBlocked.await(30, TimeUnit.SECONDS)).isTrue();

    // While a Jamf request is held, readiness answers from memory: ready, whatever Jamf does.
    JsonNode body = readyBody(base);
    assertThat(body.path("jamf").asString()).isIn("up", "degraded");
    assertThat(release.getCount()).isEqualTo(1); // the check is still held
    // The check gives up after its timeout: Jamf Pro is degraded, the instance still ready.
    awaitJamf(base, "degraded");
    assertThat(readyBody(base).path("jamfReason").asString()).contains("no answer within");

    // A read tool still answers, slowly, since it never waits for the probe or the check.
    JsonNode result = searchDevices(base);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();

    jamf.faults().clear();
    release.countDown();
    awaitJamf(base, "up");
  }

  @Test
  void jamfProFailingOrStoppedMakesReadinessDegradedButNever503() throws Exception {
    String base = start();
    awaitJamf(base, "up");

    jamf.faults().set(FaultSettings.none().withErrorRate(500, 1.0).withPathPrefix(VERSION_PATH));
    awaitJamf(base, "degraded");
    JsonNode degraded = readyBody(base);
    assertThat(degraded.path("jamfReason").asString()).contains("HTTP 500").doesNotContain("\n");
    assertThat(degraded.path("jamfSince").asString()).isNotEmpty();
    jamf.faults().clear();
    awaitJamf(base, "up");

    jamf.stop();
    jamfStopped = true;
    awaitJamf(base, "degraded");
    // The tools answer with an error the user can read rather than the server disappearing.
    JsonNode result = searchDevices(base);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString()).contains("Jamf Pro");
  }

  @Test
  void anUnreachableRedisMakesReadinessDegradedWithoutItsPassword() throws Exception {
    int closed = Ports.freeLoopbackPort();
    String base = start(Map.of("MCP_REDIS_URL", "redis://:s3cret-pw@127.0.0.1:" + closed + "/0"));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () -> assertThat(readyBody(base).path("redis").asString()).isEqualTo("degraded"));
    JsonNode body = readyBody(base);
    assertThat(body.path("redisReason").asString())
        .contains("unreachable")
        .doesNotContain("s3cret-pw");
    assertThat(body.toString()).doesNotContain("s3cret-pw");
    // Reads go on without Redis.
    JsonNode result = searchDevices(base);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
  }
}
