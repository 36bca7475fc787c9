package dev.jamfmcp.mcp.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Server-Sent Events stream over a {@link StreamOutput}. Frames are queued and written in order
 * by one writer at a time (whichever sender found the queue idle), so a slow client never blocks
 * more than one thread, and the queue is bounded: a client that stops reading is cut off instead of
 * pinning memory. Ids and event names lose CR and LF so that they cannot forge fields.
 */
public final class SseStream {
  private static final Logger log = LoggerFactory.getLogger(SseStream.class);
  private static final byte[] CLOSE = new byte[0];

  private final StreamOutput out;
  private final long maxQueuedBytes;
  private final Object lock = new Object();
  // Small at first: an idle stream queues nothing, and there may be ten thousand of them.
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>(2);
  private final List<Runnable> closeCallbacks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private long queuedBytes;
  private boolean writing;
  private volatile long writeStartedNanos;

  /**
   * @param maxQueuedBytes bytes that may wait for a slow client before the stream is aborted
   */
  public SseStream(StreamOutput out, long maxQueuedBytes) {
    this.out = out;
    this.maxQueuedBytes = maxQueuedBytes;
    out.onDisconnect(this::abort);
  }

  /** Sends one event; {@code event} and {@code id} may be null. False if the stream is closed. */
  public boolean send(String event, String id, String data) {
    return send(event, id, data, null);
  }

  /** Sends one event with a {@code retry} field (milliseconds), as the priming event needs. */
  public boolean send(String event, String id, String data, Long retryMillis) {
    StringBuilder frame = new StringBuilder(data.length() + 64);
    if (id != null) {
      frame.append("id: ").append(oneLine(id)).append('\n');
    }
    if (event != null) {
      frame.append("event: ").append(oneLine(event)).append('\n');
    }
    if (retryMillis != null) {
      frame.append("retry: ").append(retryMillis).append('\n');
    }
    // Each line of the payload becomes its own data field; the client joins them with \n.
    for (String line : data.split("\r\n|\r|\n", -1)) {
      frame.append("data: ").append(line).append('\n');
    }
    return enqueue(frame.append('\n').toString());
  }

  /** A comment line (e.g. a keep-alive {@code :ping}); clients ignore it. */
  public boolean comment(String text) {
    return enqueue(":" + oneLine(text) + "\n\n");
  }

  /** Ends the stream after everything queued so far has been written. Idempotent. */
  public void close() {
    synchronized (lock) {
      if (closed.get() || queue.peekLast() == CLOSE) {
        return;
      }
      queue.add(CLOSE);
    }
    drain();
  }

  /** Ends the stream now, dropping whatever is queued. Idempotent; runs the close callbacks. */
  public void abort() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (lock) {
      queue.clear();
      queuedBytes = 0;
    }
    out.close();
    closeCallbacks.forEach(SseStream::runQuietly);
  }

  /** Runs {@code callback} once when the stream ends for any reason (at once if it has). */
  public void onClose(Runnable callback) {
    closeCallbacks.add(callback);
    if (closed.get() && closeCallbacks.remove(callback)) {
      runQuietly(callback);
    }
  }

  public boolean isOpen() {
    return !closed.get();
  }

  /** Aborts the stream if one write has been blocked longer than {@code limit}. */
  public boolean abortIfStalled(Duration limit) {
    long started = writeStartedNanos;
    if (started != 0 && System.nanoTime() - started > limit.toNanos()) {
      log.debug("SSE client stopped reading for over {}; closing its stream", limit);
      abort();
      return true;
    }
    return false;
  }

  private boolean enqueue(String frame) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      if (closed.get() || queue.peekLast() == CLOSE) {
        return false;
      }
      if (queuedBytes + bytes.length > maxQueuedBytes) {
        log.debug("SSE client is {} bytes behind; closing its stream", queuedBytes);
      } else {
        queue.add(bytes);
        queuedBytes += bytes.length;
        bytes = null;
      }
    }
    if (bytes != null) {
      abort();
      return false;
    }
    drain();
    return true;
  }

  // The sender that finds no writer active becomes the writer until the queue is empty.
  private void drain() {
    while (true) {
      byte[] next;
      synchronized (lock) {
        if (writing || queue.isEmpty() || closed.get()) {
          return;
        }
        next = queue.poll();
        queuedBytes -= next.length;
        writing = true;
      }
      try {
        if (next == CLOSE) {
          abort();
          return;
        }
        writeStartedNanos = System.nanoTime();
        out.write(next);
      } catch (IOException | RuntimeException e) {
        log.debug("SSE client went away: {}", e.toString());
        abort();
        return;
      } finally {
        writeStartedNanos = 0;
        synchronized (lock) {
          writing = false;
        }
      }
    }
  }

  private static String oneLine(String text) {
    return text.replace("\r", "").replace("\n", "");
  }

  private static void runQuietly(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("An SSE close callback failed", e);
    }
  }
}
