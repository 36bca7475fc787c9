package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short version of the load harness, run by {@code mvn verify}: 8 clients, {@value #REQUESTS}
 * requests of the real tools' read mix against a simulated Jamf Pro of 200 computers and 50 mobile
 * devices (seconds on an idle machine). Fails on any error (a JSON-RPC error, an HTTP failure or an
 * {@code isError} tool result), or when, between the first sample (after a {@value #WARMUP}-request
 * warm-up that fills every pool) and the last, this JVM grows by more than {@value
 * #HEAP_TOLERANCE_MIB} MiB of heap after GC, {@value #THREAD_TOLERANCE} threads or {@value
 * #FD_TOLERANCE} file descriptors. A leak of one 64 KiB buffer per request is 22 MiB over the 350
 * measured requests, and of one thread per request 350 threads: both past the tolerances, which
 * only absorb a noisy 2-core machine (pools settling, GC timing).
 */
class LoadSmokeTest {
  static final int REQUESTS = 500;
  static final int WARMUP = 150;
  static final int HEAP_TOLERANCE_MIB = 16;
  static final int THREAD_TOLERANCE = 8;
  static final int FD_TOLERANCE = 16;

  @Test
  void eightClientsFifteenHundredRequestsNoErrorsNoGrowth() throws Exception {
    try (SimulatedJamfPro jamf =
            SimulatedJamfPro.start(
                SimulatorConfig.of(
                    c -> c.computers(200).mobileDevices(50).mdmAcknowledgeAfter(null)));
        ServerUnderTest server = ServerUnderTest.start(jamf.baseUrl())) {
      LoadRun.Options options =
          new LoadRun.Options(
              8,
              Duration.ofMinutes(10), // only a stop for a hang; the budget is the request count
              REQUESTS,
              WARMUP,
              Duration.ofSeconds(2),
              LoadMain.targets(jamf),
              200);
      LoadRun.Report report = new LoadRun(server.mcpUrl(), options).run(s -> {});
      System.out.print(report);

      assertThat(report.errors()).isEmpty();
      assertThat(report.requests()).isEqualTo(REQUESTS);
      Resources first = report.first().resources();
      Resources last = report.last().resources();
      assertThat(last.heapAfterGcBytes() - first.heapAfterGcBytes())
          .as("heap growth, first %s, last %s", first, last)
          .isLessThan(HEAP_TOLERANCE_MIB * 1024L * 1024L);
      assertThat(last.threads() - first.threads())
          .as("thread growth")
          .isLessThanOrEqualTo(THREAD_TOLERANCE);
      assertThat(last.openFds() - first.openFds())
          .as("fd growth")
          .isLessThanOrEqualTo(FD_TOLERANCE);
    }
  }
}
