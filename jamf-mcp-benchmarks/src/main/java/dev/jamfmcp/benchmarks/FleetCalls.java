package dev.jamfmcp.benchmarks;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.MessageSink;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.tools.JamfTools;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One simulated fleet and one initialized MCP session over it (engine, schema validation, the
 * read-only Jamf tools, JamfClient over HTTP, the simulated Jamf Pro on loopback), for the fleet
 * benchmarks: each call's wall time and the Jamf requests it made.
 */
final class FleetCalls implements AutoCloseable {
  /** The measured calls of one tool and arguments, and the last call's result. */
  record Measured(List<Double> millis, long requests, JsonNode lastResult) {
    double median() {
      return millis.get(millis.size() / 2);
    }

    double min() {
      return millis.get(0);
    }

    double max() {
      return millis.get(millis.size() - 1);
    }
  }

  private final SimulatedJamfPro sim;
  private final JamfClient jamf;
  private final McpServer server;
  private final McpSession session;
  private final Caller caller = new Caller(Principal.of("bench", "read:jamf"), MessageSink.DISCARD);
  private int nextId = 1;

  /** The fleet sizes named on the command line; 500, 10,000 and 100,000 when none are. */
  static int[] sizes(String[] args) {
    return args.length == 0
        ? new int[] {500, 10_000, 100_000}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
  }

  FleetCalls(int computers) throws Exception {
    sim = SimulatedJamfPro.start(SimulatorConfig.of(b -> b.computers(computers).mobileDevices(10)));
    jamf =
        JamfClient.builder()
            .baseUrl(sim.baseUrl())
            .clientCredentials(sim.config().clientId(), sim.config().clientSecret())
            .build();
    JamfTools tools = JamfTools.create(jamf, s -> s.readOnly(true));
    server =
        McpServer.create(c -> tools.registerInto(c.serverInfo(Implementation.of("bench", "1"))));
    session = server.newSession();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  /**
   * {@code warmup} unmeasured calls, then {@code runs} measured ones; the requests are those of the
   * last call (GET /api/ and GET /JSSResource/ lines of the simulator's request log).
   */
  Measured measure(String tool, String arguments, int warmup, int runs) throws Exception {
    List<Double> millis = new ArrayList<>();
    long requests = 0;
    JsonNode result = null;
    for (int i = 0; i < warmup + runs; i++) {
      sim.requestLog().clear();
      long start = System.nanoTime();
      JsonNode reply =
          send(
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + nextId++
                  + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                  + tool
                  + "\",\"arguments\":"
                  + arguments
                  + "}}");
      double elapsed = (System.nanoTime() - start) / 1e6;
      result = reply.path("result");
      if (result.path("isError").asBoolean() || !result.has("structuredContent")) {
        throw new IllegalStateException("call failed: " + reply);
      }
      if (i >= warmup) {
        millis.add(elapsed);
        requests =
            sim.requestLog().recent().stream()
                .filter(r -> r.startsWith("GET /api/") || r.startsWith("GET /JSSResource/"))
                .count();
      }
    }
    Collections.sort(millis);
    return new Measured(millis, requests, result);
  }

  private JsonNode send(String text) throws Exception {
    Optional<String> reply = session.handleText(text, caller).get(10, TimeUnit.MINUTES);
    return reply.map(r -> Json.mapper().readTree(r)).orElse(null);
  }

  @Override
  public void close() {
    server.close();
    jamf.close();
    sim.close();
  }
}
