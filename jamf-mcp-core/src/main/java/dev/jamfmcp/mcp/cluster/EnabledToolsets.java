package dev.jamfmcp.mcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * SPI: the toolsets a session switched on ({@code enableToolsets}), shared by every instance that
 * may serve the session. Keys are made by the engine: a Streamable HTTP session id, a stdio
 * session's random id, or (2026-07-28, no session) a hash of the principal's subject.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>{@link #write} returns once the choice is stored where every instance will read it; it
 *       throws (preferably {@link StoreUnavailableException}) when it cannot, and the switch is
 *       then refused with nothing changed.
 *   <li>{@link #read} may make a round trip; the engine asks it on {@code tools/list}, on {@code
 *       listToolsets} and when a called tool is not in the set it cached, never on a call of a tool
 *       it already knows is on. Reading keeps the entry alive for another {@code ttl} (a session in
 *       use keeps its choice).
 *   <li>An entry is forgotten {@code ttl} after its last read or write, or by {@link #forget} (the
 *       session was deleted).
 * </ul>
 */
public interface EnabledToolsets {

  /** The toolsets chosen under {@code key}, or empty if none was ever chosen (or it expired). */
  Optional<Set<String>> read(String key);

  /**
   * Records the toolsets on under {@code key}, replacing any earlier choice.
   *
   * @throws RuntimeException if it cannot be stored; nothing was changed
   */
  void write(String key, Set<String> enabled);

  /** Drops the choice under {@code key} (its session ended); no error if there was none. */
  void forget(String key);

  /**
   * Choices in this process's memory: one instance only, at most {@code maxEntries} (the least
   * recently used go first), each kept {@code ttl} after its last use.
   */
  static EnabledToolsets inMemory(int maxEntries, Duration ttl, Clock clock) {
    return new InMemoryEnabledToolsets(maxEntries, ttl, clock);
  }
}
