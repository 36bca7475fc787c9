package dev.jamfmcp.servlet.internal;

import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.RequestBodies;
import dev.jamfmcp.mcp.http.StreamOutput;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A servlet request as the core transport sees it.
 *
 * <p>An answer given on the container's thread, before {@code service} returns (tools/list, every
 * error), is written there, without servlet async mode. Anything else (a tool running on the
 * handler pool, a stream) puts the request in async mode, with no timeout, so that it holds no
 * thread: at {@link #serviceReturning}, or at once when a stream starts on the container's thread.
 * An answer or a stream that another thread starts while {@code service} is still running waits, in
 * memory, for {@link #serviceReturning} to hand it over; no thread ever waits for another.
 */
public final class ServletExchange implements HttpExchange {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final long minBytesPerSecond;
  private final Consumer<ServletExchange> asyncStarted;
  private final Consumer<ServletExchange> asyncEnded;
  private final Thread serviceThread = Thread.currentThread();
  private final List<Runnable> disconnectCallbacks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();

  // Guarded by this.
  private boolean inService = true;
  private boolean answered;
  private AsyncContext async;
  private HttpReply deferred;
  private Stream stream;

  /**
   * @param asyncStarted told when the request enters async mode (the servlet keeps it to end it at
   *     {@code destroy})
   * @param asyncEnded told once when it leaves async mode
   */
  public ServletExchange(
      HttpServletRequest request,
      HttpServletResponse response,
      long minBytesPerSecond,
      Consumer<ServletExchange> asyncStarted,
      Consumer<ServletExchange> asyncEnded) {
    this.request = request;
    this.response = response;
    this.minBytesPerSecond = minBytesPerSecond;
    this.asyncStarted = asyncStarted;
    this.asyncEnded = asyncEnded;
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String path() {
    String uri = request.getRequestURI();
    return uri == null ? "" : uri;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeader(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    // From the query string alone: getParameter would read a form-encoded body to find it.
    String query = request.getQueryString();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return Optional.of(
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  @Override
  public byte[] readBody(int maxBytes) throws IOException {
    return RequestBodies.read(
        request.getInputStream(),
        request.getContentLengthLong(),
        maxBytes,
        minBytesPerSecond,
        failure -> false);
  }

  @Override
  public void respond(HttpReply reply) {
    AsyncContext context;
    synchronized (this) {
      if (answered) {
        return;
      }
      answered = true;
      if (inService && Thread.currentThread() != serviceThread) {
        deferred = reply; // written by the container's thread when service returns
        return;
      }
      context = async;
    }
    write(reply);
    if (context != null) {
      end(context);
    }
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) throws IOException {
    Stream started = new Stream(status, headers);
    boolean commitNow;
    synchronized (this) {
      if (answered) {
        throw new IllegalStateException("this exchange has already been answered");
      }
      answered = true;
      stream = started;
      if (inService && Thread.currentThread() == serviceThread) {
        startAsync();
        commitNow = true;
      } else {
        // Another thread: async mode is there if service has returned; otherwise serviceReturning
        // starts it and commits the stream.
        commitNow = !inService;
      }
    }
    if (commitNow) {
      started.commit();
    }
    return started;
  }

  /**
   * Called by the servlet on the container's thread as {@code service} returns: writes an answer
   * another thread gave meanwhile, or enters async mode for one still to come.
   */
  public void serviceReturning() {
    HttpReply reply;
    Stream pending = null;
    synchronized (this) {
      inService = false;
      reply = deferred;
      if (reply == null) {
        boolean answeredHere = answered && stream == null;
        if (!answeredHere && async == null) {
          startAsync();
        }
        if (stream != null && !stream.committed) {
          pending = stream;
        }
      }
    }
    if (reply != null) {
      write(reply);
    }
    if (pending != null) {
      pending.commit();
    }
  }

  /** Ends an open stream or a pending answer: the servlet is being destroyed. */
  public void endNow() {
    AsyncContext context;
    synchronized (this) {
      answered = true;
      context = async;
    }
    if (context != null) {
      end(context);
    }
  }

  // Called with the lock held, on the container's thread, before service returns.
  private void startAsync() {
    AsyncContext context = request.startAsync(request, response);
    // The stream or the tool call lives as long as it needs: the transport's own limits (pings,
    // write watchdog, shutdown) end it, not the container's async timeout (Tomcat's is 30 s).
    context.setTimeout(0);
    context.addListener(
        new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            disconnected();
          }

          @Override
          public void onTimeout(AsyncEvent event) {
            disconnected();
            end(event.getAsyncContext());
          }

          @Override
          public void onError(AsyncEvent event) {
            disconnected();
            end(event.getAsyncContext());
          }

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
    async = context;
    asyncStarted.accept(this);
  }

  private void disconnected() {
    if (ended.compareAndSet(false, true)) {
      asyncEnded.accept(this);
    }
    disconnectCallbacks.forEach(ServletExchange::runQuietly);
    disconnectCallbacks.clear();
  }

  private static void end(AsyncContext context) {
    try {
      context.complete();
    } catch (IllegalStateException e) {
      // Already completed, or the container gave the request up.
    }
  }

  private void write(HttpReply reply) {
    try {
      response.setStatus(reply.status());
      reply.headers().forEach(response::setHeader);
      byte[] body = reply.body();
      if (body.length > 0) {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    } catch (IOException | RuntimeException e) {
      // The client is gone; nothing to tell it.
    }
  }

  private static void runQuietly(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      // one callback's failure must not keep the others from running
    }
  }

  /**
   * The body of a streamed response. Writes block the writer while the client is slow (the core's
   * {@code SseStream} has one writer at a time and a watchdog); an idle stream holds no thread.
   * Until committed (a stream started by another thread while service ran), writes are kept in
   * memory and go out, in order, with the headers.
   */
  private final class Stream implements StreamOutput {
    private final int status;
    private final Map<String, String> headers;
    // Guarded by ServletExchange.this.
    private boolean committed;
    private boolean closed;
    private List<byte[]> early = new ArrayList<>(2);

    Stream(int status, Map<String, String> headers) {
      this.status = status;
      this.headers = Map.copyOf(headers);
    }

    void commit() {
      List<byte[]> held;
      boolean closeAfter;
      synchronized (ServletExchange.this) {
        if (committed) {
          return;
        }
        committed = true;
        held = early;
        early = null;
        closeAfter = closed;
      }
      try {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        // Every frame is flushed at once: a large buffer only costs memory for each idle stream.
        response.setBufferSize(256);
        response.flushBuffer();
        for (byte[] bytes : held) {
          response.getOutputStream().write(bytes);
          response.getOutputStream().flush();
        }
      } catch (IOException | RuntimeException e) {
        closeAfter = true;
        disconnected();
      }
      if (closeAfter) {
        close();
      }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      synchronized (ServletExchange.this) {
        if (closed) {
          throw new EOFException("the stream is closed");
        }
        if (!committed) {
          early.add(bytes);
          return;
        }
      }
      response.getOutputStream().write(bytes);
      response.getOutputStream().flush();
    }

    @Override
    public void close() {
      AsyncContext context;
      synchronized (ServletExchange.this) {
        closed = true;
        if (!committed) {
          return; // commit() closes it once the headers are out
        }
        context = async;
      }
      if (context != null) {
        end(context);
      }
    }

    @Override
    public void onDisconnect(Runnable callback) {
      disconnectCallbacks.add(callback);
      if (ended.get()) {
        runQuietly(callback);
      }
    }
  }
}
