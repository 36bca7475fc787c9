package dev.jamfmcp.javalin.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.jwt.JwtConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Development mode: an ES256 key pair made at start-up, never written anywhere, that signs tokens
 * with chosen scopes for local testing. {@link OAuthPlugin} serves its public keys and a mint route
 * and refuses to start on a non-loopback address.
 */
public final class DevTokens {
  private final ECKey key;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  private DevTokens(ECKey key, String issuer, String audience, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  /**
   * @param issuer the {@code iss} of minted tokens, e.g. {@code http://127.0.0.1:8080}
   * @param audience the {@code aud}: the MCP resource URL
   */
  public static DevTokens generate(String issuer, String audience) {
    return generate(issuer, audience, Clock.systemUTC());
  }

  public static DevTokens generate(String issuer, String audience, Clock clock) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyID("dev-" + UUID.randomUUID())
              .algorithm(JWSAlgorithm.ES256)
              .generate();
      return new DevTokens(
          key, Objects.requireNonNull(issuer), Objects.requireNonNull(audience), clock);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a development key", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  /** The public half, as served at {@code /dev/jwks.json}. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** A signed access token for {@code subject} with these scopes, valid for {@code ttl}. */
  public String mint(String subject, Set<String> scopes, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", String.join(" ", scopes))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a development token", e);
    }
    return jwt.serialize();
  }

  /** An authenticator that accepts exactly these tokens. */
  public JwtAuthenticator authenticator(Consumer<JwtConfig> extra) {
    return JwtAuthenticator.create(
        c -> {
          c.issuer(issuer).audience(audience).jwkSet(publicKeys()).clock(clock);
          extra.accept(c);
        });
  }

  @Override
  public String toString() {
    return "DevTokens[" + issuer + ", kid=" + key.getKeyID() + "]";
  }
}
