package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.mcp.testing.CapturedLog;
import dev.jamfmcp.mcp.testing.Ports;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 V7: a newline in a registered client_name forged a log line (on c6b17c0; registration
 * now replaces ASCII controls), and Unicode line separators still reached the log.
 */
class ForgedLogLinesTest {
  private static final String FORGED =
      "2026-01-01T00:00:00.000Z INFO dev.jamfmcp.javalin.oauth.OAuthFront - Consent given to"
          + " client admin";

  @Test
  void aNewlineInARegisteredClientNameCannotForgeALogLine() throws Exception {
    int port = Ports.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    DevTokens dev = DevTokens.generate(base, base + "/mcp");
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev).devFront()));
                })
            .start("127.0.0.1", port);
    try (CapturedLog log = new CapturedLog()) {
      HttpResponse<String> registered =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/auth/register"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"client_name\":\"Inspector\\u2028\\u0085\\n"
                                  + FORGED
                                  + "\\r\\u001b[2J\",\"redirect_uris\":"
                                  + "[\"http://localhost:6274/oauth/callback\"]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(201);
      String text = log.text();
      // Registration already turns ASCII controls into spaces; the log line escapes the rest
      // (U+2028, NEL), which some log viewers take for line breaks.
      assertThat(text).contains("Client registered: \"Inspector\\u2028\\u0085 " + FORGED);
      assertThat(text).doesNotContain("\u2028").doesNotContain("\u0085").doesNotContain("\u001b");
      assertThat(text.lines()).noneMatch(line -> line.startsWith(FORGED));
    } finally {
      app.stop();
    }
  }
}
