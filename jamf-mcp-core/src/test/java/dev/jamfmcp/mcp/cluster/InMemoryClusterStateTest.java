package dev.jamfmcp.mcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-instance implementations of the cluster-state SPI. */
class InMemoryClusterStateTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void anEndedSessionIsEndedUntilItsRecordExpires() {
    EndedSessions ended = EndedSessions.inMemory(10, clock);
    assertThat(ended.isEnded("s1")).isFalse();

    ended.end("s1", clock.instant().plus(Duration.ofMinutes(30)));

    assertThat(ended.isEnded("s1")).isTrue();
    assertThat(ended.isEnded("s2")).isFalse();
    clock.advance(Duration.ofMinutes(30));
    assertThat(ended.isEnded("s1")).isFalse();
  }

  @Test
  void aFullRecordDropsTheEntryClosestToExpiringAndExpiredOnesFirst() {
    InMemoryEndedSessions ended = new InMemoryEndedSessions(2, clock);
    ended.end("soon", clock.instant().plusSeconds(10));
    ended.end("late", clock.instant().plusSeconds(100));
    ended.end("new", clock.instant().plusSeconds(50));
    assertThat(ended.isEnded("soon")).isFalse();
    assertThat(ended.isEnded("late")).isTrue();
    assertThat(ended.isEnded("new")).isTrue();

    clock.advance(Duration.ofSeconds(60));
    ended.end("later", clock.instant().plusSeconds(100));
    assertThat(ended.size()).isEqualTo(2); // "new" expired and went before anything live
    assertThat(ended.isEnded("late")).isTrue();
  }

  @Test
  void rejectsAnEmptyBound() {
    assertThatThrownBy(() -> EndedSessions.inMemory(0, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitBuckets.inMemory(1, 0, 1, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBucketAllowsItsBurstThenRefillsAtItsRate() {
    InMemoryRateLimitBuckets buckets =
        RateLimitBuckets.inMemory(2, 3, 10, Duration.ofMinutes(10), clock);
    assertThat(buckets.tryAcquire("alice")).isZero();
    assertThat(buckets.tryAcquire("alice")).isZero();
    assertThat(buckets.tryAcquire("alice")).isZero();
    assertThat(buckets.tryAcquire("alice")).isEqualTo(1);
    assertThat(buckets.tryAcquire("bob")).isZero();

    clock.advance(Duration.ofMillis(500)); // one token at 2/s
    assertThat(buckets.tryAcquire("alice")).isZero();
    assertThat(buckets.tryAcquire("alice")).isEqualTo(1);
  }

  @Test
  void bucketsAreBoundedAndIdleOnesGo() {
    InMemoryRateLimitBuckets buckets =
        RateLimitBuckets.inMemory(1, 1, 2, Duration.ofMinutes(1), clock);
    buckets.tryAcquire("a");
    buckets.tryAcquire("b");
    buckets.tryAcquire("c");
    assertThat(buckets.size()).isEqualTo(2);
    assertThat(buckets.tryAcquire("a")).isZero(); // dropped, so back full

    clock.advance(Duration.ofMinutes(2));
    buckets.tryAcquire("d");
    assertThat(buckets.size()).isEqualTo(1);
  }
}
