package dev.jamfmcp.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A provider's signing key and the tokens it issues, without a server (the keys are handed over).
 */
final class TestTokens {
  static final String ISSUER = "https://idp.example/";
  static final String AUDIENCE = "https://mcp.example/mcp";

  final Clock clock;
  final RSAKey signingKey = newKey();

  TestTokens(Clock clock) {
    this.clock = clock;
  }

  static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JWKSet publicKeys() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  JWTClaimsSet.Builder claims(String scope) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("auth0|alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("scope", scope);
  }

  String token(String scope) {
    return sign(signingKey, claims(scope).build(), h -> {});
  }

  static String sign(RSAKey key, JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
    try {
      JWSHeader.Builder builder =
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
      header.accept(builder);
      SignedJWT jwt = new SignedJWT(builder.build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
