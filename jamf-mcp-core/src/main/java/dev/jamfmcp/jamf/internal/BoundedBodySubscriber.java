package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body collected into memory that refuses to grow past a limit (no body may grow without bound):
 * the first byte over it cancels the exchange and fails the body with {@link
 * ResponseTooLargeException}. Subclasses decide where the bytes go; they must copy them out of
 * java.net.http's buffers at once (holding on to those buffers would hold on to the larger arrays
 * behind them).
 */
abstract class BoundedBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {

  final CompletableFuture<T> result = new CompletableFuture<>();
  private final long limit;
  private Flow.Subscription subscription;
  private long size;

  BoundedBodySubscriber(long limit) {
    this.limit = Math.min(limit, Integer.MAX_VALUE - 8); // a byte[] holds at most this much
  }

  /** Copies all of {@code item}'s bytes, which come at offset {@code at} of the body. */
  abstract void append(ByteBuffer item, int at);

  /** Lets go of what was collected: the body failed or was too large. */
  abstract void discard();

  /** The most bytes the body may have. */
  final long limit() {
    return limit;
  }

  /** The bytes received so far; once the body is complete, its length. */
  final int size() {
    return (int) size;
  }

  @Override
  public final CompletionStage<T> getBody() {
    return result;
  }

  @Override
  public final void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public final void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if (size + n > limit) {
        discard();
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
        return;
      }
      append(item, (int) size);
      size += n;
    }
  }

  @Override
  public final void onError(Throwable throwable) {
    discard();
    result.completeExceptionally(throwable);
  }

  /** Not worth retrying: the same request will produce the same oversized answer. */
  static final class ResponseTooLargeException extends IOException {
    ResponseTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }
}
