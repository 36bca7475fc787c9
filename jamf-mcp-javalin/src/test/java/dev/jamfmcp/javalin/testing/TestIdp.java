package dev.jamfmcp.javalin.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small OpenID provider on the JDK's HTTP server issuing real RS256 tokens: discovery, JWKS
 * (fetches counted, keys rotatable), an authorize endpoint that logs the user in at once, and a
 * token endpoint that checks client secret, redirect URI and the PKCE verifier.
 */
public final class TestIdp implements AutoCloseable {
  public static final String CLIENT_ID = "upstream-client-id";
  public static final String CLIENT_SECRET = "upstream-s3cret-NEVER-LOG";

  public final HttpServer server;
  public final String issuer;
  public final String audience;
  public final Clock clock;
  public final AtomicInteger jwksFetches = new AtomicInteger();
  public final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  public final List<String> issuedTokens = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
  public volatile RSAKey signingKey = newKey();
  public volatile List<RSAKey> published = List.of(signingKey);

  public TestIdp(String audience, Clock clock) throws IOException {
    this.audience = audience;
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    server.createContext(
        "/.well-known/openid-configuration",
        ex ->
            reply(
                ex,
                200,
                "{\"issuer\":\""
                    + issuer
                    + "\",\"authorization_endpoint\":\""
                    + issuer
                    + "authorize\",\"token_endpoint\":\""
                    + issuer
                    + "oauth/token\",\"jwks_uri\":\""
                    + issuer
                    + "jwks\"}"));
    server.createContext(
        "/jwks",
        ex -> {
          jwksFetches.incrementAndGet();
          reply(
              ex,
              200,
              new JWKSet(
                      published.stream()
                          .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                          .toList())
                  .toString());
        });
    server.createContext("/authorize", this::authorize);
    server.createContext("/oauth/token", this::token);
    server.start();
  }

  public static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes only a new key and signs with it from now on. */
  public void rotate() {
    signingKey = newKey();
    published = List.of(signingKey);
  }

  public JWTClaimsSet.Builder claims(String scope) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("auth0|alice")
        .claim("email", "alice@example.com")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("scope", scope);
  }

  public String token(String scope) {
    return sign(signingKey, claims(scope).build(), h -> {});
  }

  public static String sign(RSAKey key, JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
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

  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(q.get("client_id")) || q.get("code_challenge") == null) {
      reply(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = "code-" + UUID.randomUUID();
    codes.put(code, q);
    ex.getResponseHeaders()
        .add(
            "Location",
            q.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private void token(HttpExchange ex) throws IOException {
    Map<String, String> form =
        parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    tokenRequests.add(form);
    Map<String, String> flow = codes.remove(form.getOrDefault("code", ""));
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      reply(ex, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (flow == null
        || !flow.get("redirect_uri").equals(form.get("redirect_uri"))
        || !flow.get("code_challenge").equals(s256(form.getOrDefault("code_verifier", "")))) {
      reply(ex, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String access = token(flow.get("scope"));
    String refresh = "refresh-" + UUID.randomUUID();
    issuedTokens.add(access);
    issuedTokens.add(refresh);
    reply(
        ex,
        200,
        "{\"access_token\":\""
            + access
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"refresh_token\":\""
            + refresh
            + "\",\"scope\":\""
            + flow.get("scope")
            + "\"}");
  }

  public static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, String> parse(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      values.put(
          key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
