package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.Ports;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 V1: 300 stalled POST bodies to {@code /auth/register} (no authentication needed) held
 * every Jetty thread on Java 17, and the next valid {@code /mcp} request timed out. The attackers
 * connect from 127.0.0.2, the valid client from 127.0.0.1: one address must not be able to hold the
 * server's threads. The client's timeout is a liveness check, not a performance bound.
 */
class StalledBodiesTest {
  private static final InetAddress ATTACKER = loopback("127.0.0.2");

  /** Routes whose handler reads the body. */
  private static final List<String> READING =
      List.of("/auth/register", "/auth/token", "/dev/token", "/dev/oauth/token", "/app/echo");

  /** Routes that answer without reading it (or, for /messages, with the MCP routes' own check). */
  private static final List<String> OTHERS = List.of("/messages", "/health", "/metrics");

  private final McpServer server = new TestTools().server(c -> {});
  private final List<Socket> stalled = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
  private Javalin app;
  private String base;
  private String token;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(canBind(ATTACKER), "127.0.0.2 is not a local address here");
    int port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    DevTokens dev = DevTokens.generate(base, base + "/mcp");
    token = dev.mint("someone", Set.of("read:jamf"), Duration.ofHours(1));
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev).devFront()));
                  config.registerPlugin(
                      new McpPlugin(
                          mcp ->
                              mcp.server(server)
                                  .principalResolver(dev.authenticator(c -> {}))
                                  .transport(t -> t.sessionKey(McpTestServer.KEY))));
                  config.routes.post("/app/echo", ctx -> ctx.result(ctx.body()));
                })
            .start("127.0.0.1", port);
  }

  @AfterEach
  void stop() {
    trickle.shutdownNow();
    for (Socket socket : stalled) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    if (app != null) {
      app.stop();
    }
    server.close();
  }

  @Test
  void mcpAnswersWhileThreeHundredBodiesStallOnEveryOtherRoute() throws Exception {
    for (int i = 0; i < 300; i++) {
      stalled.add(stall(READING.get(i % READING.size())));
    }
    for (int i = 0; i < 30; i++) {
      stalled.add(stall(OTHERS.get(i % OTHERS.size())));
    }
    // One byte a second on each: under any idle timeout, so only a body-time limit ends them.
    trickle.scheduleWithFixedDelay(
        () -> stalled.forEach(StalledBodiesTest::oneByte), 1, 1, TimeUnit.SECONDS);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", McpTestServer.ACCEPT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(McpTestServer.init("2025-06-18")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"protocolVersion\"");
  }

  /** Headers and 10 of 1,000 promised body bytes, then a trickle. */
  private Socket stall(String path) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(ATTACKER, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", app.port()));
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + app.port()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
            + "client_nam";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private static void oneByte(Socket socket) {
    try {
      socket.getOutputStream().write('e');
      socket.getOutputStream().flush();
    } catch (IOException cutOff) {
      // the server ended it: what the limits are for
    }
  }

  static boolean canBind(InetAddress address) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static InetAddress loopback(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
