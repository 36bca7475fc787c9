package dev.jamfmcp.benchmarks;

import java.util.List;
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
    int[] sizes = FleetCalls.sizes(args);
    System.out.println(
        "| computers | tool | arguments | median | min | max | Jamf requests per call |"
            + " noncompliant (check-in) / failing, unknown (baseline) |");
    System.out.println("|---:|---|---|---:|---:|---:|---:|---:|");
    for (int size : sizes) {
      run(size);
    }
  }

  private static void run(int size) throws Exception {
    try (FleetCalls fleet = new FleetCalls(size)) {
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
        boolean baseline = tool.equals(BASELINE);
        FleetCalls.Measured m =
            fleet.measure(tool, arguments, baseline ? 1 : WARMUP, baseline ? 3 : RUNS);
        JsonNode summary = m.lastResult().path("structuredContent").path("summary");
        String noncompliant =
            baseline
                ? summary.path("computers").path("failing").asString()
                    + ", "
                    + summary.path("computers").path("unknown").asString()
                : summary.path("noncompliant").asString();
        System.out.printf(
            "| %,d | %s | `%s` | %.1f ms | %.1f ms | %.1f ms | %d | %s |%n",
            size, tool, arguments, m.median(), m.min(), m.max(), m.requests(), noncompliant);
      }
    }
  }
}
