package dev.jamfmcp.jamf.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry number {@code attempt}: the server's {@code Retry-After} when it
 * sent one (capped, so a server cannot park a caller for an hour), otherwise capped exponential
 * backoff with "equal jitter" (half fixed, half random) so that many clients do not retry in step.
 */
final class Backoff {

  private final Duration base;
  private final Duration max;
  private final Duration maxRetryAfter;
  private final Clock clock;

  Backoff(Duration base, Duration max, Duration maxRetryAfter, Clock clock) {
    this.base = base;
    this.max = max;
    this.maxRetryAfter = maxRetryAfter;
    this.clock = clock;
  }

  Duration delay(int attempt, Optional<String> retryAfter) {
    Optional<Duration> asked = retryAfter.flatMap(this::parseRetryAfter);
    if (asked.isPresent()) {
      return asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
    }
    long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling, max.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
  Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), when);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
