package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the current token and hands it out as a {@link Lease}: the token with its generation, which
 * goes up by one at every refresh. Refreshes are single-flight: one caller fetches while the others
 * wait and then share the outcome, the new token or the failure (a fleet scan must not fire one
 * token request per page in flight, least of all when the credentials stop working).
 *
 * <p>The generation tells a 401 on a token already replaced by another caller (retry with the
 * current one, no fetch) from a 401 on the current token (fetch a new one).
 */
final class TokenCache {

  /** A token as handed to one request, with the generation it belongs to. */
  record Lease(Token token, long generation) {}

  /**
   * The outcome of the last refresh: a token, or the failure of its token request (shared with the
   * callers that waited on it); generation 0 before the first.
   */
  private record State(Token token, Exception failure, long generation) {

    boolean usableAt(Instant now) {
      return token != null && token.usableAt(now);
    }

    Lease lease() {
      return new Lease(token, generation);
    }
  }

  private final TokenSource source;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile State state = new State(null, null, 0);

  TokenCache(TokenSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /**
   * A token that will stay valid for a while, fetching one if needed (through keep-alive when the
   * source can and the old token has not expired). A caller that waited for a refresh which failed
   * gets that failure rather than a token request of its own; a later caller tries again.
   */
  Lease current() throws IOException {
    State seen = state;
    if (seen.usableAt(clock.instant())) {
      return seen.lease();
    }
    lock.lock();
    try {
      State s = state;
      Instant now = clock.instant();
      if (s.usableAt(now)) {
        return s.lease();
      }
      if (s.generation() != seen.generation() && s.failure() != null) {
        throw rethrow(s.failure());
      }
      Token replaceable = s.token() != null && !s.token().expiredAt(now) ? s.token() : null;
      return refresh(s, replaceable);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Jamf answered 401 to {@code rejected}. If another caller has replaced that token since, its
   * outcome is returned (the current token, or the failure of its refresh) without a fetch;
   * otherwise a brand-new token is fetched (no keep-alive: the old one was refused).
   */
  Lease replaceRejected(Lease rejected) throws IOException {
    State seen = state;
    if (seen.generation() > rejected.generation() && seen.usableAt(clock.instant())) {
      return seen.lease();
    }
    lock.lock();
    try {
      State s = state;
      Instant now = clock.instant();
      if (s.generation() > rejected.generation()) {
        if (s.failure() != null) {
          throw rethrow(s.failure());
        }
        if (s.usableAt(now)) {
          return s.lease();
        }
        // Replaced, and that one is near expiry already: renew it as current() would.
        return refresh(s, s.token().expiredAt(now) ? null : s.token());
      }
      return refresh(s, null);
    } finally {
      lock.unlock();
    }
  }

  /** Fetches the next generation's token, under the lock; a failure is kept for the waiters. */
  private Lease refresh(State from, Token previous) throws IOException {
    long generation = from.generation() + 1;
    try {
      Token fresh = source.fetch(previous);
      state = new State(fresh, null, generation);
      return new Lease(fresh, generation);
    } catch (IOException | RuntimeException e) {
      state = new State(null, e, generation);
      throw e;
    }
  }

  private static IOException rethrow(Exception failure) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (IOException) failure;
  }
}
