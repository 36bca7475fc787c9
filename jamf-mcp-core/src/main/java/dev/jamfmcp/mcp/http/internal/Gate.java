package dev.jamfmcp.mcp.http.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Admission for graceful shutdown: counts requests in flight and stops new ones. */
public final class Gate {
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Object lock = new Object();
  private int inFlight;

  /** Admits a request; false once shutdown has begun. Pair each true with {@link #leave}. */
  public boolean enter() {
    synchronized (lock) {
      if (!open.get()) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  public void leave() {
    synchronized (lock) {
      inFlight--;
      lock.notifyAll();
    }
  }

  public boolean isOpen() {
    return open.get();
  }

  /** Stops admitting new requests; those in flight go on. */
  public void close() {
    open.set(false);
  }

  /** Stops admitting and waits up to {@code grace} for requests in flight; true if they ended. */
  public boolean closeAndAwait(Duration grace) throws InterruptedException {
    open.set(false);
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }
}
