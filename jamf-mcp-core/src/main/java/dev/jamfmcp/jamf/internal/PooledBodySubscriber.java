package dev.jamfmcp.jamf.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a listing page's body into an array of the client's {@link PageBuffers} pool: one copy
 * out of java.net.http's buffers, and no allocation once the pooled arrays fit the pages (a 5 MB
 * page would otherwise be 80 chunks of 64 KiB plus one humongous array, every page). Refuses to
 * grow past the limit, like {@link LimitedBodySubscriber}. The body is the array's first {@link
 * Body#length()} bytes; the array goes back to the pool on {@link Body#release()}, or at once if
 * the body fails or is too large.
 */
final class PooledBodySubscriber implements HttpResponse.BodySubscriber<PooledBodySubscriber.Body> {

  /**
   * A body: the first {@code length} bytes of {@code bytes}; {@code release}, null when the array
   * is not pooled, gives it back.
   */
  record Body(byte[] bytes, int length, Runnable release) {
    static Body of(byte[] bytes) {
      return new Body(bytes, bytes.length, null);
    }
  }

  private final long limit;
  private final PageBuffers pool;
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private byte[] buffer;
  private int size;
  private Flow.Subscription subscription;

  PooledBodySubscriber(long limit, PageBuffers pool) {
    this.limit = Math.min(limit, Integer.MAX_VALUE - 8); // a byte[] holds at most this much
    this.pool = pool;
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      long needed = (long) size + n;
      if (needed > limit) {
        giveBack();
        subscription.cancel();
        result.completeExceptionally(new LimitedBodySubscriber.ResponseTooLargeException(limit));
        return;
      }
      if (buffer == null) {
        buffer = pool.take();
      }
      if (needed > buffer.length) {
        // The smaller array is dropped, not given back: the pool converges on arrays that fit.
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(needed, 2L * buffer.length)));
      }
      item.get(buffer, size, n);
      size = (int) needed;
    }
  }

  private void giveBack() {
    if (buffer != null) {
      pool.give(buffer);
      buffer = null;
    }
  }

  @Override
  public void onError(Throwable throwable) {
    giveBack();
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    if (buffer == null) {
      result.complete(Body.of(new byte[0]));
      return;
    }
    byte[] b = buffer;
    buffer = null;
    if (!result.complete(new Body(b, size, pool.releaser(b)))) {
      pool.give(b); // nobody will read it (the body had already failed)
    }
  }
}
