package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The body collector copies every byte once into chunks and once into the result, in order. */
class LimitedBodySubscriberTest {

  private static final Flow.Subscription NONE =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  @Test
  void bodiesAcrossChunkBoundariesArriveIntact() throws Exception {
    byte[] body = new byte[5 * 64 * 1024 + 12345];
    new Random(7).nextBytes(body);
    LimitedBodySubscriber subscriber = new LimitedBodySubscriber(64L * 1024 * 1024);
    subscriber.onSubscribe(NONE);
    int[] sizes = {1, 16384, 65535, 65537, 3, 100_000};
    int at = 0;
    for (int i = 0; at < body.length; i++) {
      int n = Math.min(sizes[i % sizes.length], body.length - at);
      int m = Math.min(n / 2, body.length - at - n);
      subscriber.onNext(
          List.of(ByteBuffer.wrap(body, at, n), ByteBuffer.wrap(body, at + n, Math.max(0, m))));
      at += n + Math.max(0, m);
    }
    subscriber.onComplete();
    assertThat(subscriber.getBody().toCompletableFuture().get()).isEqualTo(body);
  }

  @Test
  void emptyBody() throws Exception {
    LimitedBodySubscriber subscriber = new LimitedBodySubscriber(10);
    subscriber.onSubscribe(NONE);
    subscriber.onComplete();
    assertThat(subscriber.getBody().toCompletableFuture().get()).isEmpty();
  }

  @Test
  void refusesToGrowPastTheLimit() {
    LimitedBodySubscriber subscriber = new LimitedBodySubscriber(100);
    subscriber.onSubscribe(NONE);
    subscriber.onNext(List.of(ByteBuffer.wrap(new byte[60])));
    subscriber.onNext(List.of(ByteBuffer.wrap(new byte[41])));
    assertThatThrownBy(() -> subscriber.getBody().toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(BoundedBodySubscriber.ResponseTooLargeException.class);
  }
}
