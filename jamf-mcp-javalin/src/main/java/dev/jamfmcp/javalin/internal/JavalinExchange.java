package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.BodyTooLargeException;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Javalin request as the core transport sees it. The response is asynchronous: the handler hands
 * Javalin {@link #completion()} through {@code ctx.future}, Jetty keeps the connection in servlet
 * async mode without a thread, and the future completes when the reply is written or the stream
 * ends.
 */
public final class JavalinExchange implements HttpExchange {
  private final Context ctx;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final List<Runnable> disconnectCallbacks = new CopyOnWriteArrayList<>();

  /** Time a body gets before its rate is judged: a body is not cut off in its first second. */
  static final long RATE_GRACE_NANOS = 1_000_000_000L;

  private final long minBodyBytesPerSecond;

  /**
   * @param minBodyBytesPerSecond the slowest a body may arrive once this handler reads it (0: no
   *     limit), so a body trickled byte by byte cannot hold the request for as long as it likes
   */
  public JavalinExchange(Context ctx, long minBodyBytesPerSecond) {
    this.ctx = ctx;
    this.minBodyBytesPerSecond = minBodyBytesPerSecond;
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
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    ByteArrayOutputStream body =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, maxBytes)));
    byte[] buffer = new byte[8192];
    // The rate is measured from here, when this handler starts reading, not from when the bytes
    // arrived: a request that waited for a thread on a busy server (its body long since received)
    // must not count as slow. Jetty's own minimum data rate measured from arrival and refused such
    // requests (found by the load harness under CPU starvation).
    long started = System.nanoTime();
    try (InputStream in = ctx.req().getInputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (body.size() + read > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
        body.write(buffer, 0, read);
        if (body.size() != declared) { // a body that has arrived whole is never too slow
          checkRate(body.size(), System.nanoTime() - started);
        }
      }
    }
    return body.toByteArray();
  }

  private void checkRate(long bytes, long elapsedNanos) throws IOException {
    if (minBodyBytesPerSecond > 0
        && elapsedNanos > RATE_GRACE_NANOS
        && bytes < minBodyBytesPerSecond * (elapsedNanos / 1_000_000L) / 1000L) {
      throw new IOException(
          "request body arrived slower than " + minBodyBytesPerSecond + " bytes per second");
    }
  }

  @Override
  public void respond(HttpReply reply) {
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
