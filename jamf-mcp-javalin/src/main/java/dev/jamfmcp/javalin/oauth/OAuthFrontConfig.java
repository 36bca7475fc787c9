package dev.jamfmcp.javalin.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the OAuth front. Required: {@link #providerAuthorizeUrl}, {@link #providerTokenUrl}
 * and {@link #clientId}. Register {@code <publicBaseUrl>/auth/callback} as the client's only
 * callback at the provider.
 */
public final class OAuthFrontConfig {
  String publicBaseUrl;
  String providerAuthorizeUrl;
  String providerTokenUrl;
  String clientId;
  String clientSecret;
  String audience;
  String defaultScope = "openid read:jamf";
  List<String> redirectUris = new ArrayList<>(RedirectAllowList.DEFAULTS);
  byte[] stateKey;
  Duration stateTtl = Duration.ofMinutes(10);
  Duration providerTimeout = Duration.ofSeconds(10);
  int maxRegisteredRedirectUris = 1000;
  Clock clock = Clock.systemUTC();

  /** This server's public origin (default: scheme, host and port of the resource URL). */
  public OAuthFrontConfig publicBaseUrl(String url) {
    this.publicBaseUrl = strip(Objects.requireNonNull(url));
    return this;
  }

  /** The provider's authorization endpoint, e.g. {@code https://tenant.auth0.com/authorize}. */
  public OAuthFrontConfig providerAuthorizeUrl(String url) {
    this.providerAuthorizeUrl = Objects.requireNonNull(url);
    return this;
  }

  /** The provider's token endpoint, e.g. {@code https://tenant.auth0.com/oauth/token}. */
  public OAuthFrontConfig providerTokenUrl(String url) {
    this.providerTokenUrl = Objects.requireNonNull(url);
    return this;
  }

  /** The client registered at the provider; handed to every client that registers here. */
  public OAuthFrontConfig clientId(String id) {
    this.clientId = Objects.requireNonNull(id);
    return this;
  }

  /** That client's secret; stays on the server, added only to token requests to the provider. */
  public OAuthFrontConfig clientSecret(String secret) {
    this.clientSecret = secret;
    return this;
  }

  /**
   * Auth0's {@code audience} parameter for the authorize redirect (the API identifier); default
   * none.
   */
  public OAuthFrontConfig audience(String audience) {
    this.audience = audience;
    return this;
  }

  /** The scope asked for when the client names none (default {@code openid read:jamf}). */
  public OAuthFrontConfig defaultScope(String scope) {
    this.defaultScope = Objects.requireNonNull(scope);
    return this;
  }

  /** The redirect-URI allow-list, replacing the defaults (ChatGPT's and Claude's callbacks). */
  public OAuthFrontConfig redirectUris(String... uris) {
    this.redirectUris = new ArrayList<>(List.of(uris));
    return this;
  }

  /** Adds to the redirect-URI allow-list; {@code {id}} matches one path segment. */
  public OAuthFrontConfig allowRedirectUri(String uri) {
    this.redirectUris.add(Objects.requireNonNull(uri));
    return this;
  }

  /**
   * HMAC key (32 bytes or more) signing the state sent to the provider; share it between instances.
   * Default: random per process.
   */
  public OAuthFrontConfig stateKey(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("The state key needs at least 32 bytes");
    }
    this.stateKey = key.clone();
    return this;
  }

  /** How long a user may take at the provider's login page (default 10 min). */
  public OAuthFrontConfig stateTtl(Duration ttl) {
    this.stateTtl = Objects.requireNonNull(ttl);
    return this;
  }

  /** Timeout of token requests to the provider (default 10 s). */
  public OAuthFrontConfig providerTimeout(Duration timeout) {
    this.providerTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** How many registered redirect URIs are remembered (default 1000). */
  public OAuthFrontConfig maxRegisteredRedirectUris(int max) {
    this.maxRegisteredRedirectUris = max;
    return this;
  }

  /** For tests. */
  public OAuthFrontConfig clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  byte[] stateKeyOrRandom() {
    if (stateKey == null) {
      stateKey = new byte[32];
      new SecureRandom().nextBytes(stateKey);
    }
    return stateKey;
  }

  static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "OAuthFrontConfig[clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "none" : "***")
        + "]";
  }
}
