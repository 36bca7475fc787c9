package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most N exchanges in flight per Jamf Pro instance (Jamf asks for 5). The semaphore is fair so a
 * long scan cannot starve a single interactive request, and a waiter gives up at the call deadline
 * instead of queueing forever.
 */
final class LimitLayer implements Layer {

  private final Semaphore permits;
  private final Clock clock;

  LimitLayer(Semaphore permits, Clock clock) {
    this.permits = permits;
    this.clock = clock;
  }

  @Override
  public JamfResponse handle(JamfRequest request, Next next) throws IOException {
    long waitMillis =
        request.deadline() == null
            ? Long.MAX_VALUE
            : Math.max(0, Duration.between(clock.instant(), request.deadline()).toMillis());
    try {
      if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new NoFreeSlotException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a free request slot");
    }
    try {
      return next.send(request);
    } finally {
      permits.release();
    }
  }

  /** The call deadline passed while every request slot was busy. */
  static final class NoFreeSlotException extends IOException {
    NoFreeSlotException() {
      super("no free request slot before the call deadline");
    }
  }
}
