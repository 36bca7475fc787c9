package dev.jamfmcp.simulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every Jamf API request the simulator received (admin routes excluded), as {@code "GET
 * /api/v3/computers-inventory?section=GENERAL&page=0"}: a counter of all of them and the most
 * recent {@value #KEPT}, so tests can count what a tool asked of Jamf.
 */
public final class RequestLog {
  static final int KEPT = 20_000;

  private final AtomicLong count = new AtomicLong();
  private final ArrayDeque<String> recent = new ArrayDeque<>();

  void record(String method, String pathAndQuery) {
    count.incrementAndGet();
    synchronized (recent) {
      if (recent.size() == KEPT) {
        recent.removeFirst();
      }
      recent.addLast(method + " " + pathAndQuery);
    }
  }

  /** How many requests arrived since the start or the last {@link #clear()}. */
  public long count() {
    return count.get();
  }

  /** The most recent requests, oldest first. */
  public List<String> recent() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }

  public void clear() {
    synchronized (recent) {
      recent.clear();
      count.set(0);
    }
  }
}
