package dev.jamfmcp.jamf.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A small pool of reusable byte arrays for listing pages, shared by a client and its variants. A
 * page's body (5 MB for 2,000 computers with GENERAL) is copied once from java.net.http's buffers
 * into a pooled array, parsed from it, and the array given back: no multi-megabyte array (humongous
 * for G1) and no 64 KiB chunks are allocated for every page. An array too small for a page is
 * replaced by a larger one, so after the first pages the pooled arrays fit the pages.
 *
 * <p>Bounded: at most {@code maxPooled} arrays are kept (the concurrency limit and the prefetch
 * window); more borrowed at once are allocated and dropped on return. Released when idle: once
 * {@link #IDLE_NANOS} pass with no array taken or given back, the pool is emptied, so an idle
 * client does not pin tens of megabytes. (Idleness is judged by activity, not by a count of arrays
 * out: an array never given back, say the body of a request that timed out, is simply collected and
 * must not keep the pool alive.)
 */
public final class PageBuffers {

  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** The first array a page gets: large enough for small pages, grown for large ones. */
  static final int INITIAL = 256 * 1024;

  private final int maxPooled;
  private final LongSupplier nanoTime;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private long lastActivity;
  private boolean trimScheduled;

  public PageBuffers(int maxPooled) {
    this(maxPooled, System::nanoTime);
  }

  PageBuffers(int maxPooled, LongSupplier nanoTime) {
    this.maxPooled = Math.max(0, maxPooled);
    this.nanoTime = nanoTime;
  }

  /** An array of any length from the pool, or a new one of {@link #INITIAL} bytes. */
  synchronized byte[] take() {
    lastActivity = nanoTime.getAsLong();
    byte[] b = free.pollLast();
    return b != null ? b : new byte[INITIAL];
  }

  /**
   * Gives {@code buffer} back (or, if the pool is full, drops it). Each array taken must be given
   * back at most once; one never given back is simply collected.
   */
  synchronized void give(byte[] buffer) {
    lastActivity = nanoTime.getAsLong();
    if (free.size() < maxPooled) {
      free.addLast(buffer);
    }
    if (!trimScheduled && !free.isEmpty()) {
      trimScheduled = true;
      CompletableFuture.delayedExecutor(IDLE_NANOS, TimeUnit.NANOSECONDS).execute(this::trimIfIdle);
    }
  }

  /** A one-shot release of {@code buffer}: calling it again does nothing. */
  Runnable releaser(byte[] buffer) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        give(buffer);
      }
    };
  }

  /**
   * Empties the pool if no array was taken or given back for {@link #IDLE_NANOS}; otherwise checks
   * again when that much time will have passed since the last activity.
   */
  synchronized void trimIfIdle() {
    trimScheduled = false;
    if (free.isEmpty()) {
      return;
    }
    long idle = nanoTime.getAsLong() - lastActivity;
    if (idle >= IDLE_NANOS) {
      free.clear();
    } else {
      trimScheduled = true;
      CompletableFuture.delayedExecutor(IDLE_NANOS - idle, TimeUnit.NANOSECONDS)
          .execute(this::trimIfIdle);
    }
  }

  /** Arrays kept for reuse, and their bytes (for tests and diagnostics). */
  synchronized int pooled() {
    return free.size();
  }

  synchronized long pooledBytes() {
    long n = 0;
    for (byte[] b : free) {
      n += b.length;
    }
    return n;
  }
}
