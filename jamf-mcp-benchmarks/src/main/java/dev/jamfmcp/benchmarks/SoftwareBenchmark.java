package dev.jamfmcp.benchmarks;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code findComputersBySoftware} end to end on fleets of several sizes ({@link FleetCalls}): Jamf
 * Pro 11.30.1 has no inventory filter on applications, so the tool streams the fleet's APPLICATIONS
 * section once; this measures what that costs in time and requests.
 *
 * <pre>
 * mvn -B -q -pl jamf-mcp-benchmarks -am package -DskipTests
 * java -Xmx2g -cp jamf-mcp-benchmarks/target/benchmarks.jar dev.jamfmcp.benchmarks.SoftwareBenchmark 500 10000 100000
 * </pre>
 */
public final class SoftwareBenchmark {
  private SoftwareBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = FleetCalls.sizes(args);
    System.out.println(
        "| computers | arguments | median | min | max | Jamf requests per call |"
            + " matching / with the application |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|");
    for (int size : sizes) {
      try (FleetCalls fleet = new FleetCalls(size)) {
        for (String arguments :
            List.of(
                "{\"application\":\"Chrome\",\"belowVersion\":\"120\"}",
                "{\"application\":\"Chrome\",\"belowVersion\":\"120\",\"limit\":1000}")) {
          FleetCalls.Measured m = fleet.measure("findComputersBySoftware", arguments, 1, 3);
          JsonNode out = m.lastResult().path("structuredContent");
          System.out.printf(
              "| %,d | `%s` | %.1f ms | %.1f ms | %.1f ms | %d | %s / %s |%n",
              size,
              arguments,
              m.median(),
              m.min(),
              m.max(),
              m.requests(),
              out.path("matching").asString(),
              out.path("computersWithApplication").asString());
        }
      }
    }
  }
}
