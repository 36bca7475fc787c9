package dev.jamfmcp.benchmarks.scan;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;

/**
 * Streams a whole fleet (GENERAL section) from a simulated Jamf Pro through the client's pager into
 * typed {@link Computer} records, counting them so that nothing is retained, beside the floor
 * ({@link FloorScan}: the same pages fetched with the same concurrency, bodies discarded). The
 * simulator runs in a separate JVM so that only the client's heap is measured here.
 *
 * <pre>
 * java -Xmx512m -cp jamf-mcp-benchmarks/target/benchmarks.jar dev.jamfmcp.benchmarks.scan.PagerScan \
 *     [--computers 100000] [--page-size 2000] [--concurrency 5] [--warmup 2] [--iterations 5] \
 *     [--base-url http://host:port  (use a running simulator instead of starting one)] \
 *     [--copy-floor true  (also a floor that copies the bodies as the pager does, unparsed)]
 * </pre>
 */
public final class PagerScan {
  private PagerScan() {}

  public static void main(String[] args) throws Exception {
    int computers = 100_000;
    int pageSize = 2000;
    int concurrency = 5;
    int warmup = 2;
    int iterations = 5;
    String baseUrl = null;
    boolean copyFloor = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--computers" -> computers = Integer.parseInt(value);
        case "--page-size" -> pageSize = Integer.parseInt(value);
        case "--concurrency" -> concurrency = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--iterations" -> iterations = Integer.parseInt(value);
        case "--base-url" -> baseUrl = value;
        case "--copy-floor" -> copyFloor = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    SimulatorProcess sim = baseUrl == null ? SimulatorProcess.start(computers, "1g") : null;
    try {
      run(
          sim == null ? baseUrl : sim.baseUrl(),
          sim == null ? null : ProcessHandle.of(sim.pid()).orElse(null),
          pageSize,
          concurrency,
          warmup,
          iterations,
          copyFloor);
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
  }

  private static void run(
      String baseUrl,
      ProcessHandle simulator,
      int pageSize,
      int concurrency,
      int warmup,
      int iterations,
      boolean copyFloor)
      throws Exception {
    FloorScan floor = new FloorScan(baseUrl, "sim-client", "sim-secret", pageSize, concurrency);
    // the time the pager's requests spent in flight (sent to body received), summed: divided by
    // the scan's wall time, the mean number of requests in flight (the floor keeps 5 nearly always)
    LongAdder exchangeNanos = new LongAdder();
    FloorScan copying =
        copyFloor
            ? new FloorScan(baseUrl, "sim-client", "sim-secret", pageSize, concurrency, true)
            : null;
    long total = floor.total();
    try (JamfClient jamf =
        JamfClient.builder()
            .baseUrl(baseUrl)
            .clientCredentials("sim-client", "sim-secret")
            .maxConcurrentRequests(concurrency)
            .requestListener(e -> exchangeNanos.add(e.duration().toNanos()))
            .build()) {
      ListQuery query =
          ListQuery.all().withSections(ComputerSection.GENERAL).withPageSize(pageSize);
      Callable<Long> pager =
          () -> {
            long count = 0;
            for (Computer c : jamf.computers().list(query)) {
              if (c.general() != null) {
                count++;
              }
            }
            return count;
          };
      System.out.printf(
          Locale.ROOT,
          "%d computers, page size %d, %d in flight; %s %s, %d cores, max heap %d MB%n",
          total,
          pageSize,
          concurrency,
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      for (int i = 0; i < warmup; i++) {
        floor.run();
        if (copying != null) {
          copying.run();
        }
        check(pager.call(), total);
      }
      long[] floorNanos = new long[iterations];
      long[] pagerNanos = new long[iterations];
      long[] floorCpu = new long[iterations];
      long[] pagerCpu = new long[iterations];
      long[] floorSimCpu = new long[iterations];
      long[] pagerAllocated = new long[iterations];
      long[] pagerSimCpu = new long[iterations];
      List<String> heap = new ArrayList<>();
      List<String> threadCpu = new ArrayList<>();
      long maxLive = 0;
      long maxUsed = 0;
      for (int i = 0; i < iterations; i++) {
        long cpu = cpuNanos();
        long simCpu = cpuNanos(simulator);
        ThreadCpu threads = ThreadCpu.now();
        long start = System.nanoTime();
        floor.run();
        String floorThreads = ThreadCpu.format(ThreadCpu.now().since(threads));
        floorNanos[i] = System.nanoTime() - start;
        floorCpu[i] = cpuNanos() - cpu;
        floorSimCpu[i] = cpuNanos(simulator) - simCpu;
        if (copying != null) {
          long copyCpu = cpuNanos();
          ThreadCpu copyThreads = ThreadCpu.now();
          long copyStart = System.nanoTime();
          copying.run();
          System.out.printf(
              Locale.ROOT,
              "  iteration %d copy floor: %.0f ms, client CPU %.0f ms: %s%n",
              i + 1,
              (System.nanoTime() - copyStart) / 1e6,
              (cpuNanos() - copyCpu) / 1e6,
              ThreadCpu.format(ThreadCpu.now().since(copyThreads)));
        }
        try (HeapWatch watch = HeapWatch.start()) {
          cpu = cpuNanos();
          simCpu = cpuNanos(simulator);
          Allocations allocations = new Allocations();
          threads = ThreadCpu.now();
          long inFlightBefore = exchangeNanos.sum();
          start = System.nanoTime();
          check(pager.call(), total);
          pagerNanos[i] = System.nanoTime() - start;
          double inFlight = (exchangeNanos.sum() - inFlightBefore) / (double) pagerNanos[i];
          threadCpu.add(
              "iteration "
                  + (i + 1)
                  + " client CPU ms by thread: floor "
                  + floorThreads
                  + "; pager "
                  + ThreadCpu.format(ThreadCpu.now().since(threads))
                  + String.format(Locale.ROOT, "; pager requests in flight %.2f (mean)", inFlight));
          pagerAllocated[i] = allocations.since();
          pagerCpu[i] = cpuNanos() - cpu;
          pagerSimCpu[i] = cpuNanos(simulator) - simCpu;
          maxLive = Math.max(maxLive, watch.liveGrowth());
          maxUsed = Math.max(maxUsed, watch.usedGrowth());
          heap.add(
              String.format(
                  Locale.ROOT,
                  "allocated %.0f MB, after-GC +%.1f MB, in use +%.1f MB, %d GCs",
                  mb(pagerAllocated[i]),
                  mb(watch.liveGrowth()),
                  mb(watch.usedGrowth()),
                  watch.collections()));
        }
        System.out.printf(
            Locale.ROOT,
            "iteration %d: floor %.0f ms (CPU client %.0f ms, simulator %.0f ms),"
                + " pager %.0f ms (CPU client %.0f ms, simulator %.0f ms; %s); load %.1f%n",
            i + 1,
            floorNanos[i] / 1e6,
            floorCpu[i] / 1e6,
            floorSimCpu[i] / 1e6,
            pagerNanos[i] / 1e6,
            pagerCpu[i] / 1e6,
            pagerSimCpu[i] / 1e6,
            heap.get(i),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("  " + threadCpu.get(i));
      }
      double f = median(floorNanos) / 1e6;
      double p = median(pagerNanos) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "median floor %.0f ms, median pager %.0f ms, ratio %.2f; "
              + "heap growth during the pager scans: live after GC at most +%.1f MB, in use at most +%.1f MB%n",
          f,
          p,
          p / f,
          mb(maxLive),
          mb(maxUsed));
      System.out.printf(
          Locale.ROOT,
          "median allocation by the pager scan: %.0f MB (%.0f bytes a computer)%n",
          median(pagerAllocated) / (1024.0 * 1024.0),
          median(pagerAllocated) / total);
      System.out.printf(
          Locale.ROOT,
          "live set (a full GC at every page boundary of one extra, untimed scan):"
              + " at most +%.1f MB over the heap left before that scan%n",
          mb(liveSet(jamf, query, pageSize, total)));
      System.out.printf(
          Locale.ROOT,
          "median CPU: floor client %.0f ms + simulator %.0f ms; pager client %.0f ms"
              + " + simulator %.0f ms%n",
          median(floorCpu) / 1e6,
          median(floorSimCpu) / 1e6,
          median(pagerCpu) / 1e6,
          median(pagerSimCpu) / 1e6);
    }
  }

  /**
   * The most heap the scan keeps reachable: one more scan whose consumer runs a full GC at every
   * page boundary and reads the heap left, minus the heap left before the scan. Catches the window
   * of parsed pages and whatever bodies are in flight at that moment.
   */
  private static long liveSet(JamfClient jamf, ListQuery query, int pageSize, long total) {
    System.gc();
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = 0;
    long count = 0;
    for (var iterator = jamf.computers().list(query).iterator(); iterator.hasNext(); ) {
      iterator.next(); // each record is dropped at once: only the pager's own buffers stay live
      if (++count % pageSize == 1) {
        System.gc();
        max =
            Math.max(
                max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - baseline);
      }
    }
    check(count, total);
    return max;
  }

  /** CPU time of this JVM, all threads. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the simulator's process, 0 when it is not ours. */
  private static long cpuNanos(ProcessHandle process) {
    return process == null
        ? 0
        : process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private static void check(long counted, long total) {
    if (counted != total) {
      throw new IllegalStateException("the pager counted " + counted + " computers of " + total);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
