package dev.jamfmcp.mcp.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An in-memory exchange: the request is given, the response is captured. */
final class FakeExchange implements HttpExchange {
  private final String method;
  private final String path;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> query = new TreeMap<>();
  private byte[] body = new byte[0];
  private IOException bodyFailure;
  final CompletableFuture<HttpReply> reply = new CompletableFuture<>();
  final CompletableFuture<Map<String, String>> streamHeaders = new CompletableFuture<>();
  final Output output = new Output();

  FakeExchange(String method, String path) {
    this.method = method;
    this.path = path;
  }

  static FakeExchange post(String json) {
    return new FakeExchange("POST", "/mcp")
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .body(json);
  }

  FakeExchange header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  FakeExchange query(String name, String value) {
    query.put(name, value);
    return this;
  }

  FakeExchange body(String json) {
    this.body = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Makes reading the body fail, as a client that drops the connection mid-upload does. */
  FakeExchange failBody(IOException failure) {
    this.bodyFailure = failure;
    return this;
  }

  HttpReply awaitReply() throws Exception {
    return reply.get(30, TimeUnit.SECONDS);
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  @Override
  public byte[] readBody(int maxBytes) throws IOException {
    if (bodyFailure != null) {
      throw bodyFailure;
    }
    if (body.length > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    return body;
  }

  @Override
  public void respond(HttpReply response) {
    if (!reply.complete(response)) {
      throw new AssertionError("responded twice");
    }
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) {
    if (reply.isDone() || !streamHeaders.complete(headers)) {
      throw new AssertionError("response already started");
    }
    return output;
  }

  /** The captured stream body, with a way to wait for text and to play a disconnect. */
  static final class Output implements StreamOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Runnable> onDisconnect = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    volatile boolean broken;

    /**
     * When set, every write blocks until the stream is closed, like a client that stopped reading.
     */
    volatile boolean stalled;

    @Override
    public void write(byte[] data) throws IOException {
      if (stalled) {
        try {
          closed.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          throw new IOException("write never unblocked", e);
        }
        throw new IOException("closed while the write was blocked");
      }
      synchronized (this) {
        if (broken || closed.isDone()) {
          throw new IOException("client gone");
        }
        bytes.write(data);
        notifyAll();
      }
    }

    @Override
    public void close() {
      closed.complete(null);
    }

    @Override
    public void onDisconnect(Runnable callback) {
      onDisconnect.add(callback);
    }

    void disconnect() {
      broken = true;
      onDisconnect.forEach(Runnable::run);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the stream body contains {@code expected}; returns the whole body. */
    synchronized String awaitText(String expected) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 30_000;
      while (!text().contains(expected)) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new AssertionError("stream never contained " + expected + ": " + text());
        }
        wait(left);
      }
      return text();
    }
  }
}
