package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 V14/V15 and issue 18 item 9: bound to loopback, pages on the machine itself may call
 * (any of localhost, 127.0.0.1, [::1], any port: the conformance suite's "accepts valid localhost
 * Host/Origin"), but only configured origins get CORS, and {@code /dev/token} has the Host and
 * Origin checks of {@code /mcp}. Raw sockets, because java.net.http will not send a chosen Host.
 */
class LocalOriginsTest {
  private final McpServer server = new TestTools().server();
  private McpTestServer anonymous;
  private Javalin demo;

  @AfterEach
  void close() {
    if (anonymous != null) {
      anonymous.close();
    }
    if (demo != null) {
      demo.stop();
    }
    server.close();
  }

  /** The status line and headers of the answer. */
  private static String exchange(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      return end < 0 ? answer : answer.substring(0, end);
    }
  }

  private static String initialize(int port, String host, String origin, String token) {
    String body = McpTestServer.init("2025-11-25");
    return "POST /mcp HTTP/1.1\r\nHost: "
        + host
        + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
        + "Content-Type: application/json\r\nAccept: "
        + McpTestServer.ACCEPT
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private static String preflight(String host, String origin) {
    return "OPTIONS /mcp HTTP/1.1\r\nHost: "
        + host
        + "\r\nOrigin: "
        + origin
        + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers:"
        + " content-type\r\nConnection: close\r\n\r\n";
  }

  private static int status(String head) {
    return Integer.parseInt(head.substring(9, 12));
  }

  private static boolean grantsCors(String head) {
    return head.toLowerCase(java.util.Locale.ROOT).contains("access-control-allow-origin");
  }

  @Test
  void anAnonymousLoopbackServerGivesNoCorsToPagesOnOtherLocalPorts() throws Exception {
    anonymous = new McpTestServer(server, mcp -> {});
    int port = anonymous.app.port();
    String host = "127.0.0.1:" + port;
    String head = exchange(port, initialize(port, host, "http://localhost:3000", null));
    assertThat(status(head)).isEqualTo(200);
    assertThat(grantsCors(head)).isFalse();
    assertThat(status(exchange(port, preflight(host, "http://localhost:3000")))).isEqualTo(403);
    // The page of the same origin needs no CORS and is served.
    assertThat(status(exchange(port, initialize(port, host, "http://" + host, null))))
        .isEqualTo(200);
  }

  @Test
  void aConfiguredOriginGetsCors() throws Exception {
    anonymous = new McpTestServer(server, mcp -> mcp.allowedOrigins("http://localhost:3000"));
    int port = anonymous.app.port();
    String host = "127.0.0.1:" + port;
    String head = exchange(port, initialize(port, host, "http://localhost:3000", null));
    assertThat(status(head)).isEqualTo(200);
    assertThat(head).contains("Access-Control-Allow-Origin: http://localhost:3000");
    assertThat(status(exchange(port, preflight(host, "http://localhost:3000")))).isEqualTo(204);
  }

  @Test
  void anAuthenticatedLoopbackServerAcceptsLocalOriginsOnAnyPortAndRefusesOthers()
      throws Exception {
    int port = startDemo();
    String token = token(port);
    for (String[] hostOrigin :
        new String[][] {
          {"127.0.0.1:" + port, "http://127.0.0.1:" + port},
          {"localhost:" + port, "http://localhost:" + port},
          {"[::1]:" + port, "http://[::1]:" + port},
          {"localhost:" + port, "http://localhost:6274"},
        }) {
      assertThat(status(exchange(port, initialize(port, hostOrigin[0], hostOrigin[1], token))))
          .as("Host %s Origin %s", hostOrigin[0], hostOrigin[1])
          .isEqualTo(200);
    }
    for (String origin :
        new String[] {
          "http://evil.example", "http://localhost.evil.example", "http://127.0.0.1@evil.example"
        }) {
      assertThat(status(exchange(port, initialize(port, "127.0.0.1:" + port, origin, token))))
          .as(origin)
          .isEqualTo(403);
    }
  }

  @Test
  void devTokenHasTheHostAndOriginChecksOfMcp() throws Exception {
    int port = startDemo();
    assertThat(status(exchange(port, mint("127.0.0.1:" + port, null)))).isEqualTo(200);
    assertThat(status(exchange(port, mint("localhost:" + port, "http://localhost:" + port))))
        .isEqualTo(200);
    assertThat(status(exchange(port, mint("evil.example:" + port, null)))).isEqualTo(403);
    assertThat(status(exchange(port, mint("evil.example:" + port, "http://evil.example:" + port))))
        .isEqualTo(403);
    assertThat(status(exchange(port, mint("127.0.0.1:" + port, "http://evil.example"))))
        .isEqualTo(403);
  }

  private static String mint(String host, String origin) {
    String body = "sub=dev&scope=read%3Ajamf";
    return "POST /dev/token HTTP/1.1\r\nHost: "
        + host
        + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
        + body.length()
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private DevTokens dev;

  private int startDemo() {
    int port = Ports.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    dev = DevTokens.generate(base, base + "/mcp");
    demo =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev)));
                  config.registerPlugin(
                      new McpPlugin(
                          mcp ->
                              mcp.server(server)
                                  .principalResolver(dev.authenticator(c -> {}))
                                  .transport(t -> t.sessionKey(McpTestServer.KEY))));
                })
            .start("127.0.0.1", port);
    return port;
  }

  private String token(int port) {
    return dev.mint("someone", Set.of("read:jamf"), Duration.ofHours(1));
  }
}
