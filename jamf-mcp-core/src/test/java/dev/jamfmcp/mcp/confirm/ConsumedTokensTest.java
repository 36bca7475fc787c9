package dev.jamfmcp.mcp.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The in-memory ledger: check-and-set, expiry with the token, the bound, and races. */
class ConsumedTokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final Instant inFiveMinutes = clock.instant().plus(Duration.ofMinutes(5));

  @Test
  void anIdIsConsumedOnceThenRefused() {
    ConsumedTokens ledger = ConsumedTokens.inMemory(10, clock);
    assertThat(ledger.markConsumed("a", inFiveMinutes)).isTrue();
    assertThat(ledger.markConsumed("a", inFiveMinutes)).isFalse();
    assertThat(ledger.markConsumed("b", inFiveMinutes)).isTrue();
  }

  @Test
  void entriesGoWhenTheirTokenExpiresAndNotBefore() {
    InMemoryConsumedTokens ledger = new InMemoryConsumedTokens(10, clock);
    ledger.markConsumed("early", clock.instant().plus(Duration.ofMinutes(1)));
    ledger.markConsumed("late", inFiveMinutes);
    clock.advance(Duration.ofSeconds(59));
    assertThat(ledger.markConsumed("early", inFiveMinutes)).as("still live").isFalse();
    assertThat(ledger.size()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    ledger.markConsumed("other", inFiveMinutes);
    assertThat(ledger.size()).as("'early' forgotten at its expiry").isEqualTo(2);
    clock.advance(Duration.ofMinutes(5));
    ledger.markConsumed("x", clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void whenFullOfLiveEntriesItRefusesByThrowingAndForgetsNothing() {
    InMemoryConsumedTokens ledger = new InMemoryConsumedTokens(3, clock);
    for (String id : List.of("a", "b", "c")) {
      assertThat(ledger.markConsumed(id, inFiveMinutes)).isTrue();
    }
    assertThatThrownBy(() -> ledger.markConsumed("d", inFiveMinutes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than 3 confirmations");
    assertThat(ledger.markConsumed("a", inFiveMinutes)).as("a replay is still refused").isFalse();
    clock.advance(Duration.ofMinutes(5));
    assertThat(ledger.markConsumed("d", clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> ConsumedTokens.inMemory(0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries");
    ConsumedTokens ledger = ConsumedTokens.inMemory();
    assertThatThrownBy(() -> ledger.markConsumed(null, inFiveMinutes))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ledger.markConsumed("a", null))
        .isInstanceOf(NullPointerException.class);
  }

  /** However many redeem the same id at once, exactly one gets through. */
  @Property(tries = 60, seed = "7")
  void concurrentMarksOfOneIdLetExactlyOneThrough(
      @ForAll @IntRange(min = 2, max = 8) int racers,
      @ForAll @IntRange(min = 1, max = 20) int otherIds)
      throws Exception {
    ConsumedTokens ledger = ConsumedTokens.inMemory(1000, Clock.systemUTC());
    Instant expires = Instant.now().plus(Duration.ofMinutes(5));
    for (int i = 0; i < otherIds; i++) {
      ledger.markConsumed("other-" + i, expires);
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch ready = new CountDownLatch(racers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        results.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return ledger.markConsumed("the-token", expires);
                }));
      }
      ready.await();
      go.countDown();
      int through = 0;
      for (Future<Boolean> result : results) {
        through += result.get() ? 1 : 0;
      }
      assertThat(through).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
