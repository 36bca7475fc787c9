package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.approval.ApprovalStore;
import dev.jamfmcp.mcp.approval.SecretReveals;
import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.cluster.EndedSessions;
import dev.jamfmcp.mcp.cluster.MessageRouting;
import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.mcp.confirm.PendingActionStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster state of a fleet of jamf-mcp instances in one Redis: used confirmations ({@link
 * #consumedTokens}), ended sessions ({@link #endedSessions}) and shared rate-limit buckets ({@link
 * #rateLimitBuckets}). One per process; close it on shutdown.
 *
 * <p>Failure semantics: while Redis cannot be reached, every call that needs it throws {@link
 * StoreUnavailableException} at once (commands are rejected, not queued) or after the command
 * timeout, so a confirmation is refused with nothing done rather than accepted unchecked; {@link
 * EndedSessions#isEnded} keeps answering from the local view, and the rate-limit buckets fall back
 * to per-instance buckets. {@link #available()} is false meanwhile (for readiness: degraded, not
 * down). Lettuce reconnects with its exponential backoff (doubling up to 30 s); a Redis unreachable
 * at start-up is retried in the background (500 ms doubling to 10 s), so the server starts without
 * it.
 */
public final class RedisClusterState implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisClusterState.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LAST_RETRY = Duration.ofSeconds(10);

  private final RedisSettings settings;
  private final RedisClient client;
  private final ScheduledExecutorService background;
  private final RedisEndedSessions endedSessions;
  private final RedisMessageRouting messageRouting;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;
  private volatile boolean closed;

  private RedisClusterState(RedisSettings settings) {
    this.settings = settings;
    this.client = RedisClient.create(settings.redisUri());
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Fail fast while disconnected: a queued SET NX would answer after the caller gave up.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder().connectTimeout(settings.commandTimeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .build());
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jamf-mcp-redis");
              t.setDaemon(true);
              return t;
            });
    this.endedSessions = new RedisEndedSessions(this, settings.keyPrefix(), Clock.systemUTC());
    this.messageRouting =
        new RedisMessageRouting(this, settings.keyPrefix(), UUID.randomUUID().toString());
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            // Back after an outage: pick up the session ends published while we were away.
            if (!closed && pubSub != null) {
              background.execute(endedSessions::resync);
            }
          }

          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            if (!closed) {
              log.warn(
                  "Lost the connection to Redis at {}; confirmations and session ends are refused"
                      + " until it is back (reconnecting)",
                  settings.redactedUrl());
            }
          }
        });
  }

  /**
   * Connects to Redis. If it cannot be reached now, the state is returned anyway, unavailable, and
   * connecting is retried in the background.
   */
  public static RedisClusterState connect(RedisSettings settings) {
    RedisClusterState state = new RedisClusterState(settings);
    state.tryConnect(FIRST_RETRY);
    return state;
  }

  /**
   * The ledger of used confirmations for {@code ConfirmationGate.create(key, ttl, clock, ledger)}:
   * {@code SET key 1 NX PX ttl}, so exactly one instance wins a token.
   *
   * @param clock the gate's clock: an entry lives until the token's expiry on it
   */
  public ConsumedTokens consumedTokens(Clock clock) {
    return new RedisConsumedTokens(this, settings.keyPrefix(), clock);
  }

  /**
   * Pending approvals for {@code Approvals.builder(...).store(...)}: any instance can show, decide
   * and redeem an approval another one opened; decisions are compare-and-set in one script. A key
   * lives until its approval expires plus {@code retention} (the page says "expired" meanwhile).
   *
   * @param clock the clock of {@code Approvals}
   */
  public ApprovalStore approvalStore(Clock clock, Duration retention) {
    return new RedisApprovalStore(this, settings.keyPrefix(), clock, retention);
  }

  /** Secrets waiting for their approval page, for {@code Approvals.builder(...).reveals(...)}. */
  public SecretReveals secretReveals(Clock clock) {
    return new RedisSecretReveals(this, settings.keyPrefix(), clock);
  }

  /**
   * The confirmation gate's pending actions, for {@code ConfirmationGate.withPendingActions}.
   *
   * @param clock the gate's clock
   */
  public PendingActionStore pendingActions(Clock clock) {
    return new RedisPendingActions(this, settings.keyPrefix(), clock);
  }

  /**
   * Each session's toolsets, for {@code JamfTools.Settings.switchableToolsets} (or {@code
   * McpServer.Config.toolsetSwitching}): kept {@code ttl} after their last use.
   */
  public EnabledToolsets enabledToolsets(Duration ttl) {
    return new RedisEnabledToolsets(this, settings.keyPrefix(), ttl);
  }

  /** Ended sessions for {@code HttpTransportConfig.endedSessions}. */
  public EndedSessions endedSessions() {
    return endedSessions;
  }

  /**
   * Routing of client messages to the instance holding what they are about (for {@code
   * HttpTransportConfig.messageRouting}): elicitation answers, cancellations, legacy {@code
   * /messages} POSTs. This process is one instance, with its own channel.
   */
  public MessageRouting messageRouting() {
    return messageRouting;
  }

  /**
   * Token buckets shared by every instance, {@code burst} at once refilled at {@code perSecond}
   * (for {@code RateLimitConfig.principalBuckets}); {@code name} keeps limiters apart.
   */
  public RateLimitBuckets rateLimitBuckets(String name, double perSecond, int burst) {
    return new RedisRateLimitBuckets(
        this, settings.keyPrefix() + "rate:" + name + ":", perSecond, burst);
  }

  /**
   * Whether Redis is connected now. False means degraded: confirmations and session ends are
   * refused, reads go on. For readiness and health reports; never blocks.
   */
  public boolean available() {
    StatefulRedisConnection<String, String> c = connection;
    StatefulRedisPubSubConnection<String, String> p = pubSub;
    return !closed && c != null && c.isOpen() && p != null && p.isOpen();
  }

  /** One line for health reports: {@code up} or {@code degraded: ...}; no secrets. */
  public String status() {
    return available()
        ? "up"
        : "degraded: Redis at "
            + settings.redactedUrl()
            + " is unreachable; confirmations and session ends are refused until it is back";
  }

  /** The settings, for logs ({@link RedisSettings#toString()} hides the password). */
  public RedisSettings settings() {
    return settings;
  }

  /** Runs one command; any Redis failure becomes {@link StoreUnavailableException}. */
  <T> T call(String store, Function<RedisCommands<String, String>, T> command) {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null || closed) {
      throw unavailable(store, null);
    }
    try {
      return command.apply(c.sync());
    } catch (RedisException e) {
      throw unavailable(store, e);
    }
  }

  ScheduledExecutorService background() {
    return background;
  }

  private StoreUnavailableException unavailable(String store, Throwable cause) {
    return new StoreUnavailableException(
        "the " + store + " store is unavailable (Redis at " + settings.redactedUrl() + ")", cause);
  }

  private void tryConnect(Duration retryIn) {
    if (closed) {
      return;
    }
    try {
      if (connection == null) {
        connection = client.connect();
      }
      if (pubSub == null) {
        StatefulRedisPubSubConnection<String, String> p = client.connectPubSub();
        p.addListener(endedSessions.listener());
        p.addListener(messageRouting.listener());
        p.sync().subscribe(endedSessions.channel(), messageRouting.channel());
        pubSub = p;
      }
      endedSessions.resync();
      log.info("Connected to Redis at {}", settings.redactedUrl());
    } catch (RedisException | StoreUnavailableException e) {
      log.warn(
          "Redis at {} is unreachable ({}); confirmations and session ends are refused; retrying"
              + " in {} ms",
          settings.redactedUrl(),
          e.getMessage(),
          retryIn.toMillis());
      Duration next = retryIn.multipliedBy(2);
      var unused =
          background.schedule(
              () -> tryConnect(next.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : next),
              retryIn.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    closed = true;
    background.shutdownNow();
    messageRouting.close();
    StatefulRedisPubSubConnection<String, String> p = pubSub;
    if (p != null) {
      p.close();
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
