package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.auth.Token;
import dev.jamfmcp.simulator.auth.TokenStore;
import dev.jamfmcp.simulator.http.ApiErrors;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Token endpoints: OAuth client credentials ({@code /api/oauth/token}, the path Jamf documents, and
 * {@code /api/v1/oauth/token}, the one in the schema), user tokens over HTTP Basic, keep-alive and
 * invalidation.
 */
final class AuthRoutes {
  private final SimulatorConfig config;
  private final TokenStore tokens;

  AuthRoutes(SimState state) {
    this.config = state.config();
    this.tokens = state.tokens();
  }

  void register(Router router) {
    router.post("/api/oauth/token", Area.TOKEN, this::clientCredentials);
    router.post("/api/v1/oauth/token", Area.TOKEN, this::clientCredentials);
    router.post("/api/v1/auth/token", Area.TOKEN, this::userToken);
    router.post("/api/v1/auth/keep-alive", Area.PRO, this::keepAlive);
    router.post("/api/v1/auth/invalidate-token", Area.PRO, this::invalidate);
  }

  /** RFC 6749 section 4.4; errors use the RFC's shape, not Jamf's. */
  private void clientCredentials(Exchange ex) throws Exception {
    Map<String, String> form = ex.form();
    String[] basic = basicCredentials(ex.header("Authorization"));
    String clientId = basic != null ? basic[0] : form.get("client_id");
    String clientSecret = basic != null ? basic[1] : form.get("client_secret");
    if (!"client_credentials".equals(form.get("grant_type"))) {
      oauthError(ex, 400, "unsupported_grant_type", "grant_type must be client_credentials");
      return;
    }
    if (clientId == null || clientSecret == null) {
      oauthError(ex, 400, "invalid_request", "client_id and client_secret are required");
      return;
    }
    if (tokens.credentialsRefused()
        || !same(clientId, config.clientId())
        || !same(clientSecret, config.clientSecret())) {
      oauthError(ex, 401, "invalid_client", "Client authentication failed");
      return;
    }
    Token token = tokens.issueClientToken(clientId);
    ex.header("Cache-Control", "no-store");
    ex.classicJson(
        200,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("access_token", token.value());
          json.writeStringProperty("scope", "api-role:1");
          json.writeStringProperty("token_type", "Bearer");
          json.writeNumberProperty("expires_in", tokens.clientLifetime().toSeconds());
          json.writeEndObject();
        });
  }

  private static void oauthError(Exchange ex, int status, String error, String description)
      throws Exception {
    ex.classicJson(
        status,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("error", error);
          json.writeStringProperty("error_description", description);
          json.writeEndObject();
        });
  }

  private void userToken(Exchange ex) throws Exception {
    String[] basic = basicCredentials(ex.header("Authorization"));
    if (tokens.credentialsRefused()
        || basic == null
        || !same(basic[0], config.username())
        || !same(basic[1], config.password())) {
      ApiErrors.bare(ex, 401);
      return;
    }
    writeUserToken(ex, tokens.issueUserToken(basic[0]));
  }

  /** Swaps a user token for a fresh one; API-client tokens cannot be kept alive. */
  private void keepAlive(Exchange ex) throws Exception {
    Token current = ex.token();
    if (current.kind() != Token.Kind.USER) {
      ApiErrors.bare(ex, 401);
      return;
    }
    tokens.invalidate(current);
    writeUserToken(ex, tokens.issueUserToken(current.subject()));
  }

  private void invalidate(Exchange ex) throws Exception {
    tokens.invalidate(ex.token());
    ex.empty(204);
  }

  private static void writeUserToken(Exchange ex, Token token) throws Exception {
    ex.json(
        200,
        json -> {
          json.writeStartObject();
          json.writeStringProperty("token", token.value());
          json.writeStringProperty("expires", token.expiresAt().toString());
          json.writeEndObject();
        });
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Constant-time comparison, as a credential check should be even in a simulator. */
  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
