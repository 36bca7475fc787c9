package dev.jamfmcp.benchmarks.scan;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by this JVM's threads between a snapshot and now (HotSpot's per-thread allocation
 * counters). Threads that end in between are not counted, so this is a lower bound; the pager's
 * threads and java.net.http's selector outlive a scan.
 */
final class Allocations {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> before = snapshot();

  private static Map<Long, Long> snapshot() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> out = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        out.put(ids[i], bytes[i]);
      }
    }
    return out;
  }

  long since() {
    long total = 0;
    for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
      total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return total;
  }
}
