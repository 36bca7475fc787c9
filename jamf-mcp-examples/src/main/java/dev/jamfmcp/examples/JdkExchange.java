package dev.jamfmcp.examples;

import dev.jamfmcp.mcp.http.BodyTooLargeException;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDK {@code com.sun.net.httpserver} request as the core MCP transport sees it. The handler
 * returns as soon as the transport has the exchange; a streamed response stays open (chunked) until
 * the transport closes it, written from the transport's threads.
 */
final class JdkExchange implements HttpExchange {
  private final com.sun.net.httpserver.HttpExchange exchange;
  private final List<Runnable> disconnectCallbacks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  JdkExchange(com.sun.net.httpserver.HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    String query = exchange.getRequestURI().getRawQuery();
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
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && Long.parseLong(declared.trim()) > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (body.size() + read > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
        body.write(buffer, 0, read);
      }
    }
    return body.toByteArray();
  }

  @Override
  public void respond(HttpReply reply) {
    try {
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = reply.body();
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      disconnected();
      throw new UncheckedIOException(e);
    } finally {
      exchange.close();
    }
  }

  @Override
  public StreamOutput startStream(int status, Map<String, String> headers) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, 0); // 0: chunked, open-ended
    OutputStream out = exchange.getResponseBody();
    return new StreamOutput() {
      @Override
      public void write(byte[] bytes) throws IOException {
        try {
          synchronized (out) {
            out.write(bytes);
            out.flush();
          }
        } catch (IOException e) {
          disconnected(); // the JDK server has no disconnect event; a failed write is the sign
          throw e;
        }
      }

      @Override
      public void close() {
        if (closed.compareAndSet(false, true)) {
          exchange.close();
        }
      }

      @Override
      public void onDisconnect(Runnable callback) {
        disconnectCallbacks.add(callback);
      }
    };
  }

  private void disconnected() {
    if (closed.compareAndSet(false, true)) {
      exchange.close();
    }
    disconnectCallbacks.forEach(Runnable::run);
  }
}
