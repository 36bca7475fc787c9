package dev.jamfmcp.jwt;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's keys, fetched on first use and cached for a while. A token naming a key the cache
 * does not know triggers one re-fetch (key rotation), but no more than one such re-fetch per
 * minimum interval, so a flood of random key ids does not hammer the provider. A failed re-fetch
 * keeps the old keys. When the provider is down at first use, every request fails with 503 until it
 * is back (at most one attempt per 5 s, each bounded by the fetch timeout).
 */
public final class JwksCache implements JWKSource<SecurityContext> {
  private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

  /** Fetches the current key set. */
  @FunctionalInterface
  public interface Fetcher {
    JWKSet fetch() throws IOException;
  }

  private final Fetcher fetcher;
  private final Duration ttl;
  private final Duration minRefreshInterval;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private JWKSet keys;
  private Instant fetchedAt = Instant.MIN;
  private Instant lastForced = Instant.MIN;
  private Instant lastFailure = Instant.MIN;

  public JwksCache(Fetcher fetcher, Duration ttl, Duration minRefreshInterval, Clock clock) {
    this.fetcher = fetcher;
    this.ttl = ttl;
    this.minRefreshInterval = minRefreshInterval;
    this.clock = clock;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (keys == null || !now.isBefore(fetchedAt.plus(ttl))) {
        refresh(now);
      }
      List<JWK> found = selector.select(keys);
      if (found.isEmpty() && !now.isBefore(lastForced.plus(minRefreshInterval))) {
        log.info("Token names an unknown key; fetching the provider's keys again");
        lastForced = now;
        refresh(now);
        found = selector.select(keys);
      }
      return found;
    } finally {
      lock.unlock();
    }
  }

  // A failed fetch keeps the old keys, and is not retried before the minimum interval.
  private void refresh(Instant now) throws KeySourceException {
    if (keys == null && now.isBefore(lastFailure.plus(Duration.ofSeconds(5)))) {
      throw new KeySourceException("The provider's keys are unavailable");
    }
    try {
      keys = fetcher.fetch();
      fetchedAt = now;
    } catch (IOException | RuntimeException e) {
      log.warn("Could not fetch the provider's keys: {}", e.getClass().getSimpleName());
      lastFailure = now;
      if (keys == null) {
        throw new KeySourceException("The provider's keys are unavailable", e);
      }
      fetchedAt = now.minus(ttl).plus(minRefreshInterval);
    }
  }
}
