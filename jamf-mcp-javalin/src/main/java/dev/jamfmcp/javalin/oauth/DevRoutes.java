package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.internal.LocalOrigins;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Development mode's routes: the public keys and {@code POST /dev/token} to mint a token; with
 * {@link OAuthConfig#devFront()} also a development sign-in that plays the provider behind the
 * front: {@code GET /dev/authorize} signs in the subject {@code demo} at once and sends a
 * single-use code to the front's callback, and {@code POST /dev/oauth/token} exchanges it (PKCE
 * checked) for a development token. Loopback only, like the rest of development mode.
 */
final class DevRoutes {
  static final String JWKS = "/dev/jwks.json";
  static final String MINT = "/dev/token";
  static final String AUTHORIZE = "/dev/authorize";
  static final String TOKEN = "/dev/oauth/token";
  static final String CLIENT_ID = "jamf-mcp-dev-front";
  static final String SUBJECT = "demo";
  static final long MAX_TTL_SECONDS = 86_400;
  private static final Duration CODE_TTL = Duration.ofMinutes(1);
  private static final Duration TOKEN_TTL = Duration.ofHours(1);
  private static final int MAX_PENDING = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Pending(String challenge, Set<String> scopes, Instant expires) {}

  private final DevTokens dev;
  private final String callback;
  private final List<String> supportedScopes;
  private final Map<String, Pending> codes = new ConcurrentHashMap<>();

  DevRoutes(DevTokens dev, String callback, List<String> supportedScopes) {
    this.dev = dev;
    this.callback = callback;
    this.supportedScopes = supportedScopes;
  }

  /** The development sign-in: only the front's own callback, with PKCE, gets a code. */
  void authorize(Context ctx) {
    String challenge = ctx.queryParam("code_challenge");
    if (!CLIENT_ID.equals(ctx.queryParam("client_id"))
        || !callback.equals(ctx.queryParam("redirect_uri"))
        || challenge == null
        || !"S256".equals(ctx.queryParam("code_challenge_method"))) {
      OAuthFront.error(ctx, 400, "invalid_request", "Only the OAuth front signs in here");
      return;
    }
    Instant now = Instant.now();
    codes.values().removeIf(p -> p.expires().isBefore(now));
    if (codes.size() >= MAX_PENDING) {
      OAuthFront.error(ctx, 503, "temporarily_unavailable", "Too many sign-ins in flight");
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : Consent.scopeSet(ctx.queryParam("scope"))) {
      if (supportedScopes.contains(scope)) {
        scopes.add(scope);
      }
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    codes.put(code, new Pending(challenge, scopes, now.plus(CODE_TTL)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    String state = ctx.queryParam("state");
    if (state != null) {
      params.put("state", state);
    }
    ctx.header("Cache-Control", "no-store")
        .redirect(callback + "?" + OAuthFront.form(params), HttpStatus.FOUND);
  }

  /** The code exchange the front makes: single use, one minute, PKCE S256. */
  void token(Context ctx) {
    String code = ctx.formParam("code");
    Pending pending = code == null ? null : codes.remove(code);
    String verifier = ctx.formParam("code_verifier");
    if (!"authorization_code".equals(ctx.formParam("grant_type"))
        || pending == null
        || pending.expires().isBefore(Instant.now())
        || verifier == null
        || !MessageDigest.isEqual(
            s256(verifier).getBytes(StandardCharsets.US_ASCII),
            pending.challenge().getBytes(StandardCharsets.US_ASCII))) {
      OAuthFront.error(
          ctx, 400, "invalid_grant", "The code is unknown, used, expired or not yours");
      return;
    }
    String token = dev.mint(SUBJECT, pending.scopes(), TOKEN_TTL);
    ctx.contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(
            Json.object()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", TOKEN_TTL.toSeconds())
                .put("scope", String.join(" ", pending.scopes()))
                .toString());
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Form or query parameters: {@code sub} (default dev), {@code scope}, {@code ttl} seconds. */
  void mint(Context ctx) {
    // The MCP routes' DNS-rebinding and cross-origin rules: a page elsewhere mints nothing here.
    String origin = ctx.header("Origin");
    if (!LocalOrigins.isLocalHost(ctx.header("Host"))
        || (origin != null && !LocalOrigins.isLocalOrigin(origin))) {
      OAuthFront.error(
          ctx, 403, "access_denied", "Development tokens are for clients on this machine");
      return;
    }
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
