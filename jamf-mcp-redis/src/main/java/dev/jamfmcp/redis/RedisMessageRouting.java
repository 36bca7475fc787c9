package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.MessageRouting;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageRouting} in Redis. A claim is {@code SET <prefix>route:<key> <instance> PX ttl}; a
 * release deletes the key only if this instance still holds it (one script). Forwarding is one
 * script: {@code GET} the holder, and if there is one, {@code PUBLISH} the message on the holder's
 * own channel {@code <prefix>instance:<holder>}; it returns how many subscribers heard it, so "no
 * holder" and "holder gone" (no subscriber) both come back as false. Each instance subscribes to
 * its own channel, on the pub/sub connection of {@link RedisClusterState} (Lettuce subscribes again
 * after a reconnection).
 *
 * <p>Redis unreachable: {@link #claim} and {@link #forward} throw {@link StoreUnavailableException}
 * at once or after the command timeout, never later. Received messages are handed to the receiver
 * on this class's own thread, never on Lettuce's event loop.
 */
final class RedisMessageRouting implements MessageRouting, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisMessageRouting.class);
  private static final String STORE = "message routing";
  private static final String RELEASE_SCRIPT =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
          + " return 0";
  private static final String FORWARD_SCRIPT =
      "local holder = redis.call('GET', KEYS[1]);"
          + " if not holder then return 0 end;"
          + " return redis.call('PUBLISH', ARGV[1] .. holder, ARGV[2])";

  /** Forwarded messages queued for the receiver at most; beyond that they are dropped (logged). */
  static final int MAX_QUEUED = 10_000;

  private final RedisClusterState redis;
  private final String keyPrefix;
  private final String channelPrefix;
  private final String instanceId;
  private final ExecutorService delivery;
  private volatile BiConsumer<String, byte[]> receiver;

  RedisMessageRouting(RedisClusterState redis, String prefix, String instanceId) {
    this.redis = redis;
    this.keyPrefix = prefix + "route:";
    this.channelPrefix = prefix + "instance:";
    this.instanceId = instanceId;
    this.delivery =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED),
            r -> {
              Thread t = new Thread(r, "jamf-mcp-redis-routing");
              t.setDaemon(true);
              return t;
            });
  }

  /** This instance's channel: forwarded messages for it arrive there. */
  String channel() {
    return channelPrefix + instanceId;
  }

  String instanceId() {
    return instanceId;
  }

  @Override
  public void claim(String key, Duration ttl) {
    Objects.requireNonNull(key, "key");
    redis.call(
        STORE,
        c -> c.set(keyPrefix + key, instanceId, SetArgs.Builder.px(Math.max(1, ttl.toMillis()))));
  }

  @Override
  public void release(String key) {
    try {
      redis.call(
          STORE,
          c ->
              c.eval(
                  RELEASE_SCRIPT,
                  ScriptOutputType.INTEGER,
                  new String[] {keyPrefix + key},
                  instanceId));
    } catch (StoreUnavailableException e) {
      log.debug("Could not release a routing key (it expires by itself): {}", e.getMessage());
    }
  }

  @Override
  public boolean forward(String key, byte[] message) {
    String payload = key + "\n" + Base64.getEncoder().encodeToString(message);
    Long heard =
        redis.call(
            STORE,
            c ->
                c.<Long>eval(
                    FORWARD_SCRIPT,
                    ScriptOutputType.INTEGER,
                    new String[] {keyPrefix + key},
                    channelPrefix,
                    payload));
    return heard != null && heard > 0;
  }

  @Override
  public void onForwarded(BiConsumer<String, byte[]> receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  RedisPubSubListener<String, String> listener() {
    String mine = channel();
    return new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String payload) {
        if (mine.equals(from)) {
          receive(payload);
        }
      }
    };
  }

  private void receive(String payload) {
    BiConsumer<String, byte[]> local = receiver;
    int newline = payload.indexOf('\n');
    if (local == null || newline < 0) {
      log.warn("Dropped a forwarded message: {}", local == null ? "no receiver" : "malformed");
      return;
    }
    byte[] message;
    try {
      message = Base64.getDecoder().decode(payload.substring(newline + 1));
    } catch (IllegalArgumentException e) {
      log.warn("Dropped a malformed forwarded message");
      return;
    }
    String key = payload.substring(0, newline);
    try {
      delivery.execute(
          () -> {
            try {
              local.accept(key, message);
            } catch (RuntimeException e) {
              log.warn("A forwarded message failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("Dropped a forwarded message: too many waiting to be handled");
    }
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }
}
