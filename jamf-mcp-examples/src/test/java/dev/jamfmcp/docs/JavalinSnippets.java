package dev.jamfmcp.docs;

import dev.jamfmcp.javalin.McpPlugin;
import dev.jamfmcp.javalin.auth.TokenPlacementGuard;
import dev.jamfmcp.javalin.oauth.DevTokens;
import dev.jamfmcp.javalin.oauth.OAuthPlugin;
import dev.jamfmcp.javalin.ratelimit.RateLimitPlugin;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

/**
 * The Javalin snippets of README.md and docs/AUTH.md, compiled: each sits between snippet markers
 * in a method whose parameters are the names the snippet takes from its surroundings. {@link
 * DocSnippetsTest} checks that the docs show the same text.
 */
@SuppressWarnings("unused")
final class JavalinSnippets {
  private JavalinSnippets() {}

  static void readmeJavalin(McpServer server, PrincipalResolver jwt, byte[] key) {
    // snippet:begin readme-javalin-plugin
    Javalin.create(
            config ->
                config.registerPlugin(
                    new McpPlugin(
                        mcp ->
                            mcp.server(server)
                                .principalResolver(jwt) // or bind to 127.0.0.1 without one
                                .transport(t -> t.sessionKey(key)))))
        .start("0.0.0.0", 8080);
    // snippet:end
  }

  static void authWiring(
      McpServer server,
      String clientId,
      String clientSecret,
      byte[] sharedKey32Bytes,
      byte[] sessionKey) {
    // snippet:begin auth-wiring
    String resource = "https://mcp.example.com/mcp";
    String metadataUrl =
        OAuthPlugin.resourceMetadataUrl(resource); // .../.well-known/oauth-protected-resource/mcp
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c ->
                c.issuer("https://tenant.auth0.com/")
                    .audience(resource)
                    .resourceMetadataUrl(metadataUrl));
    RateLimitPlugin limits = new RateLimitPlugin(r -> r.perIp(10, 100).perPrincipal(5, 50));
    Javalin.create(
            config -> {
              config.registerPlugin(limits); // before the others: per-IP limits run first
              config.registerPlugin(
                  new OAuthPlugin(
                      o ->
                          o.resource(resource)
                              .front(
                                  f ->
                                      f.providerAuthorizeUrl("https://tenant.auth0.com/authorize")
                                          .providerTokenUrl("https://tenant.auth0.com/oauth/token")
                                          .clientId(clientId)
                                          .clientSecret(clientSecret)
                                          .audience(resource)
                                          .stateKey(
                                              sharedKey32Bytes)))); // same key on every instance
              config.registerPlugin(
                  new McpPlugin(
                      mcp ->
                          mcp.server(server)
                              .principalResolver(limits.perPrincipal(jwt))
                              .transport(
                                  t -> t.sessionKey(sessionKey).resourceMetadataUrl(metadataUrl))));
            })
        .start("0.0.0.0", 8080);
    // snippet:end
  }

  static void authDevMode(JavalinConfig config) {
    // snippet:begin auth-dev-mode
    String base = "http://127.0.0.1:8080";
    DevTokens dev = DevTokens.generate(base, base + "/mcp");
    JwtAuthenticator jwt =
        dev.authenticator(
            c -> c.resourceMetadataUrl(OAuthPlugin.resourceMetadataUrl(base + "/mcp")));
    config.registerPlugin(new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev)));
    // mint: curl -d 'sub=me&scope=read:jamf write:jamf&ttl=3600' http://127.0.0.1:8080/dev/token
    // or in code: dev.mint("me", Set.of("read:jamf"), Duration.ofHours(1))
    // snippet:end
  }

  static void authGuardedPaths(
      JavalinConfig config,
      McpServer server,
      String resource,
      JwtAuthenticator jwt,
      String metadataUrl) {
    // snippet:begin auth-guarded-paths
    RateLimitPlugin limits =
        new RateLimitPlugin(r -> r.perIp(10, 100).perPrincipal(5, 50).paths("/auth/*", "/dev/*"));
    config.registerPlugin(limits);
    config.registerPlugin(new OAuthPlugin(o -> o.resource(resource).guardedPaths() /* ... */));
    config.registerPlugin(
        new McpPlugin(
            mcp ->
                mcp.server(server)
                    .principalResolver(limits.perPrincipal(jwt))
                    .filter(
                        limits.perIp(
                            request -> request.remoteAddress())) // one bucket per IP with /auth/*
                    .filter(new TokenPlacementGuard(new BearerErrors(metadataUrl, "read:jamf")))));
    // snippet:end
  }
}
