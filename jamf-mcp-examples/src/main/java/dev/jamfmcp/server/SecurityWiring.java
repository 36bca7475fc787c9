package dev.jamfmcp.server;

import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.javalin.auth.TokenPlacementGuard;
import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.javalin.ratelimit.RateLimitPlugin;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.tools.JamfScopes;
import io.javalin.config.JavalinConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place where authentication, the OAuth front, rate limits, development tokens and metrics
 * meet the server:
 *
 * <ul>
 *   <li>JWT ({@code MCP_OAUTH_ISSUER}): a {@link JwtAuthenticator} for the resource {@code
 *       MCP_PUBLIC_URL + /mcp}, the required scopes checked on every request, and RFC 9728 metadata
 *       ({@link OAuthPlugin}) whose URL 401 and 403 challenges name
 *   <li>OAuth front ({@code MCP_OAUTH_CLIENT_ID}): the plugin's front towards the provider, its
 *       state signed with a key derived from {@code MCP_SESSION_KEY}
 *   <li>rate limits ({@code MCP_RATE_LIMIT}): {@link RateLimitPlugin} per IP before authentication
 *       and per token subject after it
 *   <li>demo: development tokens on the loopback address and a ready-made bearer token
 *   <li>metrics: {@code /metrics} (Prometheus) when {@code MCP_METRICS} is on
 * </ul>
 */
final class SecurityWiring {
  /** Where the plugin serves Streamable HTTP (its default). */
  static final String MCP_PATH = "/mcp";

  /** How long the demo's printed token lasts. */
  static final Duration DEMO_TOKEN_TTL = Duration.ofHours(12);

  /** With authentication, each client IP may send this many times the per-caller figure. */
  static final int IP_FACTOR = 5;

  private SecurityWiring() {}

  /**
   * What the operator is told about authentication, the demo's token if there is one, and the RFC
   * 9728 metadata URL for the transport's challenges (null without authentication).
   */
  record Auth(List<String> lines, String bearerToken, String resourceMetadataUrl) {
    /** Every call needs a token from an identity provider, and none is printed (OAuth mode). */
    boolean signInNeeded() {
      return resourceMetadataUrl != null && bearerToken == null;
    }
  }

  /**
   * Prometheus metrics at {@code /metrics} when MCP_METRICS is on; off by default, because the
   * route is not behind authentication (scrape it on a private network or through the gateway).
   */
  static void metrics(ServerConfig config, McpPluginConfig mcp) {
    mcp.metrics(config.security().metrics() ? "/metrics" : null, null);
  }

  /** Production HTTP: who may call. */
  static Auth configure(
      ServerConfig config, McpPluginConfig mcp, JavalinConfig javalin, ClusterWiring cluster) {
    metrics(config, mcp);
    ServerConfig.Security s = config.security();
    List<String> lines = new ArrayList<>();
    RateLimitPlugin limits = rateLimits(config, s.jwt(), lines, mcp, cluster);
    if (limits != null) {
      javalin.registerPlugin(limits); // the OAuth routes' per-IP limit
    }
    if (!s.jwt()) {
      mcp.localScopes(localScopes(config));
      if (s.authDisabled()) {
        mcp.authDisabled(true);
        lines.add(
            0,
            "Authentication: OFF (MCP_AUTH_DISABLED): every caller gets "
                + String.join(" ", localScopes(config))
                + "; only behind a gateway that authenticates");
      } else {
        lines.add(
            0,
            "Authentication: off on loopback "
                + config.http().bind()
                + ": the local"
                + " caller gets "
                + String.join(" ", localScopes(config)));
      }
      return new Auth(lines, null, null);
    }
    String resource = config.http().publicUrl() + MCP_PATH;
    String metadata = OAuthPlugin.resourceMetadataUrl(resource);
    String issuer = s.oauthIssuer().toString();
    String audience = s.audience() != null ? s.audience() : resource;
    String scopes = String.join(" ", s.requiredScopes());
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c -> {
              c.issuer(issuer)
                  .audience(audience)
                  .resourceMetadataUrl(metadata)
                  .challengeScope(scopes)
                  .maxLifetime(s.maxTokenLifetime());
              if (s.tokenType() != null) {
                c.tokenType(s.tokenType());
              }
              if (s.jwksUrl() != null) {
                c.jwksUri(s.jwksUrl().toString());
              }
            });
    PrincipalResolver resolver = limits == null ? jwt : limits.perPrincipal(jwt);
    mcp.principalResolver(requireScopes(resolver, s.requiredScopes(), metadata));
    mcp.filter(tokenPlacement(metadata));
    javalin.registerPlugin(
        new OAuthPlugin(
            o -> {
              o.resource(resource).guardedPaths();
              if (s.front()) {
                o.front(
                    f -> {
                      f.providerAuthorizeUrl(s.authorizeUrl().toString())
                          .providerTokenUrl(s.tokenUrl().toString())
                          .clientId(s.oauthClientId())
                          .clientSecret(s.oauthClientSecret())
                          .audience(audience)
                          .redirectUris(s.redirectUris().toArray(String[]::new));
                      if (config.http().sessionKey() != null) {
                        f.stateKey(stateKey(config.http().sessionKey()));
                      }
                      ServerConfig.FrontLimits bounds = config.limits().front();
                      f.maxRegistrationBytes(bounds.maxRegistrationBytes())
                          .registrationsPerHour(bounds.registrationsPerHour())
                          .unusedRegistrationTtl(bounds.unusedRegistrationTtl())
                          .refreshTokenTtl(bounds.refreshTokenTtl());
                      if (cluster != null) {
                        // used refresh tokens, states and codes: shared by every instance with
                        // Redis, so a replay on another instance is refused too
                        f.ledger(cluster.consumedTokens());
                      }
                    });
              } else {
                o.authorizationServer(issuer);
              }
            }));
    lines.add(
        0,
        "Authentication: OAuth bearer tokens from "
            + issuer
            + " for "
            + audience
            + ", scopes required: "
            + scopes
            + "; metadata at "
            + metadata);
    if (s.front()) {
      lines.add(
          1,
          "OAuth front: "
              + config.http().publicUrl()
              + "/auth/authorize -> "
              + s.authorizeUrl()
              + "; provider callback "
              + config.http().publicUrl()
              + "/auth/callback; redirect URIs "
              + String.join(" ", new TreeSet<>(s.redirectUris()))
              + (config.http().sessionKey() != null
                  ? ""
                  : "; state key random (MCP_SESSION_KEY unset): run only one instance"));
    }
    return new Auth(lines, null, metadata);
  }

  /**
   * The demo's development auth on {@code base} (the loopback origin, e.g. {@code
   * http://127.0.0.1:8080}): a key made at start for that issuer and {@code base + /mcp}, the
   * plugin's dev mode (its JWKS and mint route; it refuses non-loopback binds) and a printed token
   * with the local caller's scopes.
   */
  static Auth development(
      ServerConfig config,
      McpPluginConfig mcp,
      JavalinConfig javalin,
      String base,
      DevTokens dev,
      ClusterWiring cluster) {
    metrics(config, mcp);
    List<String> lines = new ArrayList<>();
    RateLimitPlugin limits = rateLimits(config, true, lines, mcp, cluster);
    if (limits != null) {
      javalin.registerPlugin(limits);
    }
    String resource = base + MCP_PATH;
    String metadata = OAuthPlugin.resourceMetadataUrl(resource);
    PrincipalResolver jwt =
        new DemoRestartHint(
            dev.authenticator(c -> c.resourceMetadataUrl(metadata)), dev, metadata, base);
    mcp.principalResolver(limits == null ? jwt : limits.perPrincipal(jwt));
    mcp.filter(tokenPlacement(metadata));
    // The OAuth front with a development sign-in: a client sees the consent page end to end.
    javalin.registerPlugin(
        new OAuthPlugin(o -> o.resource(resource).devMode(dev).devFront().guardedPaths()));
    String[] scopes = localScopes(config);
    String token = dev.mint("demo", Set.of(scopes), DEMO_TOKEN_TTL);
    lines.add(
        0,
        "Authentication: development tokens (a key made at start, issuer "
            + base
            + "); the token below has "
            + String.join(" ", scopes)
            + " for "
            + DEMO_TOKEN_TTL.toHours()
            + " h; more: curl -d 'scope=read:jamf' "
            + base
            + "/dev/token");
    return new Auth(lines, token, metadata);
  }

  /**
   * Per IP before authentication and, with authentication, per token subject after it. Without
   * authentication the IP is the caller, so it gets the figure itself.
   */
  // The MCP routes get their checks as plugin filters rather than Javalin before-handlers, so
  // that the plugin can serve them straight from Jetty (McpPluginConfig.directJetty).
  private static TokenPlacementGuard tokenPlacement(String metadata) {
    return new TokenPlacementGuard(new BearerErrors(metadata, "read:jamf"));
  }

  private static RateLimitPlugin rateLimits(
      ServerConfig config,
      boolean authenticated,
      List<String> lines,
      McpPluginConfig mcp,
      ClusterWiring cluster) {
    ServerConfig.Security s = config.security();
    int perMinute = s.rateLimitPerMinute();
    if (perMinute == 0) {
      return null;
    }
    int anonymous = config.limits().anonymousPerMinute();
    int ipPerMinute = anonymous > 0 ? anonymous : authenticated ? perMinute * IP_FACTOR : perMinute;
    String header = s.trustedProxyHeader();
    lines.add(
        "Rate limits: "
            + (authenticated ? perMinute + "/min per token subject, " : "")
            + ipPerMinute
            + "/min per client IP without a valid token ("
            + (header == null ? "TCP peer" : "last " + header)
            + "), bursts of the same size");
    RateLimitPlugin limits =
        new RateLimitPlugin(
            r -> {
              r.perIp(ipPerMinute / 60.0, ipPerMinute)
                  .perPrincipal(perMinute / 60.0, perMinute)
                  .paths("/auth/*", "/dev/*");
              cluster.principalBuckets(r, perMinute / 60.0, perMinute);
              if (header != null) {
                r.clientIp(ctx -> clientIp(ctx.header(header), ctx.req().getRemoteAddr()));
              }
            });
    // One bucket per IP across the MCP routes and the OAuth ones.
    mcp.filter(
        limits.perIp(
            request ->
                clientIp(
                    header == null ? null : request.header(header).orElse(null),
                    request.remoteAddress())));
    return limits;
  }

  /**
   * The last entry of the proxy's header {@code forwarded} (the address the nearest proxy saw),
   * else the TCP {@code peer}.
   */
  static String clientIp(String forwarded, String peer) {
    if (forwarded != null) {
      String[] entries = forwarded.split(",");
      for (int i = entries.length - 1; i >= 0; i--) {
        if (!entries[i].isBlank()) {
          return entries[i].trim();
        }
      }
    }
    return peer;
  }

  /** Refuses, with 403 {@code insufficient_scope}, tokens without every required scope. */
  static PrincipalResolver requireScopes(
      PrincipalResolver resolver, Set<String> required, String metadataUrl) {
    String scopes = String.join(" ", required);
    String challenge =
        new BearerErrors(metadataUrl, scopes)
            .challenge("insufficient_scope", "The access token lacks a required scope");
    String body =
        Json.object()
            .put("error", "Insufficient scope")
            .put("message", "This server needs a token with the scopes " + scopes)
            .toString();
    return headers -> {
      Principal principal = resolver.resolve(headers);
      if (!principal.hasAllScopes(required)) {
        throw new PrincipalResolver.Rejection(403, Map.of("WWW-Authenticate", challenge), body);
      }
      return principal;
    };
  }

  /** The OAuth front's state key: HMAC-SHA256 of a fixed label under the session key. */
  static byte[] stateKey(byte[] sessionKey) {
    return derivedKey(sessionKey, "jamf-mcp oauth front state");
  }

  /** A key for one use: HMAC-SHA256 of {@code label} under the session key. */
  static byte[] derivedKey(byte[] sessionKey, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String[] localScopes(ServerConfig config) {
    return config.tools().readOnly()
        ? new String[] {JamfScopes.READ}
        : new String[] {JamfScopes.READ, JamfScopes.WRITE};
  }
}
