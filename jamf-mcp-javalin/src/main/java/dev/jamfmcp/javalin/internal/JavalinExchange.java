package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.BodyTimeoutException;
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
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

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

  /** How long a body may trickle before {@link #minBytesPerSecond} applies. */
  private static final long RATE_GRACE_NANOS = 2_000_000_000L;

  private final long minBytesPerSecond;

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
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    ByteArrayOutputStream body =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, maxBytes)));
    byte[] buffer = new byte[8192];
    long started = System.nanoTime();
    try (InputStream in = ctx.req().getInputStream()) {
      // With a declared length, stop at the last byte instead of waiting for the end of input.
      while (declared < 0 || body.size() < declared) {
        int read = in.read(buffer);
        if (read == -1) {
          break;
        }
        if (body.size() + read > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
        body.write(buffer, 0, read);
        checkRate(body.size(), System.nanoTime() - started);
      }
    } catch (BodyTooLargeException | BodyTimeoutException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (isTimeout(e)) {
        throw new BodyTimeoutException("the request body stopped arriving");
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("the request body could not be read", e);
    }
    return body.toByteArray();
  }

  /**
   * Our own slow-body check instead of Jetty's minimum data rate: Jetty's counts from the first
   * byte, so a small body that arrived whole but waited for a busy thread looked "slow" and failed.
   * This one starts when the handler starts reading and allows a grace period first.
   */
  private void checkRate(long received, long elapsedNanos) throws BodyTimeoutException {
    if (minBytesPerSecond <= 0 || elapsedNanos <= RATE_GRACE_NANOS) {
      return;
    }
    long owed = minBytesPerSecond * (elapsedNanos - RATE_GRACE_NANOS) / 1_000_000_000L;
    if (received < owed) {
      throw new BodyTimeoutException(
          "the request body arrived slower than " + minBytesPerSecond + " bytes per second");
    }
  }

  /** Jetty reports an idle read as an exception caused by a TimeoutException, or a 408. */
  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof HttpException http && http.getCode() == 408) {
        return true;
      }
    }
    return false;
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
