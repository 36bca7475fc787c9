package dev.jamfmcp.mcp.confirm;

import java.time.Clock;
import java.time.Instant;

/**
 * SPI: the ledger of confirmations already used, which makes a confirmation token (and a 2026-07-28
 * {@code requestState}) single-use. Tokens are signed and self-contained, so every instance that
 * shares the confirmation key accepts them; only this ledger stops the same token from being
 * redeemed twice. Single use holds across exactly the instances that share one ledger.
 *
 * <p>The default, {@link #inMemory()}, is per process: behind several instances a token redeemed on
 * one can be redeemed again on another until it expires (5 minutes by default), which would repeat
 * the write. Multi-instance deployments plug in a shared ledger, for example Redis:
 *
 * <pre>{@code
 * ConsumedTokens redis = (tokenId, expiresAt) -> {
 *   long ttlMillis = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
 *   // SET key value NX PX ttl: atomic, and the entry goes with the token
 *   return "OK".equals(jedis.set("jamf-mcp:consumed:" + tokenId, "1",
 *       SetParams.setParams().nx().px(ttlMillis)));
 * };
 * }</pre>
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>{@link #markConsumed} is one atomic check-and-set across every instance sharing the ledger:
 *       of any number of concurrent calls with the same id, exactly one returns {@code true}.
 *   <li>An entry may be forgotten once {@code expiresAt} has passed (the gate refuses expired
 *       tokens before it asks the ledger), and not before.
 *   <li>When the ledger cannot answer (unreachable, full), throw: the gate then refuses the
 *       confirmation ("nothing was done"), it never lets it through unchecked.
 * </ul>
 */
@FunctionalInterface
public interface ConsumedTokens {

  /**
   * Records that the confirmation {@code tokenId} is used, if it was not already.
   *
   * @param tokenId the token's unique id (a random nonce, at most 64 URL-safe characters)
   * @param expiresAt when the token expires; the entry is needed until then, not after
   * @return true if this call consumed it (the write may proceed), false if it was consumed before
   * @throws RuntimeException if the ledger cannot answer; the gate refuses the confirmation
   */
  boolean markConsumed(String tokenId, Instant expiresAt);

  /**
   * A ledger in this process's memory: single use per instance only. At most {@value
   * InMemoryConsumedTokens#DEFAULT_MAX_ENTRIES} live entries; each is dropped when its token
   * expires.
   */
  static ConsumedTokens inMemory() {
    return new InMemoryConsumedTokens(
        InMemoryConsumedTokens.DEFAULT_MAX_ENTRIES, Clock.systemUTC());
  }

  /**
   * The same on {@code clock}: give it the gate's clock, since entries are dropped when their
   * expiry passes on this clock.
   */
  static ConsumedTokens inMemory(Clock clock) {
    return new InMemoryConsumedTokens(InMemoryConsumedTokens.DEFAULT_MAX_ENTRIES, clock);
  }

  /** A ledger in this process's memory with a bound and a clock of your choosing (tests). */
  static ConsumedTokens inMemory(int maxEntries, Clock clock) {
    return new InMemoryConsumedTokens(maxEntries, clock);
  }
}
