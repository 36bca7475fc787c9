package dev.jamfmcp.loadtest;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.Fleet;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load and soak harness:
 *
 * <pre>
 * java -jar jamf-mcp-loadtest/target/loadtest.jar --clients 32 --duration 60s
 * java -Xmx512m -jar jamf-mcp-loadtest/target/loadtest.jar --clients 16 --duration 30m --interval 60s
 * </pre>
 *
 * Options: {@code --clients N} (16), {@code --duration 60s|10m|1h} (60s), {@code --requests N} (0:
 * no limit), {@code --warmup N} requests before the first sample (500), {@code --interval} between
 * samples (10s), {@code --computers N} in the simulated fleet (2000), {@code --url} of an MCP
 * endpoint to load instead of the in-process server and simulator (resource figures are then this
 * JVM's, not the server's). Exits 1 if any request failed.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    // The server's per-request log lines (jamf-mcp.requests) would swamp the report.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("log", "warn"));
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int computers = Integer.parseInt(opts.getOrDefault("computers", "2000"));
    int clients = Integer.parseInt(opts.getOrDefault("clients", "16"));
    Duration duration = duration(opts.getOrDefault("duration", "60s"));
    long requests = Long.parseLong(opts.getOrDefault("requests", "0"));
    long warmup = Long.parseLong(opts.getOrDefault("warmup", "500"));
    Duration interval = duration(opts.getOrDefault("interval", "10s"));
    LoadRun.Report report;
    if (opts.containsKey("url")) {
      // Another server: ids that every simulated Jamf Pro has.
      LoadRun.Targets targets =
          new LoadRun.Targets(
              Math.min(computers, 500),
              150,
              List.of("Engineering", "Sales", "Finance"),
              List.of(1, 2, 3),
              List.of(1, 2, 3));
      report =
          new LoadRun(
                  URI.create(opts.get("url")),
                  new LoadRun.Options(clients, duration, requests, warmup, interval, targets, 200))
              .run(LoadMain::print);
    } else {
      try (SimulatedJamfPro jamf =
              SimulatedJamfPro.start(
                  SimulatorConfig.of(c -> c.computers(computers).mdmAcknowledgeAfter(null)));
          ServerUnderTest server = ServerUnderTest.start(jamf.baseUrl())) {
        System.out.println(
            "MCP server at " + server.mcpUrl() + ", Jamf Pro simulator at " + jamf.baseUrl());
        LoadRun.Options options =
            new LoadRun.Options(clients, duration, requests, warmup, interval, targets(jamf), 200);
        report = new LoadRun(server.mcpUrl(), options).run(LoadMain::print);
      }
    }
    System.out.println();
    System.out.print(report);
    System.exit(report.errorCount() == 0 ? 0 : 1);
  }

  /** What the simulated Jamf Pro holds, for the mix's arguments. */
  public static LoadRun.Targets targets(SimulatedJamfPro jamf) {
    Fleet fleet = jamf.fleet();
    return new LoadRun.Targets(
        jamf.config().computers(),
        jamf.config().mobileDevices(),
        fleet.departments().stream().map(d -> d.name()).toList(),
        fleet.policies().stream().map(p -> p.id()).toList(),
        fleet.smartGroups().stream().map(g -> g.id()).toList());
  }

  private static void print(LoadRun.Sample s) {
    System.out.printf(
        "%6.1f s  %8d requests  %s%n", s.elapsedMillis() / 1000.0, s.requests(), s.resources());
  }

  static Duration duration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
    if (t.endsWith("ms")) {
      return Duration.ofMillis(n);
    }
    if (t.endsWith("h")) {
      return Duration.ofHours(n);
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(n);
    }
    return Duration.ofSeconds(n);
  }
}
