package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances (two {@link RedisClusterState}s, two clients) sharing one real redis-server: what
 * one records, the other sees.
 */
class RedisClusterStateTest {
  private static RedisServerProcess redis;
  private RedisClusterState a;
  private RedisClusterState b;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RequireRedis.startOrSkip();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void connect() {
    // A prefix per test: nothing one test writes is seen by another.
    RedisSettings settings =
        RedisSettings.of(redis.url()).withKeyPrefix("test-" + UUID.randomUUID() + ":");
    a = RedisClusterState.connect(settings);
    b = RedisClusterState.connect(settings);
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void aConfirmationIsAcceptedOnceAcrossTwoGatesSharingRedis() {
    try (EraseServer one = new EraseServer(a.consumedTokens(Clock.systemUTC()));
        EraseServer two = new EraseServer(b.consumedTokens(Clock.systemUTC()))) {
      String token = one.tokenFor("[\"7\"]");

      assertThat(EraseServer.executed(two.confirm("[\"7\"]", token))).isTrue();
      assertThat(EraseServer.executed(one.confirm("[\"7\"]", token))).isFalse();
      assertThat(EraseServer.executed(two.confirm("[\"7\"]", token))).isFalse();

      assertThat(one.erased.get() + two.erased.get()).isEqualTo(1);
      assertThat(one.confirm("[\"7\"]", token).at("/content/0/text").stringValue())
          .contains("already been used")
          .contains("Nothing was done");
    }
  }

  @Test
  void ofManyConcurrentRedemptionsOnTwoInstancesExactlyOneWins() throws Exception {
    ConsumedTokens ledgerA = a.consumedTokens(Clock.systemUTC());
    ConsumedTokens ledgerB = b.consumedTokens(Clock.systemUTC());
    Instant expires = Instant.now().plus(Duration.ofMinutes(5));
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String id = "token-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> wins = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          ConsumedTokens ledger = t % 2 == 0 ? ledgerA : ledgerB;
          wins.add(
              pool.submit(
                  () -> {
                    go.await();
                    return ledger.markConsumed(id, expires);
                  }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> win : wins) {
          won += win.get() ? 1 : 0;
        }
        assertThat(won).as("winners of " + id).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aUsedConfirmationIsForgottenWhenItExpiresAndNotBefore() {
    ConsumedTokens ledger = a.consumedTokens(Clock.systemUTC());
    String key = a.settings().keyPrefix() + "consumed:short";

    assertThat(ledger.markConsumed("short", Instant.now().plusMillis(400))).isTrue();
    assertThat(ledger.markConsumed("short", Instant.now().plusMillis(400))).isFalse();
    long ttl = a.call("test", c -> c.pttl(key));
    assertThat(ttl).isPositive().isLessThanOrEqualTo(400);

    await().atMost(Duration.ofSeconds(30)).until(() -> a.call("test", c -> c.exists(key)) == 0);
    assertThat(ledger.markConsumed("short", Instant.now().plusMillis(400))).isTrue();
  }

  @Test
  void aSessionEndedOnOneInstanceIsSeenByTheOther() {
    Instant until = Instant.now().plus(Duration.ofMinutes(30));
    assertThat(b.endedSessions().isEnded("s1")).isFalse();

    a.endedSessions().end("s1", until);

    assertThat(a.endedSessions().isEnded("s1")).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> b.endedSessions().isEnded("s1"));
    assertThat(b.endedSessions().isEnded("s2")).isFalse();
  }

  @Test
  void anInstanceThatConnectsLaterReadsTheEndsAlreadyRecorded() {
    a.endedSessions().end("before", Instant.now().plus(Duration.ofMinutes(30)));
    try (RedisClusterState late = RedisClusterState.connect(a.settings())) {
      assertThat(late.available()).isTrue();
      assertThat(late.endedSessions().isEnded("before")).isTrue();
    }
  }

  @Test
  void twoLimitersShareOneBucketPerPrincipal() {
    RateLimitBuckets onA = a.rateLimitBuckets("principal", 0.01, 3);
    RateLimitBuckets onB = b.rateLimitBuckets("principal", 0.01, 3);

    assertThat(onA.tryAcquire("alice")).isZero();
    assertThat(onB.tryAcquire("alice")).isZero();
    assertThat(onA.tryAcquire("alice")).isZero();
    // The burst of 3 is spent across both instances: each alone would have allowed 3.
    assertThat(onB.tryAcquire("alice")).isGreaterThanOrEqualTo(1);
    assertThat(onA.tryAcquire("alice")).isGreaterThanOrEqualTo(1);
    assertThat(onB.tryAcquire("bob")).isZero();
  }

  @Test
  void aSharedBucketRefillsAtItsRate() {
    RateLimitBuckets onA = a.rateLimitBuckets("fast", 20, 1);
    RateLimitBuckets onB = b.rateLimitBuckets("fast", 20, 1);
    assertThat(onA.tryAcquire("carol")).isZero();
    assertThat(onB.tryAcquire("carol")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> onB.tryAcquire("carol") == 0);
  }

  @Test
  void healthSaysUpWhenConnected() {
    assertThat(a.available()).isTrue();
    assertThat(a.status()).isEqualTo("up");
  }

  @Test
  void settingsRejectOtherSchemesWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> RedisSettings.of("http://:s3cret@host:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://")
        .hasMessageNotContaining("s3cret");
    RedisSettings tls = RedisSettings.of("rediss://:s3cret@cache.example.com:6380/2");
    assertThat(tls.tls()).isTrue();
    assertThat(tls.redactedUrl()).isEqualTo("rediss://cache.example.com:6380/2");
    assertThat(tls.toString()).doesNotContain("s3cret");
  }
}
