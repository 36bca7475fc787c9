package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.McpMetrics;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.SseStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens SSE responses with the headers every MCP stream needs, keeps them alive with {@code :ping}
 * comments, cuts off clients whose writes stall, and closes them all on shutdown. One small
 * scheduler thread serves every stream with two shared timers (one pings every open stream, one
 * looks for stalled writes), so an idle stream holds no thread and no timer of its own.
 */
public final class Streams implements AutoCloseable {
  private final McpMetrics metrics;
  private final long maxQueuedBytes;
  private final ScheduledExecutorService scheduler;
  private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
  // Streams whose first events are still being sent: watched for stalls, but not pinged yet.
  private final Set<SseStream> opening = ConcurrentHashMap.newKeySet();

  public Streams(
      Duration pingInterval, Duration writeTimeout, long maxQueuedBytes, McpMetrics metrics) {
    this.metrics = metrics;
    this.maxQueuedBytes = maxQueuedBytes;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "mcp-sse-keepalive");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, pingInterval.toMillis());
    long watch = Math.max(50, Math.min(every, writeTimeout.toMillis() / 2));
    scheduler.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(
        () -> open.forEach(stream -> stream.abortIfStalled(writeTimeout)),
        watch,
        watch,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a 200 text/event-stream response with {@code extraHeaders} added and lets {@code
   * firstEvents} send the stream's first events; the stream gets no {@code :ping} before them (but
   * a first write that stalls is still cut off).
   */
  public SseStream open(
      HttpExchange exchange, Map<String, String> extraHeaders, Consumer<SseStream> firstEvents)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Accel-Buffering", "no");
    headers.putAll(extraHeaders);
    SseStream stream = new SseStream(exchange.startStream(200, headers), maxQueuedBytes);
    long openedAt = System.nanoTime();
    metrics.streamOpened();
    stream.onClose(
        () -> {
          // Counted before it leaves the open set, so openCount() never runs ahead of the metrics.
          metrics.streamClosed(Duration.ofNanos(System.nanoTime() - openedAt));
          open.remove(stream);
        });
    opening.add(stream);
    open.add(stream);
    if (!stream.isOpen()) {
      open.remove(stream); // it closed before it was added: its close callback has run already
    }
    try {
      firstEvents.accept(stream);
    } finally {
      opening.remove(stream);
    }
    return stream;
  }

  // Every open stream once per interval, from the one keep-alive thread: no timer per stream.
  private void pingAll() {
    for (SseStream stream : open) {
      if (!opening.contains(stream)) {
        stream.comment("ping");
      }
    }
  }

  /** Runs {@code task} later on the keep-alive thread (short tasks only). */
  public ScheduledFuture<?> every(Duration period, Runnable task) {
    long millis = period.toMillis();
    return scheduler.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  public int openCount() {
    return open.size();
  }

  /** Closes every stream gracefully (queued events are still written). */
  public void closeAll() {
    open.forEach(SseStream::close);
  }

  @Override
  public void close() {
    open.forEach(SseStream::abort);
    scheduler.shutdownNow();
  }
}
