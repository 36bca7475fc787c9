package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.testing.Ports;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the reverse proxy of docs/CHATGPT.md: nginx started with deploy/nginx/jamf-mcp.conf
 * (its ports, upstream and certificate paths swapped for the test's), the demo behind
 * mock-oauth2-server with MCP_PUBLIC_URL on nginx's address, and ChatGPT's whole path through it:
 * OAuth, initialize, and a GET stream whose ready event and keep-alive pings arrive as they are
 * sent (proxy buffering off).
 *
 * <p>Without nginx on the PATH (or in /usr/sbin) the test is skipped with one line, unless {@code
 * MCP_REQUIRE_NGINX=1} (environment or system property), which {@code .ci/run} sets after
 * installing it.
 */
class ReverseProxyTest {
  @TempDir Path dir;
  private Process nginx;
  private MockOAuth2Server provider;

  @AfterEach
  void stop() throws InterruptedException {
    if (nginx != null) {
      nginx.destroy();
      if (!nginx.waitFor(30, TimeUnit.SECONDS)) {
        nginx.destroyForcibly();
      }
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  static boolean required() {
    return "1".equals(System.getenv("MCP_REQUIRE_NGINX"))
        || "1".equals(System.getProperty("MCP_REQUIRE_NGINX"));
  }

  static Optional<Path> findNginx() {
    String path = System.getenv("PATH");
    return Stream.concat(
            path == null ? Stream.empty() : Stream.of(path.split(File.pathSeparator)),
            Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"))
        .map(d -> Path.of(d, "nginx"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  @Test
  void chatGptReachesTheServerThroughNginxAndTheStreamIsNotBuffered() throws Exception {
    Optional<Path> executable = findNginx();
    if (executable.isEmpty()) {
      String line =
          "Reverse proxy test skipped: nginx is not installed (sudo apt-get install nginx)";
      if (required()) {
        fail("MCP_REQUIRE_NGINX=1 but nginx is not installed: sudo apt-get install nginx");
      }
      System.err.println(line);
      Assumptions.abort(line);
    }
    SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
    int providerPort = Ports.freeLoopbackPort();
    provider = ChatGptConnectorFlowTest.startProvider(providerPort);
    int serverPort = Ports.freeLoopbackPort();
    int httpsPort = Ports.freeLoopbackPort();
    int httpPort = Ports.freeLoopbackPort();
    String base = "https://127.0.0.1:" + httpsPort;

    Map<String, String> env =
        ChatGptConnectorFlowTest.recipeSettings(
            "## Try it without a Jamf tenant",
            serverPort,
            providerPort,
            "MCP_PUBLIC_URL",
            base,
            "MCP_PING_INTERVAL",
            "1s");
    ChatGptConnectorFlowTest.launch(env, "--demo");
    nginx = startNginx(executable.get(), serverPort, httpsPort, httpPort, certificate);

    HttpClient https =
        HttpClient.newBuilder()
            .sslContext(certificate.trustingIt())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // Plain HTTP is sent to HTTPS.
    HttpResponse<String> plain =
        https.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/mcp")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(308);
    assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith("https://");

    // The whole OAuth path through nginx (the server's links name the public https URL).
    ConnectorClient chatGpt = new ConnectorClient(https);
    ConnectorClient.Tokens tokens = chatGpt.connect(base, env.get("MCP_OAUTH_AUTHORIZE_URL"));
    McpHttpSession session = new McpHttpSession(URI.create(base + "/mcp"), tokens.access(), https);
    session.initialize();
    assertThat(session.toolNames()).contains("search", "fetch");

    // The GET stream through nginx: the ready event, then pings, each as it is sent.
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> stream =
        https.send(
            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                // A proxy that holds the stream back holds its headers too: fail, do not hang.
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + tokens.access())
                .header("Mcp-Session-Id", session.sessionId())
                .header("MCP-Protocol-Version", "2025-06-18")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader =
        new Thread(
            () -> {
              try (Stream<String> body = stream.body()) {
                body.forEach(lines::add);
              } catch (RuntimeException e) {
                // closed at the end of the test
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lines)
                    .anySatisfy(l -> assertThat(l).contains("\"status\":\"ready\""))
                    .anySatisfy(l -> assertThat(l).startsWith(":ping")));
    reader.interrupt();
  }

  /** nginx with the committed site configuration, its deployment values swapped for the test's. */
  private Process startNginx(
      Path executable,
      int serverPort,
      int httpsPort,
      int httpPort,
      SelfSignedCertificate certificate)
      throws IOException {
    String site =
        Files.readString(ChatGptConnectorFlowTest.repo("deploy/nginx/jamf-mcp.conf"))
            .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + serverPort + ";")
            .replace("listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;")
            .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
            .replace(
                "/etc/letsencrypt/live/mcp.example.com/fullchain.pem",
                certificate.certFile().toString())
            .replace(
                "/etc/letsencrypt/live/mcp.example.com/privkey.pem",
                certificate.keyFile().toString());
    assertThat(site)
        .as("the test found every value it swaps in deploy/nginx/jamf-mcp.conf")
        .contains(":" + serverPort, ":" + httpsPort + " ssl", ":" + httpPort + ";")
        .contains(certificate.certFile().toString(), certificate.keyFile().toString());
    Path prefix = Files.createDirectories(dir.resolve("nginx"));
    Files.createDirectories(prefix.resolve("logs"));
    Files.writeString(prefix.resolve("jamf-mcp.conf"), site);
    String temp = prefix.resolve("temp").toString();
    Files.writeString(
        prefix.resolve("nginx.conf"),
        String.join(
            "\n",
            "daemon off;",
            "worker_processes 1;",
            "pid " + prefix.resolve("nginx.pid") + ";",
            "error_log " + prefix.resolve("logs/error.log") + " warn;",
            "events { worker_connections 64; }",
            "http {",
            "  access_log " + prefix.resolve("logs/access.log") + ";",
            "  client_body_temp_path " + temp + "/body;",
            "  proxy_temp_path " + temp + "/proxy;",
            "  fastcgi_temp_path " + temp + "/fastcgi;",
            "  uwsgi_temp_path " + temp + "/uwsgi;",
            "  scgi_temp_path " + temp + "/scgi;",
            "  include " + prefix.resolve("jamf-mcp.conf") + ";",
            "}",
            ""));
    Files.createDirectories(prefix.resolve("temp"));
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString(),
                "-e",
                prefix.resolve("logs/error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              if (!process.isAlive()) {
                fail(
                    "nginx exited: "
                        + Files.readString(
                            prefix.resolve("logs/stdout.log"), StandardCharsets.UTF_8)
                        + Files.readString(
                            prefix.resolve("logs/error.log"), StandardCharsets.UTF_8));
              }
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpsPort), 1000);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
    return process;
  }
}
