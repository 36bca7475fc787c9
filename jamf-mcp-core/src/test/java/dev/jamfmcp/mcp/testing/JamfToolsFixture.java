package dev.jamfmcp.mcp.testing;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Jamf Pro on port 0, a JamfClient with its credentials, the read-only Jamf tools in an
 * McpServer, and an initialized in-memory client with {@code read:jamf}. The tools' clock is the
 * fleet's "now", so counts can be compared with the simulator's own ground truth.
 */
public final class JamfToolsFixture implements AutoCloseable {
  public static final Instant NOW = Instant.parse("2026-11-02T10:15:30Z");

  public final SimulatedJamfPro sim;
  public final JamfClient jamf;
  public final JamfTools tools;
  public final McpServer server;
  public final TestClient client;

  private JamfToolsFixture(Consumer<SimulatorConfig.Builder> config) {
    this.sim =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                b -> {
                  b.fleetNow(NOW);
                  config.accept(b);
                }));
    this.jamf =
        JamfClient.builder()
            .baseUrl(sim.baseUrl())
            .clientCredentials(sim.config().clientId(), sim.config().clientSecret())
            .maxRetries(2)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
    this.tools =
        JamfTools.create(jamf, s -> s.readOnly(true).clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    this.server =
        McpServer.create(
            c -> tools.registerInto(c.serverInfo(Implementation.of("jamf-mcp", "test"))));
    this.client = client(JamfScopes.READ);
  }

  public static JamfToolsFixture start(Consumer<SimulatorConfig.Builder> config) {
    return new JamfToolsFixture(config);
  }

  public static JamfToolsFixture start() {
    return start(b -> {});
  }

  /** A new initialized session for a principal with these scopes. */
  public TestClient client(String... scopes) {
    TestClient c = new TestClient(server, Principal.of("tester", scopes));
    c.initialize("2025-11-25");
    return c;
  }

  /** tools/call; returns {@code result} (failing the test on a JSON-RPC error). */
  public JsonNode call(String tool, String argumentsJson) {
    return call(client, tool, argumentsJson);
  }

  public static JsonNode call(TestClient c, String tool, String argumentsJson) {
    JsonNode reply = c.request("tools/call", params(tool, argumentsJson));
    if (reply.has("error")) {
      throw new AssertionError("JSON-RPC error from " + tool + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  public static ObjectNode params(String tool, String argumentsJson) {
    ObjectNode params = Json.object().put("name", tool);
    params.set("arguments", Json.mapper().readTree(argumentsJson));
    return params;
  }

  /** Structured content of a successful call. */
  public JsonNode data(String tool, String argumentsJson) {
    JsonNode result = call(tool, argumentsJson);
    if (result.path("isError").asBoolean()) {
      throw new AssertionError(tool + " failed: " + result.path("content"));
    }
    return result.get("structuredContent");
  }

  /**
   * Structured content of a call that may take longer than TestClient's 30 s (whole-fleet scans on
   * a busy machine).
   */
  public JsonNode slowData(String tool, String argumentsJson, Duration timeout) throws Exception {
    String text =
        dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec.encode(
            client.requestMessage("tools/call", params(tool, argumentsJson)));
    String reply =
        client
            .sendAsync(text)
            .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .orElseThrow();
    JsonNode result = Json.mapper().readTree(reply).get("result");
    if (result == null || result.path("isError").asBoolean()) {
      throw new AssertionError(tool + " failed: " + reply);
    }
    return result.get("structuredContent");
  }

  /** The text of an isError result, failing if the call succeeded. */
  public String error(String tool, String argumentsJson) {
    JsonNode result = call(tool, argumentsJson);
    if (!result.path("isError").asBoolean()) {
      throw new AssertionError(tool + " should have failed: " + result);
    }
    return result.path("content").path(0).path("text").asString();
  }

  /** Jamf API requests whose path starts with {@code prefix} since the log was cleared. */
  public long requests(String prefix) {
    return sim.requestLog().recent().stream().filter(r -> r.startsWith(prefix)).count();
  }

  @Override
  public void close() {
    server.close();
    jamf.close();
    sim.close();
  }
}
