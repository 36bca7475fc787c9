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
 * {@code checkDeviceCompliance} and {@code checkComplianceBaseline} end to end (engine, schema
 * validation, JamfClient over HTTP, simulated Jamf Pro on loopback) on fleets of several sizes:
 * median wall time of several calls and the Jamf requests one call makes. A plain main rather than
 * JMH: one call is milliseconds to seconds and mostly I/O, and the request count is the figure that
 * matters.
 *
 * <pre>
 * mvn -B -q -pl jamf-mcp-benchmarks -am package -DskipTests
 * java -Xmx1g -cp jamf-mcp-benchmarks/target/benchmarks.jar dev.jamfmcp.benchmarks.ComplianceBenchmark 500 10000 100000
 * </pre>
 */
public final class ComplianceBenchmark {
  private static final int WARMUP = 3;
  private static final int RUNS = 9;
  private static final String CHECK_IN = "checkDeviceCompliance";
  private static final String BASELINE = "checkComplianceBaseline";

  private ComplianceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        args.length == 0
            ? new int[] {500, 10_000, 100_000}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println(
        "| computers | tool | arguments | median | min | max | Jamf requests per call |"
            + " noncompliant (check-in) / failing, unknown (baseline) |");
    System.out.println("|---:|---|---|---:|---:|---:|---:|---:|");
    for (int size : sizes) {
      run(size);
    }
  }

  private static void run(int size) throws Exception {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(SimulatorConfig.of(b -> b.computers(size).mobileDevices(10)));
        JamfClient jamf =
            JamfClient.builder()
                .baseUrl(sim.baseUrl())
                .clientCredentials(sim.config().clientId(), sim.config().clientSecret())
                .build()) {
      JamfTools tools = JamfTools.create(jamf, s -> s.readOnly(true));
      try (McpServer server =
          McpServer.create(
              c -> tools.registerInto(c.serverInfo(Implementation.of("bench", "1"))))) {
        McpSession session = server.newSession();
        Caller caller = new Caller(Principal.of("bench", "read:jamf"), MessageSink.DISCARD);
        send(
            session,
            caller,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
        send(session, caller, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        for (String[] call :
            List.of(
                new String[] {CHECK_IN, "{\"includeDevices\":false}"},
                new String[] {CHECK_IN, "{\"includeDevices\":true,\"limit\":100}"},
                new String[] {CHECK_IN, "{\"includeDevices\":true,\"limit\":2000}"},
                new String[] {BASELINE, "{\"platform\":\"computers\",\"includeDevices\":false}"},
                new String[] {BASELINE, "{\"platform\":\"computers\",\"limit\":100}"})) {
          String tool = call[0];
          String arguments = call[1];
          // the baseline scans the fleet (seconds on 100,000): fewer rounds
          int warmup = tool.equals(BASELINE) ? 1 : WARMUP;
          int runs = tool.equals(BASELINE) ? 3 : RUNS;
          List<Double> millis = new ArrayList<>();
          long requests = 0;
          String noncompliant = "";
          for (int i = 0; i < warmup + runs; i++) {
            sim.requestLog().clear();
            long start = System.nanoTime();
            JsonNode reply =
                send(
                    session,
                    caller,
                    "{\"jsonrpc\":\"2.0\",\"id\":"
                        + (i + 1)
                        + ",\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\""
                        + tool
                        + "\",\"arguments\":"
                        + arguments
                        + "}}");
            double elapsed = (System.nanoTime() - start) / 1e6;
            JsonNode result = reply.path("result");
            if (result.path("isError").asBoolean() || !result.has("structuredContent")) {
              throw new IllegalStateException("call failed: " + reply);
            }
            if (i >= warmup) {
              millis.add(elapsed);
              requests =
                  sim.requestLog().recent().stream().filter(r -> r.startsWith("GET /api/")).count();
              JsonNode summary = result.path("structuredContent").path("summary");
              noncompliant =
                  tool.equals(CHECK_IN)
                      ? summary.path("noncompliant").asString()
                      : summary.path("computers").path("failing").asString()
                          + ", "
                          + summary.path("computers").path("unknown").asString();
            }
          }
          Collections.sort(millis);
          System.out.printf(
              "| %,d | %s | `%s` | %.1f ms | %.1f ms | %.1f ms | %d | %s |%n",
              size,
              tool,
              arguments,
              millis.get(millis.size() / 2),
              millis.get(0),
              millis.get(millis.size() - 1),
              requests,
              noncompliant);
        }
      }
    }
  }

  private static JsonNode send(McpSession session, Caller caller, String text) throws Exception {
    Optional<String> reply = session.handleText(text, caller).get(5, TimeUnit.MINUTES);
    return reply.map(r -> Json.mapper().readTree(r)).orElse(null);
  }
}
