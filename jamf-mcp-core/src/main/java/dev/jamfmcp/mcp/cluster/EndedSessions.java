package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Instant;

/**
 * SPI: Streamable HTTP sessions ended by a DELETE. Session ids are signed and self-contained, so
 * every instance sharing the session key accepts them; only this record stops an ended session from
 * being served by an instance other than the one that received the DELETE.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>{@link #end} returns only once the end is recorded where every instance sharing the store
 *       will see it; it throws (preferably {@link StoreUnavailableException}) when it cannot, and
 *       the DELETE is then refused with nothing done.
 *   <li>{@link #isEnded} is asked on every request of a session: it answers from this instance's
 *       own view, without a round trip to a shared store. An end recorded on another instance may
 *       take a moment to be seen (a pub/sub message), never longer than the store is reachable.
 *   <li>An entry may be forgotten once {@code until} has passed (the id cannot be used any more by
 *       then), and not before, except by a bounded in-memory view making room (oldest first).
 * </ul>
 */
public interface EndedSessions {

  /**
   * Records that {@code sessionId} has ended, everywhere.
   *
   * @param until when the record may be forgotten: the id is unusable after it anyway
   * @throws RuntimeException if the end cannot be recorded; nothing was changed
   */
  void end(String sessionId, Instant until);

  /** Whether the session has ended, as this instance knows now (no round trip). */
  boolean isEnded(String sessionId);

  /** Ended sessions in this process's memory: one instance only, at most {@code maxEntries}. */
  static EndedSessions inMemory(int maxEntries, Clock clock) {
    return new InMemoryEndedSessions(maxEntries, clock);
  }
}
