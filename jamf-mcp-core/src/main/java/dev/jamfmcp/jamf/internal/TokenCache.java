package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the current token and makes sure exactly one caller refreshes it while the others wait and
 * then reuse the result (a fleet scan must not fire 5 token requests at once).
 */
final class TokenCache {

  private final TokenSource source;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Token token;

  TokenCache(TokenSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** A token that will stay valid for a while, fetching one if needed. */
  Token current() throws IOException {
    Token t = token;
    if (t != null && t.usableAt(clock.instant())) {
      return t;
    }
    lock.lock();
    try {
      t = token;
      if (t != null && t.usableAt(clock.instant())) {
        return t;
      }
      Token replaceable = t != null && !t.expiredAt(clock.instant()) ? t : null;
      token = source.fetch(replaceable);
      return token;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Jamf answered 401 to {@code rejected}: fetch a new token, unless another caller already
   * replaced it, in which case that one is returned.
   */
  Token replaceRejected(Token rejected) throws IOException {
    lock.lock();
    try {
      Token t = token;
      if (t != null && !t.equals(rejected) && t.usableAt(clock.instant())) {
        return t;
      }
      token = null;
      token = source.fetch(null);
      return token;
    } finally {
      lock.unlock();
    }
  }
}
