package dev.jamfmcp.javalin.oauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of {@link OAuthPlugin}. Required: {@link #resource}, and either {@link
 * #authorizationServer}, {@link #front} or {@link #devMode}.
 */
public final class OAuthConfig {
  String resource;
  List<String> authorizationServers = new ArrayList<>();
  List<String> scopes =
      List.of("read:jamf", "write:jamf", "openid", "profile", "email", "offline_access");
  String resourceName = "Jamf Pro MCP server";
  String resourceDocumentation;
  List<String> guardedPaths = List.of("/mcp", "/sse", "/messages");
  OAuthFrontConfig front;
  DevTokens dev;
  boolean devFront;

  /**
   * The public URL clients use for MCP, exactly (e.g. {@code https://mcp.example.com/mcp}); the
   * {@code resource} of the RFC 9728 metadata and the audience tokens must carry.
   */
  public OAuthConfig resource(String url) {
    this.resource = Objects.requireNonNull(url);
    URI.create(url);
    return this;
  }

  /** An authorization server clients should use (the provider's issuer), when there is no front. */
  public OAuthConfig authorizationServer(String issuer) {
    this.authorizationServers.add(Objects.requireNonNull(issuer));
    return this;
  }

  /**
   * {@code scopes_supported} (default read:jamf, write:jamf, openid, profile, email,
   * offline_access).
   */
  public OAuthConfig scopes(String... scopes) {
    this.scopes = List.of(scopes);
    return this;
  }

  /** {@code resource_name} of the metadata (default "Jamf Pro MCP server"). */
  public OAuthConfig resourceName(String name) {
    this.resourceName = Objects.requireNonNull(name);
    return this;
  }

  /** {@code resource_documentation} of the metadata (default none). */
  public OAuthConfig resourceDocumentation(String url) {
    this.resourceDocumentation = url;
    return this;
  }

  /** Paths where tokens in the URL or a cookie are refused (default /mcp, /sse, /messages). */
  public OAuthConfig guardedPaths(String... paths) {
    this.guardedPaths = List.of(paths);
    return this;
  }

  /** Serve the OAuth front for the provider: authorize, callback, token and register routes. */
  public OAuthConfig front(Consumer<OAuthFrontConfig> settings) {
    OAuthFrontConfig config = new OAuthFrontConfig();
    settings.accept(config);
    this.front = config;
    return this;
  }

  /** Development mode: serve these keys and a mint route; refuses non-loopback binds. */
  public OAuthConfig devMode(DevTokens tokens) {
    this.dev = Objects.requireNonNull(tokens);
    return this;
  }

  /**
   * With {@link #devMode}: also serve the OAuth front, its provider being a development sign-in on
   * this server ({@code /dev/authorize}: every sign-in is the subject {@code demo}), so that a
   * client can register, see the consent page and get a token end to end on the loopback address.
   * Loopback redirect URIs ({@code http://127.0.0.1:<port>/callback}, {@code
   * http://localhost:<port>/callback} and {@code .../oauth/callback}) are allowed besides the
   * defaults.
   */
  public OAuthConfig devFront() {
    this.devFront = true;
    return this;
  }
}
