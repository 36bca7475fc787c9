package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped mid-run and started again: confirmations and session ends are refused cleanly,
 * everything else goes on, and afterwards it all works again with no confirmation accepted twice.
 */
class RedisOutageTest {
  private RedisServerProcess redis;
  private RedisClusterState a;
  private RedisClusterState b;

  @BeforeEach
  void start() throws Exception {
    redis = RequireRedis.startOrSkip();
    a = RedisClusterState.connect(RedisSettings.of(redis.url()));
    b = RedisClusterState.connect(RedisSettings.of(redis.url()));
  }

  @AfterEach
  void stop() throws Exception {
    if (a != null) {
      a.close();
      b.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void writesAreRefusedWhileRedisIsAwayAndNothingIsAcceptedTwiceAfterItReturns() throws Exception {
    try (EraseServer one = new EraseServer(a.consumedTokens(Clock.systemUTC()));
        EraseServer two = new EraseServer(b.consumedTokens(Clock.systemUTC()))) {
      String used = one.tokenFor("[\"1\"]");
      assertThat(EraseServer.executed(two.confirm("[\"1\"]", used))).isTrue();
      String pending = one.tokenFor("[\"2\"]");
      a.endedSessions().end("ended-before", Instant.now().plus(Duration.ofMinutes(30)));
      await().atMost(Duration.ofSeconds(30)).until(() -> b.endedSessions().isEnded("ended-before"));
      RateLimitBuckets limits = a.rateLimitBuckets("principal", 1, 5);

      redis.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> !a.available() && !b.available());

      // Writes: refused, clearly, with nothing done.
      JsonNode refused = one.confirm("[\"2\"]", pending);
      assertThat(EraseServer.executed(refused)).isFalse();
      assertThat(refused.at("/content/0/text").asString(""))
          .contains("could not be checked")
          .contains("Nothing was done");
      assertThat(EraseServer.executed(two.confirm("[\"1\"]", used))).isFalse();
      assertThat(one.erased.get() + two.erased.get()).isEqualTo(1);
      assertThatThrownBy(
              () -> a.endedSessions().end("during", Instant.now().plus(Duration.ofMinutes(30))))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("session store is unavailable");
      // Everything else goes on: previews, what is known of ended sessions, rate limits.
      assertThat(one.call("{\"ids\":[\"3\"]}").at("/structuredContent/status").asString(""))
          .isEqualTo("confirmation_required");
      assertThat(b.endedSessions().isEnded("ended-before")).isTrue();
      assertThat(b.endedSessions().isEnded("during")).isFalse();
      assertThat(limits.tryAcquire("alice")).isZero();
      assertThat(a.status()).startsWith("degraded: Redis at redis://127.0.0.1:");

      redis.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> a.available() && b.available());

      // The token used before the outage stays used (Redis kept it); the one refused during the
      // outage was never recorded, so it works now, once.
      assertThat(EraseServer.executed(one.confirm("[\"1\"]", used))).isFalse();
      assertThat(EraseServer.executed(two.confirm("[\"2\"]", pending))).isTrue();
      assertThat(EraseServer.executed(one.confirm("[\"2\"]", pending))).isFalse();
      assertThat(one.erased.get() + two.erased.get()).isEqualTo(2);
      a.endedSessions().end("after", Instant.now().plus(Duration.ofMinutes(30)));
      await().atMost(Duration.ofSeconds(30)).until(() -> b.endedSessions().isEnded("after"));
      assertThat(a.status()).isEqualTo("up");
    }
  }

  @Test
  void aServerStartedWhileRedisIsDownConnectsWhenItComesUp() throws Exception {
    RedisSettings settings = RedisSettings.of(redis.url());
    redis.stop();
    try (RedisClusterState late = RedisClusterState.connect(settings)) {
      assertThat(late.available()).isFalse();
      assertThatThrownBy(
              () ->
                  late.consumedTokens(Clock.systemUTC())
                      .markConsumed("t", Instant.now().plusSeconds(60)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("confirmation store is unavailable");
      redis.start();
      await().atMost(Duration.ofSeconds(60)).until(late::available);
      assertThat(
              late.consumedTokens(Clock.systemUTC())
                  .markConsumed("t", Instant.now().plusSeconds(60)))
          .isTrue();
    }
  }
}
