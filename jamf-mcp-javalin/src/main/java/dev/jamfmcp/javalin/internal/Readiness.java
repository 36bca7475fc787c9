package dev.jamfmcp.javalin.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A readiness check run at most once per period; probes in between get the cached answer. */
public final class Readiness {
  private static final Logger log = LoggerFactory.getLogger(Readiness.class);
  private final BooleanSupplier check;
  private final long periodNanos;
  private long checkedAt;
  private boolean ready;
  private boolean checkedOnce;

  public Readiness(BooleanSupplier check, Duration period) {
    this.check = check;
    this.periodNanos = period.toNanos();
  }

  public synchronized boolean isReady() {
    long now = System.nanoTime();
    if (!checkedOnce || now - checkedAt >= periodNanos) {
      try {
        ready = check.getAsBoolean();
      } catch (RuntimeException e) {
        log.warn("Readiness check failed", e);
        ready = false;
      }
      checkedAt = now;
      checkedOnce = true;
    }
    return ready;
  }
}
