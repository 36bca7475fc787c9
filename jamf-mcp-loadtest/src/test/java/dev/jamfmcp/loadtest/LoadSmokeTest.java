package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short version of the load harness, run by {@code mvn verify}: 8 clients, 1,500 requests (a
 * few seconds). Fails on any error, or when, between the first sample (after a 300-request warm-up
 * that fills every pool) and the last, this JVM grows by more than {@value #HEAP_TOLERANCE_MIB} MiB
 * of heap after GC, {@value #THREAD_TOLERANCE} threads or {@value #FD_TOLERANCE} file descriptors.
 * A leak of one 64 KiB buffer per request is 75 MiB over the 1,200 measured requests, and of one
 * thread per request 1,200 threads: both far past the tolerances, which only absorb a noisy 2-core
 * machine (pools settling, GC timing).
 */
class LoadSmokeTest {
  static final int HEAP_TOLERANCE_MIB = 16;
  static final int THREAD_TOLERANCE = 8;
  static final int FD_TOLERANCE = 16;

  @Test
  void eightClientsFifteenHundredRequestsNoErrorsNoGrowth() throws Exception {
    try (SimulatedJamfPro jamf =
            SimulatedJamfPro.start(
                SimulatorConfig.of(c -> c.computers(500).mdmAcknowledgeAfter(null)));
        ServerUnderTest server = ServerUnderTest.start(jamf.baseUrl())) {
      LoadRun.Options options =
          new LoadRun.Options(
              8, Duration.ofSeconds(90), 1500, 300, Duration.ofSeconds(2), 500, 200);
      LoadRun.Report report = new LoadRun(server.mcpUrl(), options).run(s -> {});
      System.out.print(report);

      assertThat(report.errors()).isEmpty();
      assertThat(report.requests()).isEqualTo(1500);
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
