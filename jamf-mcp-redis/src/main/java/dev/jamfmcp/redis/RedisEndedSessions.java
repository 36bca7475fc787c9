package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.cluster.EndedSessions;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ended sessions in Redis, read from a local view. A DELETE runs one script that sets {@code
 * <prefix>ended:<id>} (value: when it may be forgotten, epoch ms; it expires then) and publishes
 * {@code "<until> <id>"} on {@code <prefix>session-ended}; every instance adds what it hears to its
 * view, and after each (re)connection scans the keys for the ends it missed. So {@link #isEnded}
 * never waits on Redis, and an end is seen elsewhere as soon as the message arrives.
 */
final class RedisEndedSessions implements EndedSessions {
  private static final Logger log = LoggerFactory.getLogger(RedisEndedSessions.class);
  static final int MAX_LOCAL = 100_000;
  private static final String END_SCRIPT =
      "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]);"
          + " redis.call('PUBLISH', ARGV[3], ARGV[4]); return 1";

  private final RedisClusterState redis;
  private final String keyPrefix;
  private final String channel;
  private final Clock clock;
  private final Map<String, Long> ended = new ConcurrentHashMap<>();

  RedisEndedSessions(RedisClusterState redis, String prefix, Clock clock) {
    this.redis = redis;
    this.keyPrefix = prefix + "ended:";
    this.channel = prefix + "session-ended";
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void end(String sessionId, Instant until) {
    Objects.requireNonNull(sessionId, "sessionId");
    long untilMillis = until.toEpochMilli();
    long ttl = Math.max(1, untilMillis - clock.millis());
    redis.call(
        "session",
        c ->
            c.eval(
                END_SCRIPT,
                ScriptOutputType.INTEGER,
                new String[] {keyPrefix + sessionId},
                Long.toString(untilMillis),
                Long.toString(ttl),
                channel,
                untilMillis + " " + sessionId));
    remember(sessionId, untilMillis);
  }

  @Override
  public boolean isEnded(String sessionId) {
    Long until = ended.get(sessionId);
    return until != null && clock.millis() < until;
  }

  String channel() {
    return channel;
  }

  RedisPubSubListener<String, String> listener() {
    return new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        int space = message.indexOf(' ');
        if (channel.equals(from) && space > 0) {
          try {
            remember(message.substring(space + 1), Long.parseLong(message.substring(0, space)));
          } catch (NumberFormatException e) {
            log.warn("Ignored a malformed session-ended message on {}", channel);
          }
        }
      }
    };
  }

  /** Reads every end recorded in Redis into the local view (after a (re)connection). */
  void resync() {
    try {
      ScanCursor cursor = ScanCursor.INITIAL;
      ScanArgs match = ScanArgs.Builder.matches(keyPrefix + "*").limit(500);
      int found = 0;
      do {
        ScanCursor from = cursor;
        KeyScanCursor<String> page = redis.call("session", c -> c.scan(from, match));
        List<String> keys = page.getKeys();
        if (!keys.isEmpty()) {
          List<KeyValue<String, String>> values =
              redis.call("session", c -> c.mget(keys.toArray(String[]::new)));
          for (KeyValue<String, String> kv : values) {
            if (kv.hasValue()) {
              remember(kv.getKey().substring(keyPrefix.length()), Long.parseLong(kv.getValue()));
              found++;
            }
          }
        }
        cursor = page;
      } while (!cursor.isFinished());
      log.debug("Read {} ended sessions from Redis", found);
    } catch (StoreUnavailableException | NumberFormatException e) {
      log.warn("Could not read the ended sessions from Redis; will retry on reconnection", e);
    }
  }

  private void remember(String sessionId, long untilMillis) {
    long now = clock.millis();
    if (untilMillis <= now) {
      return;
    }
    if (ended.size() >= MAX_LOCAL) {
      ended.values().removeIf(at -> at <= now);
      while (ended.size() >= MAX_LOCAL) {
        ended.entrySet().stream()
            .min(Map.Entry.comparingByValue())
            .ifPresent(oldest -> ended.remove(oldest.getKey(), oldest.getValue()));
      }
    }
    ended.merge(sessionId, untilMillis, Math::max);
  }
}
