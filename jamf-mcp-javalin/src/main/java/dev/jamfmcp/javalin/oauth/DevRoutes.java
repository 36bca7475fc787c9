package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Development mode's routes: the public keys and {@code POST /dev/token} to mint a token. */
final class DevRoutes {
  static final String JWKS = "/dev/jwks.json";
  static final String MINT = "/dev/token";
  static final long MAX_TTL_SECONDS = 86_400;
  private final DevTokens dev;

  DevRoutes(DevTokens dev) {
    this.dev = dev;
  }

  /** Form or query parameters: {@code sub} (default dev), {@code scope}, {@code ttl} seconds. */
  void mint(Context ctx) {
    String subject = param(ctx, "sub", "dev");
    Set<String> scopes =
        new LinkedHashSet<>(List.of(param(ctx, "scope", "read:jamf").trim().split("\\s+")));
    long ttl;
    try {
      ttl = Math.min(MAX_TTL_SECONDS, Math.max(1, Long.parseLong(param(ctx, "ttl", "3600"))));
    } catch (NumberFormatException e) {
      OAuthFront.error(ctx, 400, "invalid_request", "ttl must be a number of seconds");
      return;
    }
    String token = dev.mint(subject, scopes, Duration.ofSeconds(ttl));
    ctx.contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(
            Json.object()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", ttl)
                .put("scope", String.join(" ", scopes))
                .toString());
  }

  private static String param(Context ctx, String name, String fallback) {
    String value = ctx.formParam(name);
    if (value == null) {
      value = ctx.queryParam(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
