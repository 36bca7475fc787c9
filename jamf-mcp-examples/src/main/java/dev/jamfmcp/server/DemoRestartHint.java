package dev.jamfmcp.server;

import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The demo's authenticator, with a 401 that explains itself after a restart. The demo makes a new
 * signing key at every start, so a client still holding the token of an earlier run is refused;
 * "Please re-authenticate" alone does not tell the person why, nor where a new token comes from.
 * Only the refusal's wording changes: the token has been checked and refused exactly as before, and
 * its unverified header is read only to choose the words (a key id of the demo's form that is not
 * this run's).
 */
final class DemoRestartHint implements PrincipalResolver {
  /** Longest JOSE header read for the hint; a real one is under 200 characters. */
  private static final int MAX_HEADER_CHARS = 2048;

  private final PrincipalResolver tokens;
  private final String currentKeyId;
  private final Rejection restarted;

  DemoRestartHint(PrincipalResolver tokens, DevTokens dev, String metadataUrl, String base) {
    this.tokens = tokens;
    this.currentKeyId = dev.publicKeys().getKeys().get(0).getKeyID();
    BearerErrors errors = new BearerErrors(metadataUrl, "read:jamf");
    String body =
        Json.object()
            .put("error", "Invalid token")
            .put(
                "message",
                "This token is from an earlier run of the demo: the demo makes a new signing key"
                    + " each time it starts, so tokens from before a restart are refused. Get a"
                    + " new one: copy the 'Bearer token:' line the demo printed at start, or run"
                    + " curl -d 'scope=read:jamf' "
                    + base
                    + "/dev/token")
            .toString();
    this.restarted =
        new Rejection(
            401,
            Map.of(
                "WWW-Authenticate",
                errors.challenge(
                    "invalid_token",
                    "Signed by an earlier run of the demo: its signing key changed at restart")),
            body);
  }

  @Override
  public Principal resolve(Map<String, String> headers) throws Rejection {
    try {
      return tokens.resolve(headers);
    } catch (Rejection refused) {
      if (refused.status() == 401 && fromEarlierRun(headers.get("Authorization"))) {
        throw restarted;
      }
      throw refused;
    }
  }

  /** A bearer JWT whose key id has the demo's form ({@code dev-...}) but is not this run's. */
  boolean fromEarlierRun(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String token = authorization.substring(7).trim();
    int dot = token.indexOf('.');
    if (dot <= 0 || dot > MAX_HEADER_CHARS) {
      return false;
    }
    try {
      byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
      JsonNode jose = Json.mapper().readTree(new String(header, StandardCharsets.UTF_8));
      String kid = jose.path("kid").asString("");
      return kid.startsWith("dev-") && !kid.equals(currentKeyId);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }
}
