package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The banner offers only commands that can work in the mode the server runs in. */
class BannerTest {
  static final String URL = "https://mcp.example.com/mcp";
  static final String METADATA = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

  static String banner(SecurityWiring.Auth auth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Banner.print(new PrintStream(out, true, StandardCharsets.UTF_8), URL, 1234, auth, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void oauthModeShowsHowToConnectNotCommandsThatGet401() {
    String text =
        banner(
            new SecurityWiring.Auth(
                List.of("Authentication: OAuth bearer tokens from https://idp.example.com/"),
                null,
                METADATA));
    assertThat(text)
        .contains(Banner.READY + URL)
        .contains("ready in 1234 ms")
        .contains("Connect a client that signs in with OAuth")
        .contains("ChatGPT connector")
        .contains("'Authorization: Bearer <token>'")
        .contains("curl -s " + METADATA + "\n")
        .contains("Stop with Ctrl+C.")
        .doesNotContain("npx")
        .doesNotContain("curl -si")
        .doesNotContain(Banner.TOKEN);
  }

  @Test
  void demoAndLoopbackModesKeepTheReadyMadeCommands() {
    String demo = banner(new SecurityWiring.Auth(List.of(), "eyJ.token.sig", METADATA));
    assertThat(demo)
        .contains(Banner.TOKEN + "eyJ.token.sig")
        .contains(Banner.INSPECTOR)
        .contains("Authorization: Bearer eyJ.token.sig")
        .doesNotContain("Connect a client that signs in");
    String open = banner(new SecurityWiring.Auth(List.of(), null, null));
    assertThat(open).contains(Banner.INSPECTOR).contains("curl -si " + URL);
  }
}
