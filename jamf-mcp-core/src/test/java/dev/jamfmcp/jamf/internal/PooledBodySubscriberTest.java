package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Listing pages go into pooled arrays: the bytes arrive intact across growth, each array goes back
 * to the pool exactly once (after the page is read, or at once when the body fails), the pool is
 * bounded, and it empties when the client is idle.
 */
class PooledBodySubscriberTest {

  private static final Flow.Subscription NONE =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  static PooledBodySubscriber.Body receive(PageBuffers pool, byte[] body) throws Exception {
    PooledBodySubscriber subscriber = new PooledBodySubscriber(64L * 1024 * 1024, pool);
    subscriber.onSubscribe(NONE);
    int[] sizes = {1, 16384, 65535, 65537, 3, 100_000};
    int at = 0;
    for (int i = 0; at < body.length; i++) {
      int n = Math.min(sizes[i % sizes.length], body.length - at);
      subscriber.onNext(List.of(ByteBuffer.wrap(body, at, n)));
      at += n;
    }
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().get();
  }

  @Test
  void aBodyLargerThanThePooledArrayGrowsItAndArrivesIntact() throws Exception {
    PageBuffers pool = new PageBuffers(4);
    byte[] body = new byte[3 * PageBuffers.INITIAL + 12345];
    new Random(7).nextBytes(body);
    PooledBodySubscriber.Body got = receive(pool, body);
    assertThat(got.length()).isEqualTo(body.length);
    assertThat(Arrays.copyOf(got.bytes(), got.length())).isEqualTo(body);
    assertThat(pool.pooled()).isZero();
    got.release().run();
    got.release().run(); // a second release does nothing
    assertThat(pool.pooled()).isEqualTo(1);
    assertThat(pool.pooledBytes()).isGreaterThanOrEqualTo(body.length);

    // the next page reuses that array: no new one
    byte[] smaller = Arrays.copyOf(body, 1000);
    PooledBodySubscriber.Body again = receive(pool, smaller);
    assertThat(again.bytes()).isSameAs(got.bytes());
    assertThat(Arrays.copyOf(again.bytes(), again.length())).isEqualTo(smaller);
  }

  @Test
  void anEmptyBodyTakesNoArray() throws Exception {
    PageBuffers pool = new PageBuffers(4);
    PooledBodySubscriber.Body got = receive(pool, new byte[0]);
    assertThat(got.length()).isZero();
    assertThat(got.release()).isNull();
  }

  @Test
  void aFailingOrOversizedBodyGivesItsArrayBackAtOnce() {
    PageBuffers pool = new PageBuffers(4);
    PooledBodySubscriber failing = new PooledBodySubscriber(1000, pool);
    failing.onSubscribe(NONE);
    failing.onNext(List.of(ByteBuffer.wrap(new byte[600])));
    failing.onError(new IOException("connection reset"));
    assertThat(pool.pooled()).isEqualTo(1);
    assertThatThrownBy(() -> failing.getBody().toCompletableFuture().get())
        .hasCauseInstanceOf(IOException.class);

    PooledBodySubscriber oversized = new PooledBodySubscriber(1000, pool);
    oversized.onSubscribe(NONE);
    oversized.onNext(List.of(ByteBuffer.wrap(new byte[600])));
    assertThat(pool.pooled()).isZero();
    oversized.onNext(List.of(ByteBuffer.wrap(new byte[401])));
    oversized.onNext(List.of(ByteBuffer.wrap(new byte[1]))); // ignored once refused
    assertThat(pool.pooled()).isEqualTo(1);
    assertThatThrownBy(() -> oversized.getBody().toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(BoundedBodySubscriber.ResponseTooLargeException.class);
  }

  @Test
  void thePoolKeepsAtMostItsBoundAndEmptiesWhenIdle() {
    AtomicLong now = new AtomicLong();
    PageBuffers pool = new PageBuffers(2, now::get);
    byte[] a = pool.take();
    byte[] b = pool.take();
    byte[] c = pool.take();
    assertThat(a).isNotSameAs(b).isNotSameAs(c);
    pool.give(a);
    pool.give(b);
    pool.give(c);
    assertThat(pool.pooled()).isEqualTo(2);

    now.addAndGet(PageBuffers.IDLE_NANOS - 1);
    pool.trimIfIdle();
    assertThat(pool.pooled()).as("not idle long enough").isEqualTo(2);

    byte[] borrowed = pool.take(); // activity: the idle time starts again
    now.addAndGet(PageBuffers.IDLE_NANOS - 1);
    pool.trimIfIdle();
    assertThat(pool.pooled()).isEqualTo(1);

    // An array taken and never given back (a timed-out body) does not keep the pool alive.
    assertThat(borrowed).isNotNull();
    now.addAndGet(1);
    pool.trimIfIdle();
    assertThat(pool.pooled()).isZero();
    assertThat(pool.pooledBytes()).isZero();
  }
}
