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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's keys, fetched on first use and cached for a while.
 *
 * <p>A token whose key the cache knows is checked at once, never behind a fetch: the keys are an
 * immutable snapshot read without a lock. A token naming a key the cache does not know triggers a
 * re-fetch (key rotation), at most one at a time (later unknown-key tokens wait for the running
 * one) and no more than one per minimum interval, so a flood of random key ids does not hammer the
 * provider. When the cached keys outlive their time to live, a token with a known key is still
 * checked against them while one background fetch renews them. A failed re-fetch keeps the old
 * keys. When the provider is down at first use, every request fails with 503 until it is back (at
 * most one attempt per 5 s, each bounded by the fetch timeout).
 */
public final class JwksCache implements JWKSource<SecurityContext> {
  private static final Logger log = LoggerFactory.getLogger(JwksCache.class);
  private static final Duration FIRST_FETCH_RETRY = Duration.ofSeconds(5);

  /** Fetches the current key set. */
  @FunctionalInterface
  public interface Fetcher {
    JWKSet fetch() throws IOException;
  }

  /** The keys and when they were fetched (or when a failed renewal may be retried, see below). */
  private record Snapshot(JWKSet keys, Instant fetchedAt) {}

  private final Fetcher fetcher;
  private final Duration ttl;
  private final Duration minRefreshInterval;
  private final Clock clock;
  private volatile Snapshot snapshot;
  // the one fetch running now, if any: single flight
  private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();
  private final Object bookkeeping = new Object();
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
    Instant now = clock.instant();
    Snapshot current = snapshot;
    if (current == null) {
      // nothing to serve yet: every caller waits for the first fetch (one fetch for all)
      synchronized (bookkeeping) {
        if (now.isBefore(lastFailure.plus(FIRST_FETCH_RETRY))) {
          throw new KeySourceException("The provider's keys are unavailable");
        }
      }
      current = awaitFetch(now);
      return selector.select(current.keys());
    }
    List<JWK> found = selector.select(current.keys());
    boolean stale = !now.isBefore(current.fetchedAt().plus(ttl));
    if (!found.isEmpty()) {
      if (stale) {
        renewInBackground(now);
      }
      return found;
    }
    CompletableFuture<Snapshot> running = inFlight.get();
    if (running != null) {
      // a fetch is under way: its keys may name this one; never start a second
      return selector.select(join(running).keys());
    }
    Snapshot latest = snapshot; // a fetch may have ended since `current` was read
    if (!latest.equals(current)) {
      found = selector.select(latest.keys());
      if (!found.isEmpty()) {
        return found;
      }
    }
    if (!stale && !mayForce(now)) {
      return found;
    }
    log.info("Token names an unknown key; fetching the provider's keys again");
    return selector.select(awaitFetch(now).keys());
  }

  // At most one forced re-fetch for unknown keys per minimum interval.
  private boolean mayForce(Instant now) {
    synchronized (bookkeeping) {
      if (now.isBefore(lastForced.plus(minRefreshInterval))) {
        return false;
      }
      lastForced = now;
      return true;
    }
  }

  /**
   * Joins the running fetch, or runs one in this thread; the keys after it (old ones if failed).
   */
  private Snapshot awaitFetch(Instant now) throws KeySourceException {
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    CompletableFuture<Snapshot> running = inFlight.compareAndExchange(null, mine);
    if (running == null) {
      fetchInto(mine, now);
      running = mine;
    }
    return join(running);
  }

  private static Snapshot join(CompletableFuture<Snapshot> fetch) throws KeySourceException {
    Snapshot after = fetch.join(); // fetchInto always completes normally
    if (after == null) {
      throw new KeySourceException("The provider's keys are unavailable");
    }
    return after;
  }

  // Renewal after the time to live: the caller goes on with the old keys; a daemon thread fetches.
  private void renewInBackground(Instant now) {
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    if (inFlight.compareAndExchange(null, mine) != null) {
      return;
    }
    Thread renewal = new Thread(() -> fetchInto(mine, now), "jwks-renewal");
    renewal.setDaemon(true);
    renewal.start();
  }

  // Completes with the new keys, or with the old ones (null before the first success) on failure.
  // A failed renewal is retried after the minimum interval, not at every request.
  private void fetchInto(CompletableFuture<Snapshot> future, Instant now) {
    Snapshot result = null;
    try {
      JWKSet keys = fetcher.fetch();
      if (keys == null) {
        throw new IOException("no key set");
      }
      result = new Snapshot(keys, now);
      snapshot = result;
    } catch (IOException | RuntimeException e) {
      log.warn("Could not fetch the provider's keys: {}", e.getClass().getSimpleName());
      synchronized (bookkeeping) {
        lastFailure = now;
      }
      Snapshot old = snapshot;
      result =
          old == null ? null : new Snapshot(old.keys(), now.minus(ttl).plus(minRefreshInterval));
      if (old != null) {
        snapshot = result;
      }
    } finally {
      // the new keys are published before the fetch is seen as over, so no token misses them
      inFlight.set(null);
      future.complete(result);
    }
  }
}
