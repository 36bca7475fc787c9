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

/**
 * Opens SSE responses with the headers every MCP stream needs, keeps them alive with {@code :ping}
 * comments, cuts off clients whose writes stall, and closes them all on shutdown. One small
 * scheduler thread serves every stream; idle streams hold no thread.
 */
public final class Streams implements AutoCloseable {
  private final McpMetrics metrics;
  private final Duration pingInterval;
  private final Duration writeTimeout;
  private final long maxQueuedBytes;
  private final ScheduledExecutorService scheduler;
  private final Set<SseStream> open = ConcurrentHashMap.newKeySet();

  public Streams(
      Duration pingInterval, Duration writeTimeout, long maxQueuedBytes, McpMetrics metrics) {
    this.metrics = metrics;
    this.pingInterval = pingInterval;
    this.writeTimeout = writeTimeout;
    this.maxQueuedBytes = maxQueuedBytes;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "mcp-sse-keepalive");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts a 200 text/event-stream response with {@code extraHeaders} added. */
  public SseStream open(HttpExchange exchange, Map<String, String> extraHeaders)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Accel-Buffering", "no");
    headers.putAll(extraHeaders);
    SseStream stream = new SseStream(exchange.startStream(200, headers), maxQueuedBytes);
    open.add(stream);
    long openedAt = System.nanoTime();
    metrics.streamOpened();
    long every = pingInterval.toMillis();
    long watch = Math.max(50, Math.min(every, writeTimeout.toMillis() / 2));
    ScheduledFuture<?> ping =
        scheduler.scheduleAtFixedRate(
            () -> stream.comment("ping"), every, every, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> watchdog =
        scheduler.scheduleAtFixedRate(
            () -> stream.abortIfStalled(writeTimeout), watch, watch, TimeUnit.MILLISECONDS);
    stream.onClose(
        () -> {
          ping.cancel(false);
          watchdog.cancel(false);
          open.remove(stream);
          metrics.streamClosed(Duration.ofNanos(System.nanoTime() - openedAt));
        });
    return stream;
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
