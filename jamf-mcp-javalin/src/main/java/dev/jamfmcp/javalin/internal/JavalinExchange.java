package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Javalin request as the core transport sees it. The response is asynchronous: the handler hands
 * Javalin {@link #completion()} through {@code ctx.future}, Jetty keeps the connection in servlet
 * async mode without a thread, and the future completes when the reply is written or the stream
 * ends.
 */
public final class JavalinExchange implements PluginExchange {
  private final Context ctx;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final List<Runnable> disconnectCallbacks = new CopyOnWriteArrayList<>();

  private final long minBytesPerSecond;
  private volatile boolean bodyRead;

  /**
   * @param minBytesPerSecond the slowest a body may arrive after a two-second grace; 0 turns the
   *     check off
   */
  public JavalinExchange(Context ctx, long minBytesPerSecond) {
    this.ctx = ctx;
    this.minBytesPerSecond = minBytesPerSecond;
  }

  /** Completes when the response is finished; give it to {@code ctx.future}. */
  public CompletableFuture<Void> completion() {
    return done;
  }

  /** Called once Javalin has started async mode: listen for the client going away. */
  public void watchAsync() {
    AsyncContext async = ctx.req().isAsyncStarted() ? ctx.req().getAsyncContext() : null;
    if (async == null) {
      return;
    }
    async.addListener(
        new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            disconnected();
          }

          @Override
          public void onTimeout(AsyncEvent event) {
            disconnected();
          }

          @Override
          public void onError(AsyncEvent event) {
            disconnected();
          }

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
  }

  private void disconnected() {
    disconnectCallbacks.forEach(Runnable::run);
    done.complete(null);
  }

  @Override
  public String method() {
    return ctx.req().getMethod().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String path() {
    return ctx.path();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(ctx.header(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(ctx.queryParam(name));
  }

  @Override
  public byte[] readBody(int maxBytes) throws IOException {
    bodyRead = true;
    return BodyReading.read(
        ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBytes, minBytesPerSecond);
  }

  @Override
  public String remoteAddress() {
    return ctx.req().getRemoteAddr();
  }

  @Override
  public Map<String, String> requestHeaders() {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(ctx.headerMap());
    return headers;
  }

  @Override
  public void responseHeader(String name, String value) {
    ctx.header(name, value);
  }

  @Override
  public void respond(HttpReply reply) {
    if (!bodyRead) {
      try {
        BodyReading.swallowUnread(
            ctx.req().getInputStream(), ctx.req().getContentLengthLong(), minBytesPerSecond);
      } catch (IOException | RuntimeException e) {
        // No body stream to read: the answer goes out regardless.
      }
    }
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    if (reply.body().length > 0) {
      ctx.result(reply.body());
    }
    done.complete(null);
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) throws IOException {
    HttpServletResponse res = ctx.res();
    res.setStatus(status);
    headers.forEach(res::setHeader);
    // Every frame is written and flushed at once, so an aggregation buffer only costs memory: Jetty
    // would hold one of its output buffer size (32 KiB of direct memory) for the whole life of each
    // stream, idle or not. With the smallest size, writes go straight to the connection.
    res.setBufferSize(1);
    res.flushBuffer();
    ServletOutputStream out = res.getOutputStream();
    return new StreamOutput() {
      @Override
      public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
      }

      @Override
      public void close() {
        done.complete(null);
      }

      @Override
      public void onDisconnect(Runnable callback) {
        disconnectCallbacks.add(callback);
      }
    };
  }
}
