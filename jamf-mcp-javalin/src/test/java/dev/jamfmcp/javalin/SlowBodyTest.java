package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow bodies. Regressions: (1) found by the reliability harness, a body sent one byte every 50 ms
 * held its request, and on Java 17 a Jetty thread, for as long as the client kept trickling; (2)
 * found by the HTTP benchmark on a loaded machine, Jetty's minimum data rate (counted from the
 * first byte) failed small bodies with a 500 when the reading thread was descheduled for ~80 ms.
 */
class SlowBodyTest {
  private static final String HEAD =
      "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: %d\r\n\r\n";

  private final McpServer server = new TestTools().server(c -> {});
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @Test
  void aBodyTrickledByteByByteIsCutOffWith408() throws Exception {
    String answer = "";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.app.port())) {
      socket.setSoTimeout(50);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(String.format(HEAD, 4000).getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      for (int i = 0; i < 400 && received.size() == 0; i++) { // 20 s at most
        try {
          out.write(' ');
          out.flush();
        } catch (IOException closed) {
          break;
        }
        try {
          int b = in.read();
          if (b == -1) {
            break;
          }
          received.write(b);
        } catch (SocketTimeoutException stillReading) {
          // nothing from the server yet
        }
      }
      socket.setSoTimeout(2000);
      received.write(in.readNBytes(400));
      answer = received.toString(StandardCharsets.UTF_8);
    } catch (SocketTimeoutException rest) {
      // what arrived is enough
    }
    assertThat(answer).startsWith("HTTP/1.1 408");
    assertThat(answer).contains("slower than 1024 bytes per second");
  }

  @Test
  void aSmallBodyThatPausesWithinTheGraceIsServed() throws Exception {
    byte[] body = McpTestServer.init("2025-06-18").getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(String.format(HEAD, body.length).getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, half);
      out.flush();
      // Jetty's rate check, counted from the first byte, failed this: ~100 bytes in a second.
      Thread.sleep(1000);
      out.write(body, half, body.length - half);
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 200");
    }
  }

  @Test
  void aNormalBodyIsUnaffected() throws Exception {
    assertThat(http.initialize("2025-06-18")).isNotBlank();
  }
}
