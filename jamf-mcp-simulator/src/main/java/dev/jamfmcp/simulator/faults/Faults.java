package dev.jamfmcp.simulator.faults;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The live fault switchboard. Rates are rolled on a seeded {@link Random} so a single-threaded run
 * is repeatable; {@link #failNext(int, int)} and {@link #resetNext(int)} queue exact faults for
 * tests that must not depend on chance.
 */
public final class Faults {
  private final Random random;
  private final Deque<Decision> queued = new ArrayDeque<>();
  private FaultSettings settings;

  public Faults(FaultSettings initial, long seed) {
    this.settings = initial;
    this.random = new Random(seed);
  }

  /** What to do to one request. {@code status} 0 means answer normally. */
  public record Decision(Duration latency, int status, int retryAfterSeconds, boolean reset) {
    public static final Decision NONE = new Decision(Duration.ZERO, 0, 0, false);

    public boolean isNone() {
      return latency.isZero() && status == 0 && !reset;
    }
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  public synchronized void set(FaultSettings value) {
    settings = value;
  }

  /** Turns every fault off and forgets queued ones. */
  public synchronized void clear() {
    settings = FaultSettings.none().withPathPrefix("/");
    queued.clear();
  }

  /** The next {@code count} affected requests answer {@code status}. */
  public synchronized void failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      queued.add(new Decision(Duration.ZERO, status, settings.retryAfterSeconds(), false));
    }
  }

  /** The next {@code count} affected requests have their connection cut mid-body. */
  public synchronized void resetNext(int count) {
    for (int i = 0; i < count; i++) {
      queued.add(new Decision(Duration.ZERO, 0, 0, true));
    }
  }

  public synchronized Decision decide(String path) {
    if (!path.startsWith(settings.pathPrefix())) {
      return Decision.NONE;
    }
    Decision next = queued.poll();
    if (next != null) {
      return new Decision(
          settings.latency(), next.status(), next.retryAfterSeconds(), next.reset());
    }
    int status = 0;
    for (Map.Entry<Integer, Double> rate : new TreeMap<>(settings.errorRates()).entrySet()) {
      if (random.nextDouble() < rate.getValue()) {
        status = rate.getKey();
        break;
      }
    }
    boolean reset =
        status == 0 && settings.resetRate() > 0 && random.nextDouble() < settings.resetRate();
    return new Decision(settings.latency(), status, settings.retryAfterSeconds(), reset);
  }
}
