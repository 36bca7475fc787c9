package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.cluster.MessageRouting;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A routing store shared by several transports in one JVM, as Redis is shared by instances: each
 * {@link #instance} claims keys under its name and receives what others forward to it, on a thread
 * of the hub (as a pub/sub message arrives), never on the forwarding request's thread. Expiry is
 * not modelled: the transports release what they claim.
 */
final class InJvmRouting implements AutoCloseable {
  private final Map<String, String> holders = new ConcurrentHashMap<>();
  private final Map<String, BiConsumer<String, byte[]>> receivers = new ConcurrentHashMap<>();
  private final ExecutorService delivery = Executors.newSingleThreadExecutor();

  MessageRouting instance(String name) {
    return new MessageRouting() {
      @Override
      public void claim(String key, Duration ttl) {
        holders.put(key, name);
      }

      @Override
      public void release(String key) {
        holders.remove(key, name);
      }

      @Override
      public boolean forward(String key, byte[] message) {
        String holder = holders.get(key);
        BiConsumer<String, byte[]> receiver = holder == null ? null : receivers.get(holder);
        if (receiver == null) {
          return false;
        }
        byte[] copy = message.clone();
        delivery.execute(() -> receiver.accept(key, copy));
        return true;
      }

      @Override
      public void onForwarded(BiConsumer<String, byte[]> receiver) {
        receivers.put(name, receiver);
      }
    };
  }

  /** Who holds a key now, or null. */
  String holder(String key) {
    return holders.get(key);
  }

  /** Keys held now (for waiting until a claim is made). */
  Map<String, String> holders() {
    return Map.copyOf(holders);
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }
}
