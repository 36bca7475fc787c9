package dev.jamfmcp.server;

import dev.jamfmcp.javalin.McpPluginConfig;
import dev.jamfmcp.tools.JamfScopes;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where authentication, the OAuth front, rate limits, development tokens and metrics
 * meet the server. Those components live in {@code dev.jamfmcp.javalin.auth}, {@code .oauth},
 * {@code .ratelimit} and the metrics package; this build has none of them, so a setting that needs
 * one stops start-up with "not available in this build" instead of silently doing nothing.
 * Connecting a component means changing only this file:
 *
 * <ul>
 *   <li>JWT: {@code mcp.principalResolver(resolver from issuer, jwksUrl, audience, requiredScopes)}
 *       and RFC 9728 metadata at {@code publicUrl}
 *   <li>OAuth front: routes on {@code javalin} from oauthClientId/Secret and redirectUris
 *   <li>rate limits: a before-handler on {@code javalin} keyed by principal, rateLimitPerMinute
 *   <li>metrics: a registry and {@code /metrics}
 *   <li>demo: a development issuer on 127.0.0.1 and a ready-made bearer token
 * </ul>
 */
final class SecurityWiring {
  private SecurityWiring() {}

  /** What the operator is told about authentication, and the demo's token if there is one. */
  record Auth(List<String> lines, String bearerToken) {}

  /** Fails start-up when a setting asks for a component this build does not have. */
  static void checkAvailable(ServerConfig config) {
    ServerConfig.Security s = config.security();
    if (s.jwt()) {
      throw notAvailable(Setting.MCP_OAUTH_ISSUER, "JWT authentication and the OAuth front");
    }
    if (s.rateLimitPerMinute() > 0) {
      throw notAvailable(Setting.MCP_RATE_LIMIT, "rate limiting");
    }
    if (s.metrics()) {
      throw notAvailable(Setting.MCP_METRICS, "metrics");
    }
  }

  private static ConfigException notAvailable(Setting setting, String what) {
    return ConfigException.of(
        setting,
        what + " is not available in this build",
        "unset " + setting.env() + " (or use a build that includes it)");
  }

  /** Production HTTP: who may call. */
  static Auth configure(ServerConfig config, McpPluginConfig mcp, JavalinConfig javalin) {
    checkAvailable(config);
    mcp.localScopes(localScopes(config));
    List<String> lines = new ArrayList<>();
    if (config.security().authDisabled()) {
      mcp.authDisabled(true);
      lines.add(
          "Authentication: OFF (MCP_AUTH_DISABLED): every caller gets "
              + String.join(" ", localScopes(config))
              + "; only behind a gateway that authenticates");
    } else {
      lines.add(
          "Authentication: off on loopback "
              + config.http().bind()
              + ": the local caller"
              + " gets "
              + String.join(" ", localScopes(config)));
    }
    return new Auth(lines, null);
  }

  /**
   * The demo's development auth. Until the dev-mode JWT component lands: the plugin's anonymous
   * loopback caller with read and write scopes, and no token. With it: a development issuer, a
   * resolver, and a printed bearer token (the demo test sends it when one is printed).
   */
  static Auth development(ServerConfig config, McpPluginConfig mcp, JavalinConfig javalin) {
    checkAvailable(config);
    mcp.localScopes(JamfScopes.READ, JamfScopes.WRITE);
    return new Auth(
        List.of(
            "Authentication: off on loopback (development): the local caller"
                + " gets read:jamf write:jamf; no token needed"),
        null);
  }

  private static String[] localScopes(ServerConfig config) {
    return config.tools().readOnly()
        ? new String[] {JamfScopes.READ}
        : new String[] {JamfScopes.READ, JamfScopes.WRITE};
  }
}
