package dev.jamfmcp.jamf.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects a listing page's body into an array of the client's {@link PageBuffers} pool: one copy
 * out of java.net.http's buffers, and no allocation once the pooled arrays fit the pages (a 5 MB
 * page would otherwise be 80 chunks of 64 KiB plus one humongous array, every page). Refuses to
 * grow past the limit ({@link BoundedBodySubscriber}). The body is the array's first {@link
 * Body#length()} bytes; the array goes back to the pool on {@link Body#release()}, or at once if
 * the body fails or is too large.
 */
final class PooledBodySubscriber extends BoundedBodySubscriber<PooledBodySubscriber.Body> {

  /**
   * A body: the first {@code length} bytes of {@code bytes}; {@code release}, null when the array
   * is not pooled, gives it back.
   */
  record Body(byte[] bytes, int length, Runnable release) {
    static Body of(byte[] bytes) {
      return new Body(bytes, bytes.length, null);
    }
  }

  private final PageBuffers pool;
  private byte[] buffer;

  PooledBodySubscriber(long limit, PageBuffers pool) {
    super(limit);
    this.pool = pool;
  }

  @Override
  void append(ByteBuffer item, int at) {
    int needed = at + item.remaining(); // within the limit: checked before
    if (buffer == null) {
      buffer = pool.take();
    }
    if (needed > buffer.length) {
      // The smaller array is dropped, not given back: the pool converges on arrays that fit.
      buffer = Arrays.copyOf(buffer, (int) Math.min(limit(), Math.max(needed, 2L * buffer.length)));
    }
    item.get(buffer, at, item.remaining());
  }

  @Override
  void discard() {
    if (buffer != null) {
      pool.give(buffer);
      buffer = null;
    }
  }

  @Override
  public void onComplete() {
    if (buffer == null) {
      result.complete(Body.of(new byte[0]));
      return;
    }
    byte[] b = buffer;
    buffer = null;
    if (!result.complete(new Body(b, size(), pool.releaser(b)))) {
      pool.give(b); // nobody will read it (the body had already failed)
    }
  }
}
