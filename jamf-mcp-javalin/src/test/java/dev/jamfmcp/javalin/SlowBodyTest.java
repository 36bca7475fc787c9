package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
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
 * Regression (found by the reliability harness): a body sent one byte every 50 ms held its request,
 * and on Java 17 a Jetty thread, for as long as the client kept trickling.
 */
class SlowBodyTest {
  private final McpServer server = new TestTools().server(c -> {});
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @Test
  void aBodyTrickledByteByByteIsCutOff() throws Exception {
    long start = System.nanoTime();
    boolean cut = false;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.app.port())) {
      socket.setSoTimeout(100);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Accept: application/json, text/event-stream\r\nContent-Length: 4000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 400 && !cut; i++) { // 20 s at most
        try {
          out.write(' ');
          out.flush();
          Thread.sleep(50);
          cut = in.read() != -1 || true;
        } catch (SocketTimeoutException stillReading) {
          // nothing from the server yet
        } catch (IOException closed) {
          cut = true;
        }
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(cut).as("the server gave up on the slow body").isTrue();
    assertThat(seconds).isLessThan(10);
  }

  @Test
  void aNormalBodyIsUnaffected() throws Exception {
    assertThat(http.initialize("2025-06-18")).isNotBlank();
  }
}
