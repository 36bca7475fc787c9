package dev.jamfmcp.javalin.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many client registrations each address may make per hour: a fixed one-hour window per
 * address. Registrations cost the front no memory (the client id carries them), but each one is a
 * client that can be named in an authorize link, and the window bounds how fast one address makes
 * them. At most {@link #MAX_ADDRESSES} addresses are tracked; when that many have open windows, new
 * addresses wait for the oldest window to close rather than one being forgotten early.
 */
final class RegistrationBudget {
  static final int MAX_ADDRESSES = 10_000;
  private static final Duration WINDOW = Duration.ofHours(1);

  private record Window(long start, int used) {}

  private final int perHour;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RegistrationBudget(int perHour, Clock clock) {
    this.perHour = perHour;
    this.clock = clock;
  }

  /** Takes one registration for {@code address}: 0 when allowed, else seconds to wait. */
  long take(String address) {
    long now = clock.instant().getEpochSecond();
    String key = address == null ? "" : address;
    if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(key)) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW.toSeconds());
      if (windows.size() >= MAX_ADDRESSES) {
        return WINDOW.toSeconds();
      }
    }
    long[] wait = {0};
    windows.compute(
        key,
        (k, w) -> {
          if (w == null || now - w.start() >= WINDOW.toSeconds()) {
            return new Window(now, 1);
          }
          if (w.used() >= perHour) {
            wait[0] = Math.max(1, w.start() + WINDOW.toSeconds() - now);
            return w;
          }
          return new Window(w.start(), w.used() + 1);
        });
    return wait[0];
  }
}
