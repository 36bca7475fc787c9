package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.mcp.confirm.ConsumedTokens;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
  int maxRegistrationBytes = 4096;
  int registrationsPerHour = 30;
  Duration unusedRegistrationTtl = Duration.ofHours(24);
  Duration refreshTokenTtl = Duration.ofDays(30);
  ConsumedTokens ledger;
  Function<Context, String> clientIp = Context::ip;
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

  /**
   * Largest client registration (RFC 7591 metadata, in bytes) accepted (default 4096; ChatGPT's and
   * Claude's are under 1 KiB). A larger one gets 400 {@code invalid_client_metadata}.
   */
  public OAuthFrontConfig maxRegistrationBytes(int bytes) {
    if (bytes < 256) {
      throw new IllegalArgumentException("maxRegistrationBytes must be at least 256");
    }
    this.maxRegistrationBytes = bytes;
    return this;
  }

  /**
   * Client registrations one address may make per hour (default 30); more get 429. ChatGPT and
   * Claude register from their own few addresses, one registration per connection a person adds:
   * raise it for a large roll-out.
   */
  public OAuthFrontConfig registrationsPerHour(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("registrationsPerHour must be at least 1");
    }
    this.registrationsPerHour = count;
    return this;
  }

  /**
   * How long a registration may go unused (default 24 h): after that its client id opens the
   * consent page only in a browser that allowed that client before; elsewhere the client must
   * register again.
   */
  public OAuthFrontConfig unusedRegistrationTtl(Duration ttl) {
    this.unusedRegistrationTtl = positive(ttl, "unusedRegistrationTtl");
    return this;
  }

  /**
   * How long a refresh token of the front lives unused (default 30 days); each refresh hands out a
   * new one with a new lifetime and the old one can never be used again.
   */
  public OAuthFrontConfig refreshTokenTtl(Duration ttl) {
    this.refreshTokenTtl = positive(ttl, "refreshTokenTtl");
    return this;
  }

  /**
   * The ledger that makes {@code state}, authorization codes and refresh token generations
   * single-use (default: in this process's memory, at most 100,000 live entries). Behind several
   * instances give them one shared ledger (e.g. the Redis one), or single use holds per instance.
   */
  public OAuthFrontConfig ledger(ConsumedTokens ledger) {
    this.ledger = Objects.requireNonNull(ledger);
    return this;
  }

  /**
   * How the client's address is found for the registration limit (default: the TCP peer); behind a
   * proxy, the same function as the rate limit's.
   */
  public OAuthFrontConfig clientIp(Function<Context, String> clientIp) {
    this.clientIp = Objects.requireNonNull(clientIp);
    return this;
  }

  private static Duration positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  ConsumedTokens ledgerOrDefault() {
    if (ledger == null) {
      ledger = ConsumedTokens.inMemory(100_000, clock);
    }
    return ledger;
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
