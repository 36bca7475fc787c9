package dev.jamfmcp.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancellation signal of one request. Handlers poll it between steps or register a callback;
 * the engine also interrupts the handler's thread so that blocking I/O stops.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
  private volatile String reason;

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Why it was cancelled, as the client said, or null. */
  public String reason() {
    return reason;
  }

  /** Throws {@link CancelledException} once the request has been cancelled. */
  public void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancelledException(reason);
    }
  }

  /** Runs {@code callback} on cancellation (at once if already cancelled). */
  public void onCancel(Runnable callback) {
    callbacks.add(callback);
    if (isCancelled() && callbacks.remove(callback)) {
      callback.run();
    }
  }

  /** Cancels; the first call wins and runs the callbacks. */
  public boolean cancel(String why) {
    if (!cancelled.compareAndSet(false, true)) {
      return false;
    }
    reason = why;
    for (Runnable callback : callbacks) {
      if (callbacks.remove(callback)) {
        callback.run();
      }
    }
    return true;
  }

  /** Thrown by {@link #throwIfCancelled()}; the engine sends no reply for it. */
  public static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String reason) {
      super(reason == null ? "cancelled" : "cancelled: " + reason, null, false, false);
    }
  }
}
