package dev.jamfmcp.javalin.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits every route has, as the outermost Jetty handler (issue 19, V1). A request body is read
 * in full, asynchronously (no thread waits for it), before any handler runs: too large is a 413,
 * too slow a 408. Handlers of one client address run at most {@code maxRunning} at once; the
 * address's further requests wait in a bounded queue without a thread. As a connection listener it
 * bounds connections per peer address and closes a connection whose request headers stall.
 */
public final class FrontDoor extends Handler.Wrapper implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);
  private static final long RATE_GRACE_NANOS = 2_000_000_000L;

  /** The limits; zero turns one off. */
  public record Limits(
      long maxBodyBytes,
      long minBytesPerSecond,
      Duration headerTimeout,
      int maxConnectionsPerAddress,
      int maxRunningPerAddress,
      int maxWaitingPerAddress,
      String clientAddressHeader,
      long maxBufferedBytes) {}

  private final Limits limits;
  private final Predicate<String> jsonRpcPath;
  private final Map<String, Turns> turns = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
  // Bytes of request bodies held in memory now, over all requests: what buffering may cost.
  private final AtomicLong buffered = new AtomicLong();

  /**
   * @param jsonRpcPath whether a refusal on this path is a JSON-RPC error (the MCP routes)
   */
  public FrontDoor(Limits limits, Predicate<String> jsonRpcPath) {
    this.limits = limits;
    this.jsonRpcPath = jsonRpcPath;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Watch watch = watches.get(request.getConnectionMetaData().getConnection());
    Callback done = callback;
    if (watch != null) {
      watch.started();
      done = Callback.from(callback, watch::ended);
    }
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      return admit(request, response, done, true);
    }
    if (limits.maxBodyBytes() > 0 && declared > limits.maxBodyBytes()) {
      refuse(request, response, done, 413, "The request body is larger than the server accepts");
      return true;
    }
    new BodyBuffer(request, response, done).start();
    return true;
  }

  /** Runs the next handler now, or once the address has a free turn; true: the request is ours. */
  private boolean admit(Request request, Response response, Callback callback, boolean inHandle)
      throws Exception {
    // inHandle: called from Jetty's handle(), on its thread, which may throw to Jetty.
    int max = limits.maxRunningPerAddress();
    if (max <= 0) {
      return runDeferred(request, response, callback);
    }
    String address = clientAddress(request);
    Runnable later = () -> runTurn(address, request, response, callback);
    int[] outcome = new int[1]; // 0 run now, 1 queued, 2 full
    turns.compute(
        address,
        (key, t) -> {
          Turns held = t == null ? new Turns() : t;
          if (held.running < max) {
            held.running++;
          } else if (held.waiting.size() < limits.maxWaitingPerAddress()) {
            held.waiting.add(later);
            outcome[0] = 1;
          } else {
            outcome[0] = 2;
          }
          return held.running == 0 && held.waiting.isEmpty() ? null : held;
        });
    if (outcome[0] == 2) {
      log.info("Too many requests waiting for one client address; answered 503");
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      refuse(request, response, callback, 503, "Too many requests from this address at once");
      return true;
    }
    if (outcome[0] == 1) {
      return true;
    }
    if (!inHandle) {
      runTurn(address, request, response, callback);
      return true;
    }
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, 404); // with our callback, not Jetty's
      }
      return true;
    } finally {
      release(address, request);
    }
  }

  private void runTurn(String address, Request request, Response response, Callback callback) {
    try {
      runDeferred(request, response, callback);
    } finally {
      release(address, request);
    }
  }

  /** The next handler, called outside Jetty's own call: no handler or a throw are answered here. */
  private boolean runDeferred(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, 404);
      }
    } catch (Throwable e) {
      Response.writeError(request, response, callback, e);
    }
    return true;
  }

  /** Ends a turn; the address's next waiting request, if any, takes it on a pool thread. */
  private void release(String address, Request request) {
    Runnable[] next = new Runnable[1];
    turns.computeIfPresent(
        address,
        (key, held) -> {
          next[0] = held.waiting.poll();
          if (next[0] == null) {
            held.running--;
          }
          return held.running == 0 && held.waiting.isEmpty() ? null : held;
        });
    if (next[0] != null) {
      executor(request).execute(next[0]);
    }
  }

  private static Executor executor(Request request) {
    return request.getComponents().getExecutor();
  }

  private String clientAddress(Request request) {
    String header = limits.clientAddressHeader();
    if (header != null) {
      String forwarded = request.getHeaders().get(header);
      if (forwarded != null) {
        String[] entries = forwarded.split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
          if (!entries[i].isBlank()) {
            return entries[i].trim();
          }
        }
      }
    }
    String peer = Request.getRemoteAddr(request);
    return peer == null ? "unknown" : peer;
  }

  private void refuse(
      Request request, Response response, Callback callback, int status, String message) {
    boolean jsonRpc = jsonRpcPath.test(Request.getPathInContext(request));
    String body =
        jsonRpc
            ? "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\""
                + message
                + "\"}}"
            : "{\"error\":\"" + reason(status) + "\",\"message\":\"" + message + "\"}";
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    // The rest of the body is not read: the connection cannot carry another request.
    headers.put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String reason(int status) {
    return switch (status) {
      case 408 -> "request_timeout";
      case 413 -> "request_too_large";
      default -> "unavailable";
    };
  }

  /** One address's turns: handlers running, and requests waiting for one. Guarded by the map. */
  private static final class Turns {
    int running;
    final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  }

  /**
   * Reads a body as it arrives, on demand callbacks: no thread waits for a slow client. A timer set
   * for the moment the body would fall below the minimum rate cuts it off (408) unless more came.
   */
  private final class BodyBuffer implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream body;
    private final long started = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private volatile Scheduler.Task timer;

    private final AtomicLong held = new AtomicLong();

    BodyBuffer(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      // The body's bytes are given back when the request ends, however it ends.
      this.callback = Callback.from(callback, () -> buffered.addAndGet(-held.getAndSet(0)));
      long declared = request.getLength();
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 65536) : 1024);
    }

    void start() {
      schedule();
      run();
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (finished.compareAndSet(false, true)) {
            cancelTimer();
            callback.failed(chunk.getFailure());
          }
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        long max = limits.maxBodyBytes();
        if (max > 0 && received.get() + n > max) {
          chunk.release();
          end(413, "The request body is larger than the server accepts");
          return;
        }
        long cap = limits.maxBufferedBytes();
        if (cap > 0 && buffered.addAndGet(n) > cap) {
          buffered.addAndGet(-n);
          chunk.release();
          log.info("Request bodies in memory reached their limit; answered 503");
          response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
          end(503, "The server is busy; retry shortly");
          return;
        }
        if (cap > 0) {
          held.addAndGet(n);
        }
        synchronized (body) {
          byte[] copy = new byte[n];
          bytes.get(copy);
          body.write(copy, 0, n);
        }
        received.addAndGet(n);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          if (finished.compareAndSet(false, true)) {
            cancelTimer();
            dispatch();
          }
          return;
        }
      }
    }

    private void dispatch() {
      byte[] bytes;
      synchronized (body) {
        bytes = body.toByteArray();
      }
      try {
        admit(new Buffered(request, bytes), response, callback, false);
      } catch (Exception e) {
        Response.writeError(request, response, callback, e);
      }
    }

    /** When the body received so far would fall below the minimum rate. */
    private void schedule() {
      long rate = limits.minBytesPerSecond();
      if (rate <= 0 || finished.get()) {
        return;
      }
      long due = started + RATE_GRACE_NANOS + received.get() * 1_000_000_000L / rate;
      long delay = Math.max(1_000_000L, due - System.nanoTime() + 1_000_000L);
      timer =
          request.getComponents().getScheduler().schedule(this::check, delay, TimeUnit.NANOSECONDS);
    }

    private void check() {
      long rate = limits.minBytesPerSecond();
      long elapsed = System.nanoTime() - started;
      long owed = rate * Math.max(0, elapsed - RATE_GRACE_NANOS) / 1_000_000_000L;
      if (received.get() < owed) {
        end(408, "The request body arrived slower than " + rate + " bytes per second");
      } else {
        schedule();
      }
    }

    private void end(int status, String message) {
      if (finished.compareAndSet(false, true)) {
        cancelTimer();
        log.debug("Request body refused: {}", status);
        refuse(request, response, callback, status, message);
      }
    }

    private void cancelTimer() {
      Scheduler.Task task = timer;
      if (task != null) {
        task.cancel();
      }
    }
  }

  /** The request with its body already in memory. */
  private static final class Buffered extends Request.Wrapper {
    private Content.Chunk next;

    Buffered(Request request, byte[] body) {
      super(request);
      this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public boolean consumeAvailable() {
      synchronized (this) {
        next = Content.Chunk.EOF;
      }
      return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run(); // the whole body is here
    }
  }

  // Connections: a bound per peer address, and the header watch.

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof ConnectionMetaData) {
      watchHeaders(connection); // the HTTP connection (over TLS, inside the TLS one)
    }
    int max = limits.maxConnectionsPerAddress();
    // Counted once per TCP connection: the one on the network end point.
    if (max > 0 && connection.getEndPoint() instanceof SelectableChannelEndPoint) {
      String address = peer(connection);
      int open = connections.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
      if (open > max) {
        log.info("Too many connections from one address; closing the newest");
        connection.getEndPoint().close(); // onClosed still follows and counts it down
      }
    }
  }

  private void watchHeaders(Connection connection) {
    long headerNanos = limits.headerTimeout().toNanos();
    if (headerNanos > 0 && connection.getBytesIn() >= 0 && getServer() != null) {
      Watch watch = new Watch(connection, headerNanos, getServer().getScheduler());
      watches.put(connection, watch);
      watch.schedule();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (limits.maxConnectionsPerAddress() > 0
        && connection.getEndPoint() instanceof SelectableChannelEndPoint) {
      connections.computeIfPresent(
          peer(connection), (a, open) -> open.decrementAndGet() <= 0 ? null : open);
    }
    Watch watch = watches.remove(connection);
    if (watch != null) {
      watch.cancel();
    }
  }

  private static String peer(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(remote);
  }

  /**
   * Closes a connection whose next request's headers began (bytes arrived) but did not end within
   * the header time: checked every header time, closed at the second check that finds bytes and no
   * new request (so between one and two header times after the first byte; one check alone could
   * catch headers that arrived a moment before it). Idle connections are left to Jetty's idle
   * timeout; a request in flight is not watched.
   */
  private static final class Watch {
    private final Connection connection;
    private final long nanos;
    private final Scheduler scheduler;
    private int inFlight;
    private long requests;
    private long seenRequests;
    private long seenBytes;
    private boolean suspect;
    private Scheduler.Task task;

    Watch(Connection connection, long nanos, Scheduler scheduler) {
      this.connection = connection;
      this.nanos = nanos;
      this.scheduler = scheduler;
      this.seenBytes = connection.getBytesIn();
    }

    synchronized void started() {
      inFlight++;
      requests++;
    }

    synchronized void ended() {
      inFlight--;
      seenRequests = requests;
      seenBytes = connection.getBytesIn();
    }

    synchronized void schedule() {
      if (scheduler != null) {
        task = scheduler.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
      }
    }

    synchronized void cancel() {
      if (task != null) {
        task.cancel();
      }
    }

    private void check() {
      synchronized (this) {
        long bytes = connection.getBytesIn();
        if (inFlight > 0 || requests != seenRequests) {
          seenRequests = requests;
          seenBytes = bytes;
          suspect = false;
        } else if (bytes > seenBytes) {
          if (suspect) {
            log.debug("Request headers stalled; closing the connection");
            connection.getEndPoint().close();
            return;
          }
          suspect = true;
        }
      }
      schedule();
    }
  }
}
