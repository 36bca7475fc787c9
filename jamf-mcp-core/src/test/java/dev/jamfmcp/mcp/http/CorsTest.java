package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {
  private static final String APP = "https://app.example.com";
  private final Cors cors = new Cors(APP::equals);

  @Test
  void anAllowedOriginMayReadTheSessionIdAndChallenges() {
    assertThat(cors.grants(APP))
        .containsExactly(
            Map.entry("Access-Control-Allow-Origin", APP),
            Map.entry("Access-Control-Expose-Headers", "Mcp-Session-Id, WWW-Authenticate"),
            Map.entry("Vary", "Origin"));
  }

  @Test
  void anotherOriginOrNoneGetsNoGrants() {
    assertThat(cors.grants("https://evil.example")).isEmpty();
    assertThat(cors.grants(null)).isEmpty();
  }

  @Test
  void aPreflightFromAnAllowedOriginGetsTheMethodsAndTheMcpHeaders() {
    HttpReply reply = cors.preflight(APP, "GET, POST, DELETE");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.headers())
        .containsEntry("Access-Control-Allow-Origin", APP)
        .containsEntry("Access-Control-Expose-Headers", "Mcp-Session-Id, WWW-Authenticate")
        .containsEntry("Vary", "Origin")
        .containsEntry("Access-Control-Allow-Methods", "GET, POST, DELETE")
        .containsEntry("Access-Control-Max-Age", "600");
    assertThat(reply.headers().get("Access-Control-Allow-Headers").split(", "))
        .contains(
            "Content-Type",
            "Accept",
            "Authorization",
            "Mcp-Session-Id",
            "MCP-Protocol-Version",
            "Mcp-Method",
            "Mcp-Name",
            "Last-Event-ID");
  }

  @Test
  void aPreflightFromAnotherOriginOrNoneIsForbiddenWithoutGrants() {
    for (String origin : new String[] {"https://evil.example", null}) {
      HttpReply reply = cors.preflight(origin, "POST");

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.headers()).isEmpty();
    }
  }

  @Test
  void theRuleIsAskedEveryTime() {
    boolean[] open = {false};
    Cors switching = new Cors(origin -> open[0]);
    assertThat(switching.preflight(APP, "GET").status()).isEqualTo(403);

    open[0] = true;

    assertThat(switching.preflight(APP, "GET").status()).isEqualTo(204);
    assertThat(switching.grants(APP)).containsKey("Access-Control-Allow-Origin");
  }

  @Test
  void aRuleIsRequired() {
    assertThatNullPointerException().isThrownBy(() -> new Cors(null));
  }
}
