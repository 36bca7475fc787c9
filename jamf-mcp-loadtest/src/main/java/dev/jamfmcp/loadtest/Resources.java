package dev.jamfmcp.loadtest;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This JVM's heap after a full GC, live threads and open file descriptors, at one instant. */
public record Resources(long heapAfterGcBytes, int threads, long openFds) {

  /** Collects garbage (twice, with a short pause) and takes the sample. */
  public static Resources sample() {
    for (int i = 0; i < 2; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    return new Resources(heap, threads, countOpenFds());
  }

  static long countOpenFds() {
    String[] fds = new File("/proc/self/fd").list();
    if (fds != null) {
      return fds.length;
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getOpenFileDescriptorCount();
    }
    return -1;
  }

  public double heapMiB() {
    return heapAfterGcBytes / (1024.0 * 1024.0);
  }

  @Override
  public String toString() {
    return String.format("heap after GC %.1f MiB, %d threads, %d fds", heapMiB(), threads, openFds);
  }
}
