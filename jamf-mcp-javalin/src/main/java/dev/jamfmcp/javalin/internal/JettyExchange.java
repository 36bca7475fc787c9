package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * A request served straight from Jetty's core API, below Javalin's servlet (see {@link
 * DirectMcpHandler}). The response is asynchronous by nature: the exchange owns Jetty's callback
 * and completes it when the reply is written or the stream ends, so an idle stream or a tool
 * running on the handler pool holds no thread.
 */
final class JettyExchange implements PluginExchange {
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final long minBytesPerSecond;
  private final List<Runnable> disconnectCallbacks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile boolean bodyRead;

  JettyExchange(Request request, Response response, Callback callback, long minBytesPerSecond) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.minBytesPerSecond = minBytesPerSecond;
    // Like servlet async mode with no timeout: a tool call may run longer than the connector's
    // idle timeout, and streams have their own pings and write watchdog. A read or write that
    // stalls is still timed out by Jetty (the listener is not asked while one is pending).
    request.addIdleTimeoutListener(timeout -> false);
  }

  private void disconnected() {
    disconnectCallbacks.forEach(Runnable::run);
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String path() {
    return request.getHttpURI().getPath();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    if (request.getHttpURI().getQuery() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(Request.extractQueryParameters(request).getValue(name));
  }

  @Override
  public byte[] readBody(int maxBytes) throws IOException {
    bodyRead = true;
    return BodyReading.read(
        Content.Source.asInputStream(request), request.getLength(), maxBytes, minBytesPerSecond);
  }

  @Override
  public String remoteAddress() {
    return Request.getRemoteAddr(request);
  }

  @Override
  public Map<String, String> requestHeaders() {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getName(), field.getValue());
    }
    return headers;
  }

  @Override
  public void responseHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  @Override
  public void respond(HttpReply reply) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    if (!bodyRead) {
      BodyReading.swallowUnread(
          Content.Source.asInputStream(request), request.getLength(), minBytesPerSecond);
    }
    response.setStatus(reply.status());
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers().forEach(headers::put);
    byte[] body = reply.body();
    if (body.length > 0) {
      headers.put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    } else {
      response.write(true, null, callback);
    }
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) throws IOException {
    if (!finished.compareAndSet(false, true)) {
      throw new IllegalStateException("this exchange has already been answered");
    }
    response.setStatus(status);
    HttpFields.Mutable fields = response.getHeaders();
    headers.forEach(fields::put);
    // Only a stream has listeners to tell (StreamOutput.onDisconnect): plain replies skip the cost.
    request.addFailureListener(failure -> disconnected());
    Request.addCompletionListener(request, failure -> disconnected());
    Stream stream = new Stream();
    // Commit the status and headers now: the client learns the stream is open before any event.
    stream.write(new byte[0]);
    return stream;
  }

  /**
   * One writer at a time (Jetty refuses a write while another is pending); a close while a write is
   * blocked on a client that stopped reading fails the response, which unblocks the write.
   */
  private final class Stream implements StreamOutput {
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public void write(byte[] bytes) throws IOException {
      writing.lock();
      try {
        if (ended.get()) {
          throw new EofException("the stream is closed");
        }
        try (Blocker.Callback written = Blocker.callback()) {
          response.write(false, ByteBuffer.wrap(bytes), written);
          written.block();
        }
      } finally {
        writing.unlock();
      }
    }

    @Override
    public void close() {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      // Held by this thread: a failing write told its listeners, which close the stream.
      if (!writing.isHeldByCurrentThread() && writing.tryLock()) {
        try {
          response.write(true, null, callback);
        } catch (RuntimeException e) {
          callback.failed(e);
        } finally {
          writing.unlock();
        }
      } else {
        callback.failed(new EofException("the stream was closed while a write was pending"));
      }
    }

    @Override
    public void onDisconnect(Runnable callback) {
      disconnectCallbacks.add(callback);
    }
  }
}
