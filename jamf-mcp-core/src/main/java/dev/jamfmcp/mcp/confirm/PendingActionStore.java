package dev.jamfmcp.mcp.confirm;

import java.time.Clock;
import java.util.Optional;

/**
 * SPI: where the gate keeps the {@link PendingAction}s it minted confirmations for (with the
 * secrets the server generated for them), until they are confirmed or expire. In this process's
 * memory by default ({@link #inMemory}); behind several instances a shared store lets the
 * confirmation come back to any instance (in memory, another instance answers "the secrets ... are
 * no longer held here").
 *
 * <p>Contract: an action is returned by {@link #get} until its {@code expiresAt} and not after;
 * when the store cannot answer it throws (for example {@code StoreUnavailableException}) and the
 * gate refuses with nothing done.
 */
public interface PendingActionStore {
  /**
   * Keeps {@code action} until it expires.
   *
   * @return false if it could not be kept (full); the gate then refuses to mint a confirmation
   *     whose action carries generated secrets
   */
  boolean put(PendingAction action);

  /** The live action with this id; empty for an unknown, expired or null id. */
  Optional<PendingAction> get(String id);

  /** Forgets the action (it was confirmed); nothing happens for an unknown id. */
  void remove(String id);

  /** This process's memory, bounded, entries judged expired on {@code clock} (the gate's). */
  static PendingActionStore inMemory(Clock clock) {
    return new PendingActions(clock);
  }
}
