package dev.jamfmcp.mcp.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The per-process {@link MessageRouting}: this instance is the only one, so a key is held here or
 * nowhere, and {@link #forward} only reaches this instance's own receiver (the transport never
 * needs that: it handles what it holds itself). Expired keys go as they are passed.
 */
final class InMemoryMessageRouting implements MessageRouting {
  private final Map<String, Long> held = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, byte[]> receiver;

  @Override
  public boolean crossesInstances() {
    return false;
  }

  @Override
  public void claim(String key, Duration ttl) {
    Objects.requireNonNull(key, "key");
    held.put(key, System.nanoTime() + ttl.toNanos());
  }

  @Override
  public void release(String key) {
    held.remove(key);
  }

  @Override
  public boolean forward(String key, byte[] message) {
    Long until = held.get(key);
    if (until == null || System.nanoTime() - until > 0) {
      if (until != null) {
        held.remove(key, until);
      }
      return false;
    }
    BiConsumer<String, byte[]> local = receiver;
    if (local == null) {
      return false;
    }
    local.accept(key, message.clone());
    return true;
  }

  @Override
  public void onForwarded(BiConsumer<String, byte[]> receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }
}
