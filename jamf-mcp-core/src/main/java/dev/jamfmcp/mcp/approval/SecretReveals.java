package dev.jamfmcp.mcp.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * SPI: secrets waiting to be shown once on their approval page. {@link #take} removes what it
 * returns, atomically (of two page loads, on any instances, one shows the secret). In memory by
 * default; shared (Redis) when several instances serve the page.
 */
public interface SecretReveals {
  /** Keeps {@code reveal} until it is taken or {@code until} passes. */
  void put(SecretReveal reveal, Instant until);

  /** The reveal of this approval, removed; empty if none is held (never held, shown, expired). */
  Optional<SecretReveal> take(String approvalId);

  /** This process's memory, entries dropped at their expiry on {@code clock}. */
  static SecretReveals inMemory(Clock clock) {
    return new InMemorySecretReveals(clock);
  }
}
