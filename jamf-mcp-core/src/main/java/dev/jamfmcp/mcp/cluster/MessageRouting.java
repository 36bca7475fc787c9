package dev.jamfmcp.mcp.cluster;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * SPI: delivers a client's message to the instance that holds what it is about. Behind a
 * round-robin balancer, the answer to an elicitation, the cancellation of a running request or a
 * legacy {@code /messages} POST may reach an instance other than the one waiting for it; that
 * instance forwards it by key to the holder.
 *
 * <p>Keys, made by the HTTP transport: {@code <session>:<server request id>} (a server-to-client
 * request waiting for its answer), {@code <session>:req:<client request id>} (a request being
 * served, for {@code notifications/cancelled}), {@code sse:<legacy session id>} (a legacy SSE
 * stream).
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>{@link #claim} makes this instance the holder of a key until {@code ttl} has passed or it
 *       is released; a later claim (by anyone) replaces it. It throws (preferably {@link
 *       StoreUnavailableException}) when it cannot be recorded.
 *   <li>{@link #release} forgets a key only if this instance still holds it; it does not throw.
 *   <li>{@link #forward} hands the bytes to the receiver the holder registered with {@link
 *       #onForwarded} and returns true, or returns false if no instance holds the key (or the
 *       holder is gone); it throws {@link StoreUnavailableException} when it cannot tell, and never
 *       blocks longer than the store's timeout. Delivery is at most once.
 *   <li>The receiver is called on a thread of the implementation, never the caller's request thread
 *       of another instance, and must not block it for long.
 * </ul>
 *
 * Forwarded messages travel through the shared store, which is trusted like the session key: the
 * receiver still applies every check a local message gets.
 */
public interface MessageRouting {

  /** Makes this instance the holder of {@code key} for {@code ttl}. */
  void claim(String key, Duration ttl);

  /** Gives up {@code key} if this instance holds it. */
  void release(String key);

  /** Delivers {@code message} to the holder of {@code key}: true if one took it. */
  boolean forward(String key, byte[] message);

  /** Registers this instance's receiver of forwarded messages (key, message); one per instance. */
  void onForwarded(BiConsumer<String, byte[]> receiver);

  /**
   * Whether other instances can hold keys: false for {@link #inMemory}, where the transport keeps
   * what it holds to itself and never calls the store (no claim per request, no renewal thread).
   */
  default boolean crossesInstances() {
    return true;
  }

  /** One instance on its own: keys are held in memory, nothing is forwarded to anyone else. */
  static MessageRouting inMemory() {
    return new InMemoryMessageRouting();
  }
}
