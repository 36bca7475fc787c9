package dev.jamfmcp.mcp.confirm;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * SPI: where the gate keeps the {@link PendingAction}s it minted confirmations for, until they are
 * confirmed or expire. Only actions that carry secrets the server generated for them (a lock PIN)
 * are kept: the confirmed call needs those back; any other confirmation is self-contained. In this
 * process's memory by default ({@link #inMemory}); behind several instances a shared store lets the
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

  /**
   * The confirmed call's one step: records confirmation {@code id} as used in {@code ledger} (as
   * {@link ConsumedTokens#markConsumed}, same contract) and, only if this call used it, takes the
   * action kept under it (returns it and forgets it). The default does the two in turn; a store on
   * the same server as the ledger overrides it to do both in one round trip.
   *
   * @throws RuntimeException if the ledger or the store cannot answer; the gate then refuses the
   *     confirmation with nothing done
   */
  default Taken consumeAndTake(ConsumedTokens ledger, String id, Instant expiresAt) {
    if (!ledger.markConsumed(id, expiresAt)) {
      return new Taken(false, null);
    }
    Optional<PendingAction> action = get(id);
    remove(id);
    return new Taken(true, action.orElse(null));
  }

  /**
   * What {@link #consumeAndTake} did.
   *
   * @param consumed whether this call used the confirmation (false: it was used before)
   * @param action the live action kept under it, taken by this call; null if none was kept
   */
  record Taken(boolean consumed, PendingAction action) {}

  /** This process's memory, bounded, entries judged expired on {@code clock} (the gate's). */
  static PendingActionStore inMemory(Clock clock) {
    return new PendingActions(clock);
  }
}
