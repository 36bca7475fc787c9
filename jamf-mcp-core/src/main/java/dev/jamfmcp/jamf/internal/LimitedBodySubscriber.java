package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body into memory but refuses to grow past a limit (no body may grow without bound).
 * The bytes are copied out of java.net.http's buffers at once (holding on to those buffers would
 * hold on to the larger arrays behind them) into fixed 64 KiB chunks, and the chunks into one array
 * of the exact size at the end: two copies of each byte, and no growing buffer that copies a
 * multi-megabyte page again on every doubling.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  private static final int CHUNK = 64 * 1024;

  private final long limit;
  private final List<byte[]> chunks = new ArrayList<>();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private byte[] chunk;
  private int used;
  private long size;
  private Flow.Subscription subscription;

  LimitedBodySubscriber(long limit) {
    this.limit = Math.min(limit, Integer.MAX_VALUE - 8); // a byte[] holds at most this much
  }

  @Override
  public CompletionStage<byte[]> getBody() {
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
      if (size + item.remaining() > limit) {
        chunks.clear();
        chunk = null;
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
        return;
      }
      size += item.remaining();
      while (item.hasRemaining()) {
        if (chunk == null || used == chunk.length) {
          chunk = new byte[CHUNK];
          chunks.add(chunk);
          used = 0;
        }
        int n = Math.min(item.remaining(), chunk.length - used);
        item.get(chunk, used, n);
        used += n;
      }
    }
  }

  @Override
  public void onError(Throwable throwable) {
    chunks.clear();
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    byte[] body = new byte[(int) size];
    int at = 0;
    for (byte[] c : chunks) {
      int n = (int) Math.min(c.length, size - at);
      System.arraycopy(c, 0, body, at, n);
      at += n;
    }
    chunks.clear();
    chunk = null;
    result.complete(body);
  }

  /** Not worth retrying: the same request will produce the same oversized answer. */
  static final class ResponseTooLargeException extends IOException {
    ResponseTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }
}
