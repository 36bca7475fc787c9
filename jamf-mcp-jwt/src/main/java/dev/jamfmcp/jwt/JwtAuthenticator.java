package dev.jamfmcp.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer JWT authentication for any HTTP host (the Javalin {@code McpPlugin}, a servlet, ...):
 * reads the token from the {@code Authorization} header only, checks its signature against the
 * provider's JWKS with an allow-listed algorithm, then {@code iss}, {@code aud}, {@code exp},
 * {@code nbf}, {@code iat} (not in the future), the maximum lifetime and, when configured, {@code
 * typ}, and turns it into a {@link Principal} with the token's scopes. Refusals carry the RFC 6750
 * challenge. Tokens are never logged.
 *
 * <pre>{@code
 * JwtAuthenticator jwt = JwtAuthenticator.create(c -> c
 *     .issuer("https://tenant.auth0.com/")
 *     .audience("https://mcp.example.com/mcp")
 *     .resourceMetadataUrl("https://mcp.example.com/.well-known/oauth-protected-resource"));
 * new McpPlugin(mcp -> mcp.server(server).principalResolver(jwt)); // Javalin
 * Principal caller = jwt.resolve(headers);                          // any other host
 * }</pre>
 */
public final class JwtAuthenticator implements PrincipalResolver {
  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
  private static final Set<JOSEObjectType> TYPES =
      Set.of(
          JOSEObjectType.JWT,
          new JOSEObjectType("at+jwt"),
          new JOSEObjectType("application/at+jwt"));

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String issuer;
  private final Set<String> audiences;
  private final Duration skew;
  private final Duration maxLifetime;
  private final Clock clock;
  private final int maxTokenChars;
  private final int maxHeaderChars;
  private final BearerErrors errors;

  private JwtAuthenticator(JwtConfig config) {
    this.issuer = Objects.requireNonNull(config.issuer, "issuer");
    if (config.audiences.isEmpty()) {
      throw new IllegalArgumentException(
          "JWT authentication needs an audience (the resource identifier)");
    }
    this.audiences = Set.copyOf(config.audiences);
    this.skew = config.clockSkew;
    this.clock = config.clock;
    this.maxTokenChars = config.maxTokenChars;
    this.maxHeaderChars = config.maxHeaderChars;
    this.errors = new BearerErrors(config.resourceMetadataUrl, config.challengeScope);
    JWKSource<SecurityContext> keys =
        config.staticKeys != null
            ? new ImmutableJWKSet<>(config.staticKeys)
            : new JwksCache(
                config.fetcher != null
                    ? config.fetcher
                    : new HttpJwksFetcher(issuer, config.jwksUri, config.jwksFetchTimeout),
                config.jwksCacheFor,
                config.jwksMinRefreshInterval,
                config.clock);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(config.algorithms, keys));
    this.maxLifetime = config.maxLifetime;
    processor.setJWSTypeVerifier(
        config.tokenType != null
            ? new DefaultJOSEObjectTypeVerifier<>(requiredTypes(config.tokenType))
            : new DefaultJOSEObjectTypeVerifier<>(TYPES.toArray(new JOSEObjectType[0])) {
              @Override
              public void verify(JOSEObjectType type, SecurityContext context)
                  throws com.nimbusds.jose.proc.BadJOSEException {
                if (type != null) {
                  super.verify(type, context);
                }
              }
            });
    // Claims are checked below, after the signature, against the injectable clock.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
  }

  // RFC 9068 section 4: "at+jwt" and its media-type form "application/at+jwt" are the same type.
  private static Set<JOSEObjectType> requiredTypes(String type) {
    String bare = type.regionMatches(true, 0, "application/", 0, 12) ? type.substring(12) : type;
    return Set.of(new JOSEObjectType(bare), new JOSEObjectType("application/" + bare));
  }

  public static JwtAuthenticator create(Consumer<JwtConfig> settings) {
    JwtConfig config = new JwtConfig();
    settings.accept(config);
    return new JwtAuthenticator(config);
  }

  /** The refusals this authenticator answers with, for routes that share its challenge. */
  public BearerErrors errors() {
    return errors;
  }

  @Override
  public Principal resolve(Map<String, String> headers) throws Rejection {
    String token = bearerToken(headers.get("Authorization"));
    if (token == null) {
      if (headers.containsKey("Authorization")) {
        log.info("Bearer token refused: not a bearer credential");
        throw errors.invalid();
      }
      throw errors.missing();
    }
    return validate(token);
  }

  /** Checks one token; the principal on success. */
  public Principal validate(String token) throws Rejection {
    int dot = token.indexOf('.');
    if (token.length() > maxTokenChars || dot < 0 || dot > maxHeaderChars) {
      throw refused("oversized or malformed");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (KeySourceException e) {
      log.warn("Bearer token not checked: the provider's keys are unavailable");
      throw errors.unavailable();
    } catch (java.text.ParseException e) {
      throw refused("unreadable");
    } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw refused("signature or algorithm not accepted");
    } catch (RuntimeException e) {
      throw refused("unreadable");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw refused("no expiry");
    }
    if (now.isAfter(exp.toInstant().plus(skew))) {
      log.info("Bearer token refused: expired (sub={})", LogSafe.quote(claims.getSubject()));
      throw errors.expired();
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
      throw refused("not yet valid");
    }
    Date iat = claims.getIssueTime();
    if (iat != null && now.plus(skew).isBefore(iat.toInstant())) {
      throw refused("issued in the future");
    }
    // exp - iat, or what is left of it without iat: a token for the year 9999 is refused here
    Instant lifetimeStart = iat != null ? iat.toInstant() : now;
    if (Duration.between(lifetimeStart, exp.toInstant()).compareTo(maxLifetime) > 0) {
      throw refused("lifetime longer than allowed");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw refused("wrong issuer");
    }
    List<String> aud = claims.getAudience();
    if (aud == null || aud.stream().noneMatch(audiences::contains)) {
      throw refused("wrong audience");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw refused("no subject");
    }
    return new Principal(subject, ScopeClaims.of(claims), attributes(claims));
  }

  private Rejection refused(String reason) {
    // the reason may quote a claim of the token (an issuer, an audience): escaped
    log.info("Bearer token refused: {}", LogSafe.escape(reason));
    return errors.invalid();
  }

  private static Map<String, String> attributes(JWTClaimsSet claims) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : new String[] {"email", "name", "client_id", "azp"}) {
      Object value = claims.getClaim(name);
      if (value instanceof String text && !text.isBlank() && text.length() <= 256) {
        attributes.put(name, text);
      }
    }
    return attributes;
  }

  static String bearerToken(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = value.substring(7).trim();
    return token.isEmpty() || token.contains(" ") ? null : token;
  }
}
