package dev.jamfmcp.mcp.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many server-to-client requests (an elicitation waiting for a person, ...) may be waiting at
 * once: per principal, so that one client that never answers cannot hold more than a few handler
 * threads, and in total, so that on a bounded pool (Java 17) a share of the threads always stays
 * free for calls that wait for nobody.
 */
final class ClientWaits {
  /** What a request over a limit is told; the tool shows it to the person. */
  enum Refusal {
    PER_PRINCIPAL,
    TOTAL
  }

  private final int total;
  private final int perPrincipal;
  private final Map<String, Integer> bySubject = new HashMap<>();
  private int open;

  ClientWaits(int total, int perPrincipal) {
    this.total = total;
    this.perPrincipal = perPrincipal;
  }

  /**
   * The total for a pool: three quarters of a bounded pool's threads (at least one thread is kept
   * free), unlimited where threads are not the bound (virtual threads, or a pool of unknown size).
   */
  static int totalFor(ExecutorService executor) {
    if (executor instanceof ThreadPoolExecutor pool) {
      int threads = pool.getMaximumPoolSize();
      return Math.max(1, threads - Math.max(1, threads / 4));
    }
    return Integer.MAX_VALUE;
  }

  int perPrincipal() {
    return perPrincipal;
  }

  /** A permit, released (once) by running it; or the limit that refused it. */
  sealed interface Outcome permits Granted, Refused {}

  record Granted(Runnable release) implements Outcome {}

  record Refused(Refusal refusal) implements Outcome {}

  synchronized Outcome acquire(String subject) {
    int mine = bySubject.getOrDefault(subject, 0);
    if (mine >= perPrincipal) {
      return new Refused(Refusal.PER_PRINCIPAL);
    }
    if (open >= total) {
      return new Refused(Refusal.TOTAL);
    }
    bySubject.put(subject, mine + 1);
    open++;
    AtomicBoolean released = new AtomicBoolean();
    return new Granted(
        () -> {
          if (released.compareAndSet(false, true)) {
            release(subject);
          }
        });
  }

  private synchronized void release(String subject) {
    open--;
    bySubject.computeIfPresent(subject, (s, n) -> n > 1 ? n - 1 : null);
  }

  /** Requests waiting now, in total. */
  synchronized int open() {
    return open;
  }
}
