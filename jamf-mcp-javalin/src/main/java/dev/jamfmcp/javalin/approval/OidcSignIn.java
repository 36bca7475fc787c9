package dev.jamfmcp.javalin.approval;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.jamfmcp.jwt.JwksCache;
import dev.jamfmcp.jwt.ScopeClaims;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect sign-in for the approval page: authorization code with PKCE (S256), {@code state}
 * and {@code nonce}, against the issuer's discovery document; the ID token is verified with Nimbus
 * against the issuer's JWKS (signature, {@code iss}, {@code aud} = our client id, {@code exp},
 * {@code nonce}). Only the subject and its scopes are kept.
 */
final class OidcSignIn {
  /** Where the provider sends the browser back: register {@code <base>/approval/callback}. */
  static final String CALLBACK = "/approval/callback";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_BODY = 1 << 20;

  /** What the provider's discovery document tells us. */
  record Endpoints(String issuer, URI authorize, URI token, URI jwks) {}

  /** What a sign-in carries from the redirect to the callback (in the Lax cookie). */
  record Transaction(String state, String nonce, String verifier, String approvalId) {}

  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final String scopes;
  private final String redirectUri;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;
  private volatile Endpoints endpoints;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  OidcSignIn(ApprovalPageConfig config) {
    String configured = config.issuer;
    this.issuer = configured;
    this.clientId = config.clientId;
    this.clientSecret = config.clientSecret;
    this.scopes = config.oidcScopes;
    this.redirectUri = config.publicBaseUrl + CALLBACK;
    this.timeout = config.httpTimeout;
    this.clock = config.clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  static Transaction newTransaction(String approvalId) {
    return new Transaction(random(), random(), random() + random(), approvalId);
  }

  /** The provider's authorization URL for this transaction. */
  URI authorizationUrl(Transaction tx) throws IOException, InterruptedException {
    Endpoints e = endpoints();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", scopes);
    query.put("state", tx.state());
    query.put("nonce", tx.nonce());
    query.put("code_challenge", URL.encodeToString(sha256(tx.verifier())));
    query.put("code_challenge_method", "S256");
    String base = e.authorize().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
  }

  /**
   * Exchanges the code and verifies the ID token.
   *
   * @throws SignInException when anything does not check out (the message is for the log, never for
   *     the page)
   */
  Principal complete(Transaction tx, String code) throws IOException, InterruptedException {
    Endpoints e = endpoints();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    body.put("code_verifier", tx.verifier());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(e.token())
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (clientSecret != null) {
      String basic = encode(clientId) + ":" + encode(clientSecret);
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    } else {
      body.put("client_id", clientId);
    }
    HttpResponse<String> response =
        http.send(
            request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().length() > MAX_BODY) {
      throw new SignInException("token endpoint answered " + response.statusCode());
    }
    JsonNode tokens = Json.mapper().readTree(response.body());
    String idToken = tokens.path("id_token").asString("");
    if (idToken.isEmpty()) {
      throw new SignInException("no id_token in the token response");
    }
    JWTClaimsSet claims;
    try {
      claims = processor().process(idToken, null);
    } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException e1) {
      throw new SignInException("ID token refused: " + e1.getMessage());
    } catch (com.nimbusds.jose.JOSEException e2) {
      throw new SignInException("ID token not verifiable: " + e2.getMessage());
    }
    Object nonce = claims.getClaim("nonce");
    if (!(nonce instanceof String n)
        || !MessageDigest.isEqual(
            n.getBytes(StandardCharsets.UTF_8), tx.nonce().getBytes(StandardCharsets.UTF_8))) {
      throw new SignInException("ID token nonce does not match");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : new String[] {"name", "email", "preferred_username"}) {
      Object value = claims.getClaim(name);
      if (value instanceof String text) {
        attributes.put(name, text);
      }
    }
    return new Principal(claims.getSubject(), ScopeClaims.of(claims), attributes);
  }

  private Endpoints endpoints() throws IOException, InterruptedException {
    Endpoints known = endpoints;
    if (known != null) {
      return known;
    }
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().length() > MAX_BODY) {
      throw new SignInException("discovery answered " + response.statusCode());
    }
    JsonNode doc = Json.mapper().readTree(response.body());
    // OpenID Connect Discovery 1.0, section 4.3: the issuer must be exactly the one configured
    if (!issuer.equals(doc.path("issuer").asString(""))) {
      throw new SignInException("discovery names another issuer: " + doc.path("issuer"));
    }
    Endpoints found =
        new Endpoints(
            issuer,
            URI.create(doc.path("authorization_endpoint").asString("")),
            URI.create(doc.path("token_endpoint").asString("")),
            URI.create(doc.path("jwks_uri").asString("")));
    endpoints = found;
    return found;
  }

  private DefaultJWTProcessor<SecurityContext> processor()
      throws IOException, InterruptedException {
    DefaultJWTProcessor<SecurityContext> known = processor;
    if (known != null) {
      return known;
    }
    URI jwks = endpoints().jwks();
    JwksCache keys =
        new JwksCache(
            () -> {
              try {
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(jwks).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || r.body().length() > MAX_BODY) {
                  throw new IOException("JWKS answered " + r.statusCode());
                }
                return JWKSet.parse(r.body());
              } catch (ParseException e) {
                throw new IOException("JWKS unreadable", e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
              }
            },
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            clock);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(
                JWSAlgorithm.RS256,
                JWSAlgorithm.RS384,
                JWSAlgorithm.RS512,
                JWSAlgorithm.PS256,
                JWSAlgorithm.PS384,
                JWSAlgorithm.PS512,
                JWSAlgorithm.ES256,
                JWSAlgorithm.ES384,
                JWSAlgorithm.EdDSA),
            keys));
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat", "nonce")) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    verifier.setMaxClockSkew(60);
    p.setJWTClaimsSetVerifier(verifier);
    processor = p;
    return p;
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A sign-in that did not check out; the reason goes to the log only. */
  static final class SignInException extends IOException {
    private static final long serialVersionUID = 1L;

    SignInException(String message) {
      super(message);
    }
  }
}
