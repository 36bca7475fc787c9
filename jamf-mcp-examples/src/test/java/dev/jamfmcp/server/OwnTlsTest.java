package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server's own TLS (MCP_TLS_CERT, MCP_TLS_KEY) on the real start path: a certificate made with
 * keytool, the demo started by ServerMain.run, and an MCP initialize over HTTPS from a client that
 * trusts that certificate only (one that does not is refused in the handshake).
 */
class OwnTlsTest {
  @TempDir Path dir;

  @Test
  void anMcpClientInitializesOverHttps() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
    int port = Ports.freeLoopbackPort();
    String banner =
        ChatGptConnectorFlowTest.launch(
            Map.of(
                "MCP_PORT", Integer.toString(port),
                "MCP_TLS_CERT", certificate.certFile().toString(),
                "MCP_TLS_KEY", certificate.keyFile().toString(),
                "MCP_LOG_LEVEL", "warn"),
            "--demo");
    String mcp = "https://127.0.0.1:" + port + "/mcp";
    assertThat(banner).contains(Banner.READY + mcp);
    String token =
        banner
            .lines()
            .filter(l -> l.startsWith(Banner.TOKEN))
            .findFirst()
            .orElseThrow()
            .substring(Banner.TOKEN.length())
            .strip();
    HttpClient https =
        HttpClient.newBuilder()
            .sslContext(certificate.trustingIt())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    McpHttpSession session = new McpHttpSession(URI.create(mcp), token, https);
    JsonNode init = session.initialize();
    assertThat(init.at("/serverInfo/name").asString("")).isEqualTo("jamf-mcp");
    assertThat(session.toolNames()).contains("checkDeviceCompliance");

    // The protected-resource metadata names the https resource the client connected to.
    HttpResponse<String> metadata =
        https.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "https://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metadata.body()).contains("\"resource\":\"" + mcp + "\"");

    // A client that does not trust the certificate is refused in the handshake.
    HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      untrusting.send(
          HttpRequest.newBuilder(URI.create(mcp)).build(), HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("a client without the certificate got through");
    } catch (SSLHandshakeException expected) {
      // as it should
    }
  }
}
