package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that retries. Only idempotent methods are retried (a POST that timed out may have
 * run: sending it again could send an MDM command twice), only on connection errors and
 * 408/502/503/504, and never past the call deadline, which this layer sets for the whole call. Read
 * timeouts are not retried: Jamf asks clients to back off when it is slow, not pile on.
 */
final class RetryLayer implements Layer {

  private static final Logger log = LoggerFactory.getLogger(RetryLayer.class);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 502, 503, 504);

  private final int maxRetries;
  private final Duration callTimeout;
  private final Backoff backoff;
  private final Clock clock;
  private final Sleeper sleeper;

  RetryLayer(int maxRetries, Duration callTimeout, Backoff backoff, Clock clock, Sleeper sleeper) {
    this.maxRetries = maxRetries;
    this.callTimeout = callTimeout;
    this.backoff = backoff;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public JamfResponse handle(JamfRequest request, Next next) throws IOException {
    Instant deadline =
        request.deadline() != null ? request.deadline() : clock.instant().plus(callTimeout);
    JamfRequest timed = request.withDeadline(deadline).newCall();
    boolean idempotent = IDEMPOTENT.contains(request.method());
    for (int attempt = 1; ; attempt++) {
      JamfResponse response = null;
      IOException failure = null;
      try {
        response = next.send(timed);
        if (!idempotent || !RETRYABLE_STATUS.contains(response.status()) || attempt > maxRetries) {
          return response;
        }
      } catch (IOException e) {
        if (!idempotent || !retryable(e) || attempt > maxRetries) {
          throw e;
        }
        failure = e;
      }
      Optional<String> retryAfter =
          response == null ? Optional.empty() : response.header("Retry-After");
      Duration delay = backoff.delay(attempt, retryAfter);
      if (clock.instant().plus(delay).isAfter(deadline)) {
        if (response != null) {
          return response;
        }
        throw failure;
      }
      log.info(
          "Retrying {} after {} in {} ms (retry {} of {})",
          request.operation(),
          response != null ? "HTTP " + response.status() : failure.getClass().getSimpleName(),
          delay.toMillis(),
          attempt,
          maxRetries);
      pause(delay);
    }
  }

  private static boolean retryable(IOException e) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (e instanceof HttpConnectTimeoutException) {
      return true;
    }
    return !(e instanceof HttpTimeoutException)
        && !(e instanceof InterruptedIOException)
        && !(e instanceof BoundedBodySubscriber.ResponseTooLargeException)
        && !(e instanceof LimitLayer.NoFreeSlotException);
  }

  private void pause(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
