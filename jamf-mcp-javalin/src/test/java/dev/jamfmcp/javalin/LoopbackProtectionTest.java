package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS-rebinding protection of the anonymous loopback server (the conformance suite's
 * dns-rebinding-protection scenario). Raw sockets, because java.net.http will not send a chosen
 * Host header.
 */
class LoopbackProtectionTest {
  private final McpServer server = new TestTools().server();
  private final McpTestServer http = new McpTestServer(server, mcp -> {});

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  private int statusOf(String host, String origin) throws Exception {
    String body = McpTestServer.init("2025-11-25");
    String request =
        "POST /mcp HTTP/1.1\r\nHost: "
            + host
            + "\r\nOrigin: "
            + origin
            + "\r\nContent-Type: application/json\r\nAccept: "
            + McpTestServer.ACCEPT
            + "\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\nConnection: close\r\n\r\n"
            + body;
    try (Socket socket = new Socket("127.0.0.1", http.app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  @Test
  void anonymousLoopbackServerRefusesRebindingAndServesLocalPages() throws Exception {
    String local = "127.0.0.1:" + http.app.port();
    assertThat(statusOf("evil.example.com", "http://evil.example.com")).isEqualTo(403);
    assertThat(statusOf("evil.example.com", "http://" + local)).isEqualTo(403);
    assertThat(statusOf(local, "http://" + local)).isEqualTo(200);
    assertThat(statusOf("localhost:" + http.app.port(), "http://localhost:" + http.app.port()))
        .isEqualTo(200);
  }
}
