package dev.jamfmcp.javalin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dependency checked on a schedule, off the request path: one daemon thread runs the check every
 * {@code interval} (the next starts {@code interval} after the last ended, so slow checks never
 * pile up), a check still running after {@code timeout} counts as failed (whatever it returns
 * later), and probes read the last outcome from memory. Readiness must never wait for a dependency:
 * a slow one would fail every pod's probe at once. A check that outlives its timeout is left to end
 * by its own timeouts rather than interrupted: an interrupt could land in work it shares with
 * others (the Jamf client's token refresh keeps a failure for every caller waiting on it).
 */
public final class BackgroundCheck implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundCheck.class);
  private static final int MAX_REASON = 200;

  /** What the last check found. */
  public enum State {
    /** No check has ended yet. */
    UNKNOWN,
    UP,
    DEGRADED
  }

  /**
   * The last outcome.
   *
   * @param since when the dependency entered this state
   * @param reason why it is degraded (one line, at most 200 characters), null otherwise
   */
  public record Status(State state, Instant since, String reason) {}

  private final String name;
  private final Callable<?> check;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private volatile Status status;
  private ScheduledExecutorService scheduler; // guarded by this
  private boolean closed; // guarded by this
  // Whether a check is running, and which one; guarded by this.
  private boolean running;
  private long runNumber;
  private boolean timedOut;

  public BackgroundCheck(
      String name, Callable<?> check, Duration interval, Duration timeout, Clock clock) {
    this.name = Objects.requireNonNull(name);
    this.check = Objects.requireNonNull(check);
    this.interval = positive(interval, "interval");
    this.timeout = positive(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock);
    this.status = new Status(State.UNKNOWN, clock.instant(), null);
  }

  public String name() {
    return name;
  }

  /** The last outcome, from memory: never waits for the dependency. */
  public Status status() {
    return status;
  }

  /** Starts checking now, then every interval; does nothing if started or closed already. */
  public synchronized void start() {
    if (scheduler != null || closed) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "health-check-" + name);
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs one check on the calling thread and records its outcome (the scheduler calls it). */
  void runOnce() {
    long number;
    synchronized (this) {
      number = ++runNumber;
      running = true;
      timedOut = false;
    }
    // The JDK's shared delay thread fires the timeout: no thread of ours waits for it.
    CompletableFuture<Void> timer =
        CompletableFuture.runAsync(
            () -> timeOut(number),
            CompletableFuture.delayedExecutor(
                timeout.toMillis(), TimeUnit.MILLISECONDS, Runnable::run));
    String failure = null;
    try {
      check.call();
    } catch (Exception e) {
      failure = reason(e);
    } finally {
      timer.cancel(false);
    }
    synchronized (this) {
      running = false;
      if (timedOut) {
        return; // already recorded as degraded by the timeout
      }
    }
    if (failure == null) {
      record(State.UP, null);
    } else {
      record(State.DEGRADED, failure);
    }
  }

  private void timeOut(long number) {
    synchronized (this) {
      if (!running || runNumber != number) {
        return;
      }
      timedOut = true;
    }
    record(State.DEGRADED, "no answer within " + timeout.toMillis() + " ms");
  }

  private void record(State state, String reason) {
    Status previous = status;
    if (previous.state() == state && Objects.equals(previous.reason(), reason)) {
      return;
    }
    Instant since = previous.state() == state ? previous.since() : clock.instant();
    status = new Status(state, since, reason);
    if (state == State.DEGRADED) {
      log.warn("{} is degraded: {}", name, reason);
    } else if (previous.state() == State.DEGRADED) {
      log.info("{} answers again", name);
    }
  }

  /** One line, bounded: the exception's message (its type when it has none). */
  static String reason(Throwable e) {
    String message = e.getMessage();
    String text =
        message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).strip();
    }
    text = text.replaceAll("\\p{Cntrl}", " ");
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
  }

  /** Stops checking; a check in flight is interrupted (the server is stopping anyway). */
  @Override
  public synchronized void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private static Duration positive(Duration value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
    return value;
  }
}
