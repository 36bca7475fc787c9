package dev.jamfmcp.jamf.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a body into one array of the exact size, within a limit. The bytes are copied into fixed
 * 64 KiB chunks as they arrive, and the chunks into the array at the end: two copies of each byte,
 * and no growing buffer that copies a multi-megabyte body again on every doubling.
 */
final class LimitedBodySubscriber extends BoundedBodySubscriber<byte[]> {

  private static final int CHUNK = 64 * 1024;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk;
  private int used;

  LimitedBodySubscriber(long limit) {
    super(limit);
  }

  @Override
  void append(ByteBuffer item, int at) {
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

  @Override
  void discard() {
    chunks.clear();
    chunk = null;
  }

  @Override
  public void onComplete() {
    int size = size();
    byte[] body = new byte[size];
    int at = 0;
    for (byte[] c : chunks) {
      int n = Math.min(c.length, size - at);
      System.arraycopy(c, 0, body, at, n);
      at += n;
    }
    discard();
    result.complete(body);
  }
}
