package dev.jamfmcp.javalin.auth;

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
 * does not know triggers one re-fetch (key rotation), but no more than one per minimum interval, so
 * a flood of random key ids does not hammer the provider. A failed re-fetch keeps the old keys.
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
  private Instant lastAttempt = Instant.MIN;

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
        refresh(now, keys == null);
      }
      List<JWK> found = selector.select(keys);
      if (found.isEmpty() && !now.isBefore(lastAttempt.plus(minRefreshInterval))) {
        log.info("Token names an unknown key; fetching the provider's keys again");
        refresh(now, false);
        found = selector.select(keys);
      }
      return found;
    } finally {
      lock.unlock();
    }
  }

  private void refresh(Instant now, boolean required) throws KeySourceException {
    if (!required && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
      return;
    }
    lastAttempt = now;
    try {
      keys = fetcher.fetch();
      fetchedAt = now;
    } catch (IOException | RuntimeException e) {
      log.warn("Could not fetch the provider's keys: {}", e.getClass().getSimpleName());
      if (keys == null) {
        throw new KeySourceException("The provider's keys are unavailable", e);
      }
    }
  }
}
