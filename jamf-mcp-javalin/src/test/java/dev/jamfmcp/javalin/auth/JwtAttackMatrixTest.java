package dev.jamfmcp.javalin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.jamfmcp.javalin.testing.SecuredServer;
import dev.jamfmcp.javalin.testing.TestIdp;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every way a caller may try to get in without a proper token, each refused with its exact status
 * before any tool runs or Jamf is called (checked after each case).
 */
class JwtAttackMatrixTest {
  private static final String INVALID =
      "{\"error\":\"Invalid token\",\"message\":\"Please re-authenticate\"}";
  private SecuredServer s;

  @BeforeEach
  void start() throws Exception {
    s = new SecuredServer(false, r -> {});
  }

  @AfterEach
  void stop() throws Exception {
    try {
      assertThat(s.jamfRequests).as("requests that reached the Jamf stand-in").isEmpty();
      assertThat(s.tools.writeRuns.get()).isZero();
    } finally {
      s.close();
    }
  }

  private HttpResponse<String> withAuthorization(String value) throws Exception {
    return s.send(s.post("/mcp", SecuredServer.init()).header("Authorization", value));
  }

  private HttpResponse<String> withToken(String token) throws Exception {
    return withAuthorization("Bearer " + token);
  }

  private void assertInvalid(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(INVALID);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer error=\"invalid_token\"")
        .contains("resource_metadata=\"" + s.base + "/.well-known/oauth-protected-resource/mcp\"")
        .contains("scope=\"read:jamf\"");
  }

  @Test
  void noToken() throws Exception {
    HttpResponse<String> response = s.send(s.post("/mcp", SecuredServer.init()));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Json.mapper().readTree(response.body()).get("error").stringValue())
        .isEqualTo("Missing token");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .isEqualTo(
            "Bearer resource_metadata=\""
                + s.base
                + "/.well-known/oauth-protected-resource/mcp\", scope=\"read:jamf\"");
  }

  @Test
  void malformedToken() throws Exception {
    assertInvalid(withToken("not.a.jwt"));
    assertInvalid(withToken("garbage"));
    assertInvalid(withAuthorization("Basic YWxpY2U6c2VjcmV0"));
    assertInvalid(withAuthorization("Bearer"));
  }

  @Test
  void algNone() throws Exception {
    String unsigned = new PlainJWT(s.idp.claims("read:jamf write:jamf").build()).serialize();
    assertInvalid(withToken(unsigned));
  }

  @Test
  void hs256SignedWithThePublicKey() throws Exception {
    RSAKey publicKey = s.idp.signingKey.toPublicJWK();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
            s.idp.claims("read:jamf write:jamf").build());
    forged.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));
    assertInvalid(withToken(forged.serialize()));
  }

  @Test
  void expired() throws Exception {
    Instant now = s.clock.instant();
    String token =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp
                .claims("read:jamf")
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2))))
                .build(),
            h -> {});
    HttpResponse<String> response = withToken(token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"Token expired\",\"message\":\"Please re-authenticate\"}");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"")
        .contains("expired");
  }

  @Test
  void notYetValid() throws Exception {
    String token =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp
                .claims("read:jamf")
                .notBeforeTime(Date.from(s.clock.instant().plus(Duration.ofMinutes(5))))
                .build(),
            h -> {});
    assertInvalid(withToken(token));
  }

  @Test
  void wrongIssuer() throws Exception {
    String token =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp.claims("read:jamf").issuer("https://evil.example/").build(),
            h -> {});
    assertInvalid(withToken(token));
  }

  @Test
  void wrongAudience() throws Exception {
    String token =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp.claims("read:jamf").audience("https://other-api.example").build(),
            h -> {});
    assertInvalid(withToken(token));
  }

  @Test
  void unknownKidRefetchesOnceThenRefuses() throws Exception {
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    assertThat(s.idp.jwksFetches.get()).isEqualTo(1);
    RSAKey stranger = TestIdp.newKey();
    assertInvalid(withToken(TestIdp.sign(stranger, s.idp.claims("read:jamf").build(), h -> {})));
    assertThat(s.idp.jwksFetches.get()).isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      RSAKey another = TestIdp.newKey();
      assertInvalid(withToken(TestIdp.sign(another, s.idp.claims("read:jamf").build(), h -> {})));
    }
    assertThat(s.idp.jwksFetches.get())
        .as("a flood of unknown kids does not hammer the provider")
        .isEqualTo(2);
  }

  @Test
  void rotatedKeyAcceptedAfterRefresh() throws Exception {
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    s.idp.rotate();
    s.clock.advance(Duration.ofSeconds(31));
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    assertThat(s.idp.jwksFetches.get()).isEqualTo(2);
  }

  @Test
  void keysCachedTenMinutes() throws Exception {
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    s.clock.advance(Duration.ofMinutes(9));
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    assertThat(s.idp.jwksFetches.get()).isEqualTo(1);
    s.clock.advance(Duration.ofMinutes(2));
    assertThat(withToken(s.idp.token("read:jamf")).statusCode()).isEqualTo(200);
    // renewed in the background; the request above did not wait for it
    await().until(() -> s.idp.jwksFetches.get() == 2);
  }

  @Test
  void tokenInQueryString() throws Exception {
    String token = s.idp.token("read:jamf write:jamf");
    HttpResponse<String> response =
        s.send(s.post("/mcp?access_token=" + token, SecuredServer.init()));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.body()).get("error").stringValue())
        .isEqualTo("Invalid request");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_request\"");
    HttpResponse<String> evenWithHeader =
        s.send(
            s.post("/mcp?access_token=" + token, SecuredServer.init())
                .header("Authorization", "Bearer " + token));
    assertThat(evenWithHeader.statusCode()).isEqualTo(400);
  }

  @Test
  void tokenInCookie() throws Exception {
    String token = s.idp.token("read:jamf write:jamf");
    assertThat(
            s.send(s.post("/mcp", SecuredServer.init()).header("Cookie", "access_token=" + token))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            s.send(s.post("/mcp", SecuredServer.init()).header("Cookie", "session=" + token))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void scopeMissingForWriteTool() throws Exception {
    String token = s.idp.token("read:jamf");
    String session = s.initialize(token);
    HttpResponse<String> response = s.callTool(token, session, "wipe");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"read:jamf write:jamf\"")
        .contains("resource_metadata=");
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.at("/error/code").intValue()).isEqualTo(-32003);
  }

  @Test
  void tamperedPayload() throws Exception {
    String[] parts = s.idp.token("read:jamf").split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"read:jamf\"", "\"read:jamf write:jamf\"");
    assertThat(payload).contains("write:jamf");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertInvalid(withToken(tampered));
  }

  @Test
  void hugeTokenHeader() throws Exception {
    JWTClaimsSet claims = s.idp.claims("read:jamf").build();
    String bigHeader =
        TestIdp.sign(s.idp.signingKey, claims, h -> h.customParam("pad", "x".repeat(5000)));
    assertInvalid(withToken(bigHeader));
    HttpResponse<String> huge = withToken("a".repeat(64 * 1024));
    assertThat(huge.statusCode()).isEqualTo(431);
  }

  @Test
  void validTokenBecomesThePrincipal() throws Exception {
    String token = s.idp.token("read:jamf");
    String session = s.initialize(token);
    HttpResponse<String> echo =
        s.send(
            s.post(
                    "/mcp",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}")
                .header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18"));
    assertThat(echo.statusCode()).isEqualTo(200);
    assertThat(echo.body()).contains("hi");
  }

  // ---- issue 19: header injection, iat, lifetime, duplicate claims, typ ------------------------

  /**
   * The attack token on a tools/call in a session opened with a valid token, so a token that got
   * through would run the tool (and call Jamf, which the after-each check refuses).
   */
  private HttpResponse<String> callWith(String token) throws Exception {
    String session = s.initialize(s.idp.token("read:jamf"));
    return s.callTool(token, session, "jamf_version");
  }

  private String signedByStranger(java.util.function.Consumer<JWSHeader.Builder> header) {
    return TestIdp.sign(TestIdp.newKey(), s.idp.claims("read:jamf").build(), header);
  }

  @Test
  void jkuHeaderPointingAtTheAttackersKeys() throws Exception {
    URI evil = URI.create("https://evil.example/.well-known/jwks.json");
    assertInvalid(callWith(signedByStranger(h -> h.jwkURL(evil))));
    // the provider's own kid, the attacker's signature and key URL
    assertInvalid(
        callWith(signedByStranger(h -> h.keyID(s.idp.signingKey.getKeyID()).jwkURL(evil))));
    assertThat(s.idp.jwksFetches.get()).as("only the configured provider is asked").isEqualTo(2);
  }

  @Test
  void x5uHeaderPointingAtTheAttackersCertificate() throws Exception {
    URI evil = URI.create("https://evil.example/cert.pem");
    assertInvalid(callWith(signedByStranger(h -> h.x509CertURL(evil))));
    assertInvalid(
        callWith(signedByStranger(h -> h.keyID(s.idp.signingKey.getKeyID()).x509CertURL(evil))));
  }

  @Test
  void jwkHeaderEmbeddingTheAttackersKey() throws Exception {
    RSAKey attacker = TestIdp.newKey();
    String embedded =
        TestIdp.sign(
            attacker, s.idp.claims("read:jamf").build(), h -> h.jwk(attacker.toPublicJWK()));
    assertInvalid(callWith(embedded));
    String sameKid =
        TestIdp.sign(
            attacker,
            s.idp.claims("read:jamf").build(),
            h -> h.keyID(s.idp.signingKey.getKeyID()).jwk(attacker.toPublicJWK()));
    assertInvalid(callWith(sameKid));
  }

  @Test
  void issuedInTheFuture() throws Exception {
    Instant later = s.clock.instant().plus(Duration.ofDays(3650));
    String token =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp
                .claims("read:jamf")
                .issueTime(Date.from(later))
                .expirationTime(Date.from(later.plus(Duration.ofHours(1))))
                .build(),
            h -> {});
    assertInvalid(callWith(token));
  }

  @Test
  void lifetimeLongerThanAllowed() throws Exception {
    String year9999 =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp
                .claims("read:jamf")
                .expirationTime(Date.from(Instant.parse("9999-12-31T23:59:59Z")))
                .build(),
            h -> {});
    assertInvalid(callWith(year9999));
    String twoDays =
        TestIdp.sign(
            s.idp.signingKey,
            s.idp
                .claims("read:jamf")
                .expirationTime(Date.from(s.clock.instant().plus(Duration.ofDays(2))))
                .build(),
            h -> {});
    assertInvalid(callWith(twoDays));
  }

  @Test
  void duplicateClaims() throws Exception {
    // signed by the provider's key, but the payload names sub and scope twice: which one counts
    // depends on the parser, so the token is refused
    String payload =
        "{\"iss\":\""
            + s.idp.issuer
            + "\",\"aud\":\""
            + s.resource
            + "\",\"sub\":\"auth0|alice\",\"sub\":\"auth0|admin\","
            + "\"scope\":\"read:jamf\",\"scope\":\"read:jamf write:jamf\","
            + "\"iat\":"
            + s.clock.instant().getEpochSecond()
            + ",\"exp\":"
            + s.clock.instant().plus(Duration.ofHours(1)).getEpochSecond()
            + "}";
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(s.idp.signingKey.getKeyID()).build(),
            new Payload(payload));
    jws.sign(new RSASSASigner(s.idp.signingKey));
    assertInvalid(callWith(jws.serialize()));
  }

  @Test
  void typOtherThanTheConfiguredOne() throws Exception {
    s.close();
    s = new SecuredServer(false, r -> {}, c -> c.tokenType("at+jwt"));
    JWTClaimsSet claims = s.idp.claims("read:jamf").build();
    assertInvalid(withToken(TestIdp.sign(s.idp.signingKey, claims, h -> {}))); // typ JWT
    assertInvalid(withToken(TestIdp.sign(s.idp.signingKey, claims, h -> h.type(null))));
    assertInvalid(
        withToken(
            TestIdp.sign(
                s.idp.signingKey, claims, h -> h.type(new JOSEObjectType("id_token+jwt")))));
    assertThat(
            withToken(
                    TestIdp.sign(
                        s.idp.signingKey, claims, h -> h.type(new JOSEObjectType("at+jwt"))))
                .statusCode())
        .as("the configured type")
        .isEqualTo(200);
  }
}
