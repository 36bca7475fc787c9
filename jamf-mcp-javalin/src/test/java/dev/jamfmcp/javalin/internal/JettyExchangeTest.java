package dev.jamfmcp.javalin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.http.BodyTooLargeException;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.StreamOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange of the direct route, on a bare Jetty server over real HTTP. */
class JettyExchangeTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private URI start(java.util.function.Consumer<JettyExchange> route) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            route.accept(new JettyExchange(request, response, callback, 1024));
            return true;
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/x?a=1&b=two%20words");
  }

  @Test
  void aReplyCarriesItsStatusHeadersAndExactLengthAndIsSentOnce() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    URI uri =
        start(
            exchange -> {
              try {
                byte[] body = exchange.readBody(1024);
                seen.set(
                    exchange.method()
                        + " "
                        + exchange.path()
                        + " "
                        + exchange.queryParam("b").orElse("?")
                        + " "
                        + exchange.header("x-Test").orElse("?")
                        + " "
                        + exchange.requestHeaders().get("X-TEST")
                        + " "
                        + new String(body, StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new AssertionError(e);
              }
              exchange.responseHeader("Vary", "Origin");
              exchange.respond(HttpReply.json(201, "{\"ok\":true}"));
              exchange.respond(HttpReply.json(500, "{\"twice\":true}"));
            });
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("X-Test", "yes")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(seen).hasValue("POST /x two words yes yes hello");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("11");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
  }

  /**
   * A megabyte against a 16-byte limit: the rest is read and dropped, so the client, which sends
   * its whole body before it reads, gets the 413 rather than a reset connection.
   */
  @Test
  void aBodyPastTheLimitIsRefusedWhetherDeclaredOrNot() throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    URI uri =
        start(
            exchange -> {
              try {
                exchange.readBody(16);
                exchange.respond(HttpReply.empty(200));
              } catch (IOException e) {
                failure.set(e);
                exchange.respond(HttpReply.empty(413));
              }
            });
    HttpResponse<String> declared =
        client.send(
            HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1 << 20)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(failure.get()).isInstanceOf(BodyTooLargeException.class);
    failure.set(null);
    // Chunked: no length declared, the limit is found while reading.
    HttpResponse<String> chunked =
        client.send(
            HttpRequest.newBuilder(uri)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[1 << 20])))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(failure.get()).isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  void aStreamCommitsAtOnceDeliversEveryWriteAndEndsOnClose() throws Exception {
    CompletableFuture<StreamOutput> opened = new CompletableFuture<>();
    URI uri =
        start(
            exchange -> {
              try {
                opened.complete(
                    exchange.startStream(200, Map.of("Content-Type", "text/event-stream")));
              } catch (IOException e) {
                opened.completeExceptionally(e);
              }
            });
    CompletableFuture<HttpResponse<InputStream>> response =
        client.sendAsync(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    // The headers arrive before any event is written.
    HttpResponse<InputStream> headers = response.get(30, TimeUnit.SECONDS);
    assertThat(headers.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    StreamOutput out = opened.get(30, TimeUnit.SECONDS);
    out.write(":one\n\n".getBytes(StandardCharsets.UTF_8));
    out.write(":two\n\n".getBytes(StandardCharsets.UTF_8));
    out.close();
    out.close(); // idempotent
    assertThat(new String(headers.body().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(":one\n\n:two\n\n");
    assertThatThrownBy(() -> out.write(":late\n\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void closingAStreamWhoseClientStoppedReadingUnblocksTheWriterAndTellsTheListeners()
      throws Exception {
    CompletableFuture<StreamOutput> opened = new CompletableFuture<>();
    AtomicInteger disconnects = new AtomicInteger();
    URI uri =
        start(
            exchange -> {
              try {
                StreamOutput out =
                    exchange.startStream(200, Map.of("Content-Type", "text/event-stream"));
                out.onDisconnect(disconnects::incrementAndGet);
                opened.complete(out);
              } catch (IOException e) {
                opened.completeExceptionally(e);
              }
            });
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", uri.getPort()));
      OutputStream request = socket.getOutputStream();
      request.write(
          "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      request.flush();
      StreamOutput out = opened.get(30, TimeUnit.SECONDS);
      AtomicInteger written = new AtomicInteger();
      AtomicReference<Thread> writerThread = new AtomicReference<>();
      // Far more than the socket buffers hold: this writer blocks on a client that never reads.
      CompletableFuture<Throwable> writer =
          CompletableFuture.supplyAsync(
              () -> {
                writerThread.set(Thread.currentThread());
                byte[] chunk = new byte[64 * 1024];
                try {
                  for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                    written.incrementAndGet();
                  }
                  return null;
                } catch (IOException e) {
                  return e;
                }
              });
      // Close only once the writer is parked in a write the client never drains: the case under
      // test (a writer merely between two chunks would fail on its next write anyway).
      await("the writer blocked on the full socket")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> writer.isDone() || parked(writerThread.get()));
      assertThat(writer).as("the writer must block, not finish").isNotDone();
      out.close();
      assertThat(writer.get(30, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
      assertThat(written.get()).isLessThan(1024);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .untilAsserted(() -> assertThat(disconnects.get()).isPositive());
    }
  }

  private static boolean parked(Thread thread) {
    if (thread == null) {
      return false; // not started yet
    }
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }
}
