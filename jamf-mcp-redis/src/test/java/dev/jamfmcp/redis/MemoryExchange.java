package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An in-memory HTTP exchange for the core transport: the request is given, the reply captured. */
final class MemoryExchange implements HttpExchange {
  private final String method;
  private final String path;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> query = new TreeMap<>();
  private byte[] body = new byte[0];
  final CompletableFuture<HttpReply> reply = new CompletableFuture<>();
  final Output output = new Output();

  MemoryExchange(String method, String path) {
    this.method = method;
    this.path = path;
  }

  static MemoryExchange post(String path, String json) {
    MemoryExchange exchange =
        new MemoryExchange("POST", path)
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json");
    exchange.body = json.getBytes(StandardCharsets.UTF_8);
    return exchange;
  }

  MemoryExchange header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  MemoryExchange query(String name, String value) {
    query.put(name, value);
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
  public byte[] readBody(int maxBytes) {
    return body;
  }

  @Override
  public void respond(HttpReply response) {
    reply.complete(response);
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) {
    return output;
  }

  /** The captured stream body. */
  static final class Output implements StreamOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Runnable> onDisconnect = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    @Override
    public synchronized void write(byte[] data) throws IOException {
      if (closed.isDone()) {
        throw new IOException("client gone");
      }
      bytes.write(data);
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
      closed.complete(null);
      onDisconnect.forEach(Runnable::run);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
