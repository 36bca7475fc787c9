package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 V1, header time: request headers trickled one line at a time kept a connection open for
 * as long as the client liked (each byte reset Jetty's idle timeout), on every route.
 */
class HeaderTimeTest {
  private final McpServer server = new TestTools().server(c -> {});
  private final McpTestServer http =
      new McpTestServer(
          server, mcp -> mcp.requestLimits(l -> l.headerTimeout(Duration.ofSeconds(1))));

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @Test
  void headersTrickledPastTheHeaderTimeAreCutOff() throws Exception {
    boolean closed = false;
    try (Socket socket = new Socket("127.0.0.1", http.app.port())) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      // 20 s at most, a liveness bound: the server should cut it after one to two header times.
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write("X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          closed = socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // nothing yet
        } catch (IOException reset) {
          closed = true;
        }
      }
    }
    assertThat(closed).as("connection closed by the server").isTrue();
  }
}
