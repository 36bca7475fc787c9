package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The refusals of bearer authentication, as every HTTP face sends them. */
class BearerErrorsTest {
  private final BearerErrors errors =
      new BearerErrors(
          "https://mcp.example.com/.well-known/oauth-protected-resource/mcp", "read:jamf");

  @Test
  void aMissingTokenGets401WithTheMetadataAndScopeButNoErrorCode() {
    Rejection missing = errors.missing();
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.headers().get("WWW-Authenticate"))
        .isEqualTo(
            "Bearer resource_metadata=\"https://mcp.example.com/.well-known/"
                + "oauth-protected-resource/mcp\", scope=\"read:jamf\"");
    assertThat(Json.mapper().readTree(missing.jsonBody()).path("error").asString())
        .isEqualTo("Missing token");
  }

  @Test
  void invalidExpiredAndMisplacedTokensNameTheirError() {
    assertThat(errors.invalid().headers().get("WWW-Authenticate"))
        .startsWith("Bearer error=\"invalid_token\", error_description=\"The access token is");
    assertThat(errors.expired().headers().get("WWW-Authenticate")).contains("expired");
    Rejection misplaced = errors.misplaced();
    assertThat(misplaced.status()).isEqualTo(400);
    assertThat(misplaced.headers().get("WWW-Authenticate")).contains("invalid_request");
  }

  @Test
  void anUnreachableProviderIs503WithRetryAfterAndTheReplyCarriesJson() {
    Rejection unavailable = errors.unavailable();
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.headers()).containsEntry("Retry-After", "30");
    HttpReply reply = unavailable.reply();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers()).containsEntry("Content-Type", "application/json");
    assertThat(new String(reply.body(), StandardCharsets.UTF_8))
        .contains("Authorization unavailable");
  }

  @Test
  void quotesInTheChallengeAreEscapedAndNullPartsLeftOut() {
    BearerErrors bare = new BearerErrors(null, null);
    assertThat(bare.challenge(null, null)).isEqualTo("Bearer");
    assertThat(new BearerErrors("https://x/\"m\"", " ").challenge("invalid_token", null))
        .isEqualTo("Bearer error=\"invalid_token\", resource_metadata=\"https://x/\\\"m\\\"\"");
  }
}
