package dev.jamfmcp.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of {@link JwtAuthenticator}. Required: {@link #issuer}, {@link #audience}, and either
 * {@link #jwksUri}, {@link #discoverJwks()} (the default when no URI is given) or {@link #jwkSet}.
 */
public final class JwtConfig {
  String issuer;
  Set<String> audiences = new LinkedHashSet<>();
  URI jwksUri;
  JWKSet staticKeys;
  Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
  Duration clockSkew = Duration.ofSeconds(60);
  Duration maxLifetime = Duration.ofHours(24);
  String tokenType;
  Duration jwksCacheFor = Duration.ofMinutes(10);
  Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
  Duration jwksFetchTimeout = Duration.ofSeconds(5);
  int maxTokenChars = 8192;
  int maxHeaderChars = 2048;
  String resourceMetadataUrl;
  String challengeScope = "read:jamf";
  Clock clock = Clock.systemUTC();
  JwksCache.Fetcher fetcher;

  /**
   * The provider's issuer exactly as in the tokens' {@code iss}, e.g. {@code
   * https://tenant.auth0.com/}.
   */
  public JwtConfig issuer(String issuer) {
    this.issuer = Objects.requireNonNull(issuer);
    return this;
  }

  /**
   * The resource identifier the token must name in {@code aud} (RFC 8707), usually the public MCP
   * URL or the Auth0 API identifier. Several may be given; any one suffices.
   */
  public JwtConfig audience(String... audiences) {
    this.audiences.addAll(List.of(audiences));
    return this;
  }

  /** Where the provider publishes its keys; otherwise discovered from the issuer's metadata. */
  public JwtConfig jwksUri(String uri) {
    this.jwksUri = URI.create(uri);
    return this;
  }

  /** Fixed keys instead of fetching (development mode, tests). */
  public JwtConfig jwkSet(JWKSet keys) {
    this.staticKeys = Objects.requireNonNull(keys);
    return this;
  }

  /**
   * Accepted signature algorithms (default RS256, ES256, PS256); {@code none} and HMAC are refused.
   */
  public JwtConfig algorithms(String... names) {
    Set<JWSAlgorithm> chosen = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name);
      if (JWSAlgorithm.Family.HMAC_SHA.contains(alg) || "none".equalsIgnoreCase(name)) {
        throw new IllegalArgumentException(
            "Algorithm " + name + " is never accepted for provider tokens");
      }
      chosen.add(alg);
    }
    this.algorithms = Set.copyOf(chosen);
    return this;
  }

  /** Leeway for {@code exp}, {@code nbf} and {@code iat} (default 60 s). */
  public JwtConfig clockSkew(Duration skew) {
    this.clockSkew = Objects.requireNonNull(skew);
    return this;
  }

  /**
   * The longest lifetime a token may claim (default 24 h): {@code exp - iat}, or {@code exp - now}
   * for a token without {@code iat}. A token valid for longer, such as one expiring in the year
   * 9999, is refused even though it has not expired.
   */
  public JwtConfig maxLifetime(Duration lifetime) {
    if (lifetime.isZero() || lifetime.isNegative()) {
      throw new IllegalArgumentException("The maximum token lifetime must be positive");
    }
    this.maxLifetime = lifetime;
    return this;
  }

  /**
   * The JOSE {@code typ} every token must carry, e.g. {@code at+jwt} for RFC 9068 access tokens
   * (which also accepts {@code application/at+jwt}); a token without it, or with another, is
   * refused. Default: not required ({@code JWT}, {@code at+jwt} or none accepted).
   */
  public JwtConfig tokenType(String type) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("The token type must not be empty");
    }
    this.tokenType = type.trim();
    return this;
  }

  /** How long a fetched key set is used before it is fetched again (default 10 min). */
  public JwtConfig jwksCacheFor(Duration ttl) {
    this.jwksCacheFor = Objects.requireNonNull(ttl);
    return this;
  }

  /** At most one re-fetch for unknown key ids per this interval (default 30 s). */
  public JwtConfig jwksMinRefreshInterval(Duration interval) {
    this.jwksMinRefreshInterval = Objects.requireNonNull(interval);
    return this;
  }

  /** Connect and read timeout of key-set and discovery requests (default 5 s). */
  public JwtConfig jwksFetchTimeout(Duration timeout) {
    this.jwksFetchTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** Longer tokens are refused unread (default 8192 characters). */
  public JwtConfig maxTokenChars(int max) {
    this.maxTokenChars = max;
    return this;
  }

  /** Tokens with a longer JOSE header segment are refused unread (default 2048 characters). */
  public JwtConfig maxHeaderChars(int max) {
    this.maxHeaderChars = max;
    return this;
  }

  /**
   * The RFC 9728 metadata URL named in 401 challenges (e.g. {@code
   * https://host/.well-known/oauth-protected-resource}).
   */
  public JwtConfig resourceMetadataUrl(String url) {
    this.resourceMetadataUrl = url;
    return this;
  }

  /** The scope named in 401 challenges (default {@code read:jamf}). */
  public JwtConfig challengeScope(String scope) {
    this.challengeScope = scope;
    return this;
  }

  /** For tests. */
  public JwtConfig clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** For tests: how the key set is fetched (default: HTTP GET of the JWKS URI). */
  public JwtConfig jwksFetcher(JwksCache.Fetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher);
    return this;
  }
}
