package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.pages.Sealer;
import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth front for a provider that cannot register ChatGPT or Claude itself. Clients register
 * here (RFC 7591) and receive the provider client's id; the authorize route checks the redirect URI
 * against the allow-list and sends the browser to the provider with this server's callback; the
 * callback sends it back to the client; the token route exchanges the code at the provider, adding
 * the client secret server-side. {@code state} and PKCE pass through untouched.
 *
 * <p>Each registration gets its own client id ({@link Registrations}), and the authorize route
 * shows a consent page ({@link Consent}) naming the client and its redirect host before the browser
 * goes to the provider.
 */
final class OAuthFront {
  static final String AUTHORIZE = "/auth/authorize";
  static final String CALLBACK = "/auth/callback";
  static final String TOKEN = "/auth/token";
  static final String REGISTER = "/auth/register";
  static final String CONSENT = "/auth/consent";
  private static final Logger log = LoggerFactory.getLogger(OAuthFront.class);
  private static final int MAX_BODY = 16 * 1024;

  private static final String CODE_PREFIX = "jmc_code_";
  private static final String CODE = "front-code";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final OAuthFrontConfig config;
  private final String base;
  private final String resource;
  private final String audience;
  private final Sealer sealer;
  private final RefreshTokens refreshTokens;
  private final RegistrationBudget budget;
  private final RedirectAllowList allowList;
  private final SignedState states;
  private final Registrations registrations;
  private final Consent consent;
  private final HttpClient http;
  private final Set<String> registered = Collections.synchronizedSet(new LinkedHashSet<>());

  OAuthFront(OAuthFrontConfig config, String base, String resource) {
    this.config = config;
    this.base = base;
    this.resource = resource;
    this.audience = config.audience != null ? config.audience : resource;
    this.allowList = new RedirectAllowList(config.redirectUris);
    this.states = new SignedState(config.stateKeyOrRandom(), config.stateTtl, config.clock);
    Sealer sealer = new Sealer(config.stateKeyOrRandom());
    this.sealer = sealer;
    this.refreshTokens =
        new RefreshTokens(
            sealer.mac("refresh-token-key", ""),
            config.ledgerOrDefault(),
            config.refreshTokenTtl,
            config.clock);
    this.budget = new RegistrationBudget(config.registrationsPerHour, config.clock);
    this.registrations = new Registrations(sealer);
    this.consent =
        new Consent(
            sealer,
            sealer.mac("consent-form-key", ""),
            base.startsWith("https://"),
            config.stateTtl,
            config.clock);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.providerTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  String callbackUrl() {
    return base + CALLBACK;
  }

  /** RFC 8414 metadata of the front. */
  String metadata(List<String> scopes) {
    ObjectNode doc =
        Json.object()
            .put("issuer", base)
            .put("authorization_endpoint", base + AUTHORIZE)
            .put("token_endpoint", base + TOKEN)
            .put("registration_endpoint", base + REGISTER);
    doc.putArray("response_types_supported").add("code");
    doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
    doc.putArray("code_challenge_methods_supported").add("S256");
    doc.putArray("token_endpoint_auth_methods_supported").add("none");
    // RFC 9207: every authorization response names this issuer in `iss`.
    doc.put("authorization_response_iss_parameter_supported", true);
    ArrayNode supported = doc.putArray("scopes_supported");
    scopes.forEach(supported::add);
    return doc.toString();
  }

  void register(Context ctx) {
    if (ctx.contentLength() > config.maxRegistrationBytes) {
      error(
          ctx,
          400,
          "invalid_client_metadata",
          "The client metadata is larger than " + config.maxRegistrationBytes + " bytes");
      return;
    }
    long wait = budget.take(config.clientIp.apply(ctx));
    if (wait > 0) {
      log.info("Client registration refused: too many from one address");
      ctx.header("Retry-After", Long.toString(wait));
      error(ctx, 429, "too_many_requests", "Too many registrations from this address; retry later");
      return;
    }
    JsonNode request;
    String body;
    try {
      body = ctx.body();
      request = body.length() > config.maxRegistrationBytes ? null : Json.mapper().readTree(body);
    } catch (RuntimeException e) {
      body = "";
      request = null;
    }
    if (body.length() > config.maxRegistrationBytes) {
      error(
          ctx,
          400,
          "invalid_client_metadata",
          "The client metadata is larger than " + config.maxRegistrationBytes + " bytes");
      return;
    }
    if (request == null || !request.isObject()) {
      error(ctx, 400, "invalid_client_metadata", "Send the client metadata as a JSON object");
      return;
    }
    JsonNode uris = request.get("redirect_uris");
    if (uris == null || !uris.isArray() || uris.isEmpty()) {
      error(ctx, 400, "invalid_redirect_uri", "redirect_uris is required");
      return;
    }
    ArrayNode accepted = Json.mapper().createArrayNode();
    for (JsonNode uri : uris) {
      if (!uri.isString() || !allowList.allows(uri.stringValue())) {
        log.info("Client registration refused: redirect URI not allowed");
        error(
            ctx, 400, "invalid_redirect_uri", "A redirect URI is not on this server's allow-list");
        return;
      }
      accepted.add(uri.stringValue());
    }
    synchronized (registered) {
      accepted.forEach(
          uri -> {
            if (registered.size() < config.maxRegisteredRedirectUris) {
              registered.add(uri.stringValue());
            }
          });
    }
    JsonNode nameNode = request.get("client_name");
    String name =
        nameNode != null && nameNode.isString() && nameNode.stringValue().length() <= 200
            // Shown on the consent page and logged: no control or invisible format characters
            // (a right-to-left override could make a name read as another).
            ? nameNode.stringValue().replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").strip()
            : null;
    long issuedAt = config.clock.instant().getEpochSecond();
    List<String> acceptedUris = new java.util.ArrayList<>();
    accepted.forEach(uri -> acceptedUris.add(uri.stringValue()));
    ObjectNode reply =
        Json.object()
            .put("client_id", registrations.issue(name, acceptedUris, issuedAt))
            .put("client_id_issued_at", issuedAt)
            .put("token_endpoint_auth_method", "none");
    reply.set("redirect_uris", accepted);
    reply.putArray("grant_types").add("authorization_code").add("refresh_token");
    reply.putArray("response_types").add("code");
    if (name != null) {
      reply.put("client_name", name);
    }
    log.info("Client registered: {}", LogSafe.quote(reply.path("client_name").asString("unnamed")));
    ctx.status(201)
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(reply.toString());
  }

  /** The redirect URIs clients have registered (bounded). */
  Set<String> registeredRedirectUris() {
    synchronized (registered) {
      return Set.copyOf(registered);
    }
  }

  void authorize(Context ctx) {
    String redirectUri = ctx.queryParam("redirect_uri");
    if (!allowList.allows(redirectUri)) {
      log.info("Authorization refused: redirect URI not allowed");
      Consent.errorPage(
          ctx, 400, "This link cannot be used", "The redirect URI is not allowed on this server.");
      return;
    }
    // The client must be one registered here, and the redirect URI one it registered: only then is
    // there a name to show, and a link cannot pair a client with someone else's redirect URI.
    Registrations.Registration client = registrations.find(ctx.queryParam("client_id"));
    if (client == null || !client.redirectUris().contains(redirectUri)) {
      log.info("Authorization refused: unknown client or redirect URI not registered for it");
      Consent.errorPage(
          ctx,
          400,
          "This link cannot be used",
          client == null
              ? "The client is not registered on this server. Remove the connection in your"
                  + " client and add it again."
              : "The redirect URI is not one this client registered.");
      return;
    }
    if (!"code".equals(ctx.queryParam("response_type"))) {
      Consent.errorPage(
          ctx, 400, "This link cannot be used", "Only response_type=code is supported.");
      return;
    }
    String challenge = ctx.queryParam("code_challenge");
    if (challenge == null
        || challenge.isBlank()
        || !"S256".equals(ctx.queryParam("code_challenge_method"))) {
      Consent.errorPage(
          ctx,
          400,
          "This link cannot be used",
          "PKCE with code_challenge_method=S256 is required.");
      return;
    }
    String scope = ctx.queryParam("scope");
    String asked = ctx.queryParam("resource");
    Consent.Request request =
        new Consent.Request(
            client.clientId(),
            redirectUri,
            ctx.queryParam("state"),
            scope == null || scope.isBlank() ? config.defaultScope : scope,
            challenge,
            asked == null ? null : resource);
    if (asked != null && !sameResource(asked)) {
      // RFC 8707: this front issues tokens for one resource, the MCP URL, and for nothing else.
      log.info("Authorization refused: resource is not this server's MCP URL");
      toClient(ctx, request, errorParams("invalid_target", "resource must be " + resource));
      return;
    }
    long age = config.clock.instant().getEpochSecond() - client.issuedAt();
    if (age > config.unusedRegistrationTtl.toSeconds() && !consent.known(ctx, request)) {
      log.info("Authorization refused: an unused registration expired");
      Consent.errorPage(
          ctx,
          400,
          "This link cannot be used",
          "This client registered a while ago and was never allowed in this browser. Remove the"
              + " connection in your client and add it again.");
      return;
    }
    if (consent.remembered(ctx, request)) {
      consent.remember(ctx, request); // renewed: a client in use stays known in this browser
      toProvider(ctx, request);
    } else {
      consent.show(ctx, client, request, config.providerAuthorizeUrl);
    }
  }

  /** The answer on the consent page: Allow goes on to the provider, Deny back to the client. */
  void decide(Context ctx) {
    String sealed = ctx.formParam("request");
    if (!consent.accepts(ctx, sealed)) {
      log.info("Consent refused: the form's token is missing or does not match");
      Consent.errorPage(
          ctx,
          403,
          "This answer was not accepted",
          "The form did not come from this page in this browser. Open the link again.");
      return;
    }
    Consent.Request request = consent.open(sealed);
    Registrations.Registration client =
        request == null ? null : registrations.find(request.clientId());
    if (client == null || !client.redirectUris().contains(request.redirectUri())) {
      Consent.errorPage(
          ctx, 400, "This answer came too late", "The request expired. Open the link again.");
      return;
    }
    if ("allow".equals(ctx.formParam("decision"))) {
      log.info("Consent given to client {}", LogSafe.quote(client.displayName()));
      consent.remember(ctx, request);
      toProvider(ctx, request);
      return;
    }
    log.info("Consent denied to client {}", LogSafe.quote(client.displayName()));
    toClient(ctx, request, errorParams("access_denied", "The user denied access"));
  }

  private static Map<String, String> errorParams(String error, String description) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    return params;
  }

  /** An error response to the client's (checked) redirect URI, with its state and our issuer. */
  private void toClient(Context ctx, Consent.Request request, Map<String, String> params) {
    if (request.clientState() != null) {
      params.put("state", request.clientState());
    }
    params.put("iss", base);
    String target =
        request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + form(params);
    ctx.header("Cache-Control", "no-store")
        .redirect(
            target, "POST".equals(ctx.method().name()) ? HttpStatus.SEE_OTHER : HttpStatus.FOUND);
  }

  /**
   * Whether {@code asked} names this server's MCP URL: scheme and host compared without case, a
   * trailing slash ignored (RFC 8707 and the MCP canonical URI); a fragment never matches.
   */
  boolean sameResource(String asked) {
    return asked != null
        && canonical(asked) != null
        && canonical(asked).equals(canonical(resource));
  }

  private static String canonical(String uri) {
    try {
      java.net.URI u = new java.net.URI(uri);
      if (!u.isAbsolute()
          || u.getRawFragment() != null
          || u.getRawUserInfo() != null
          || u.getHost() == null) {
        return null;
      }
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return u.getScheme().toLowerCase(java.util.Locale.ROOT)
          + "://"
          + u.getHost().toLowerCase(java.util.Locale.ROOT)
          + (u.getPort() < 0 ? "" : ":" + u.getPort())
          + path
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private void toProvider(Context ctx, Consent.Request request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", config.clientId);
    params.put("redirect_uri", callbackUrl());
    params.put("scope", request.scope());
    params.put(
        "state",
        states.wrap(
            new SignedState.Flow(
                request.redirectUri(),
                request.clientState(),
                request.clientId(),
                request.resource(),
                randomId())));
    params.put("code_challenge", request.codeChallenge());
    params.put("code_challenge_method", "S256");
    if (request.resource() != null) {
      params.put("resource", request.resource());
    }
    if (config.audience != null) {
      params.put("audience", config.audience);
    }
    String target =
        config.providerAuthorizeUrl
            + (config.providerAuthorizeUrl.contains("?") ? "&" : "?")
            + form(params);
    // 303 after the consent form's POST, so the browser GETs the provider; 302 from the GET.
    ctx.header("Cache-Control", "no-store")
        .redirect(
            target, "POST".equals(ctx.method().name()) ? HttpStatus.SEE_OTHER : HttpStatus.FOUND);
  }

  void callback(Context ctx) {
    SignedState.Flow flow = states.unwrap(ctx.queryParam("state"));
    if (flow == null || !allowList.allows(flow.redirectUri())) {
      log.info("Authorization callback refused: state missing, altered or expired");
      error(ctx, 400, "invalid_request", "The authorization state is missing, altered or expired");
      return;
    }
    Boolean first = consume("st:" + flow.id(), states.expiry());
    if (first == null) {
      error(ctx, 503, "temporarily_unavailable", "Try again in a moment");
      return;
    }
    if (!first) {
      log.info("Authorization callback refused: state used before");
      error(ctx, 400, "invalid_request", "This authorization state was used before");
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    String code = ctx.queryParam("code");
    if (code != null) {
      // The client gets a code of this front that binds the provider's code to the client, its
      // redirect URI and resource: /auth/token holds the client to them (OAuth 2.1 4.1.3).
      ObjectNode bound =
          Json.object()
              .put("p", code)
              .put("r", flow.redirectUri())
              .put("c", clientDigest(flow.clientId()))
              .put("n", randomId())
              .put("e", states.expiry().getEpochSecond());
      if (flow.resource() != null) {
        bound.put("u", flow.resource());
      }
      params.put("code", CODE_PREFIX + sealer.seal(CODE, bound.toString()));
    } else {
      String providerError = ctx.queryParam("error");
      params.put("error", providerError == null ? "server_error" : providerError);
      String description = ctx.queryParam("error_description");
      if (description != null) {
        params.put("error_description", description);
      }
    }
    if (flow.clientState() != null) {
      params.put("state", flow.clientState());
    }
    params.put("iss", base);
    String target =
        flow.redirectUri() + (flow.redirectUri().contains("?") ? "&" : "?") + form(params);
    ctx.header("Cache-Control", "no-store").redirect(target, HttpStatus.FOUND);
  }

  void token(Context ctx) {
    Map<String, String> request = tokenRequest(ctx);
    if (request == null) {
      error(ctx, 400, "invalid_request", "Send a form or JSON token request");
      return;
    }
    String clientId = request.get("client_id");
    if (clientId == null) {
      // OAuth 2.1 2.4: a public client names itself at the token endpoint.
      error(ctx, 400, "invalid_request", "client_id is required");
      return;
    }
    if (registrations.find(clientId) == null) {
      error(ctx, 401, "invalid_client", "Unknown client_id");
      return;
    }
    String asked = request.get("resource");
    if (asked != null && !sameResource(asked)) {
      error(ctx, 400, "invalid_target", "resource must be " + resource);
      return;
    }
    String grant = request.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code" -> codeGrant(ctx, request, clientId);
      case "refresh_token" -> refreshGrant(ctx, request, clientId);
      default ->
          error(ctx, 400, "unsupported_grant_type", "Use authorization_code or refresh_token");
    }
  }

  private void codeGrant(Context ctx, Map<String, String> request, String clientId) {
    String redirectUri = request.get("redirect_uri");
    if (request.get("code") == null
        || request.get("code_verifier") == null
        || redirectUri == null
        || !allowList.allows(redirectUri)) {
      error(
          ctx,
          400,
          "invalid_request",
          "code, code_verifier and an allowed redirect_uri are required");
      return;
    }
    JsonNode bound = openCode(request.get("code"));
    if (bound == null) {
      error(ctx, 400, "invalid_grant", "The code is unknown, altered or expired");
      return;
    }
    String boundResource = bound.has("u") ? bound.get("u").stringValue() : null;
    if (!clientDigest(clientId).equals(bound.get("c").stringValue())
        || !redirectUri.equals(bound.get("r").stringValue())) {
      log.info("Token request refused: the code was issued to another client or redirect URI");
      error(
          ctx,
          400,
          "invalid_grant",
          "The code was issued to another client_id or redirect_uri than this request names");
      return;
    }
    Boolean first = consume("cd:" + bound.get("n").stringValue(), states.expiry());
    if (first == null) {
      error(ctx, 503, "temporarily_unavailable", "Try again in a moment");
      return;
    }
    if (!first) {
      log.info("Token request refused: code used before");
      error(ctx, 400, "invalid_grant", "The code was used before");
      return;
    }
    Map<String, String> upstream = new LinkedHashMap<>();
    upstream.put("grant_type", "authorization_code");
    upstream.put("code", bound.get("p").stringValue());
    upstream.put("redirect_uri", callbackUrl());
    upstream.put("code_verifier", request.get("code_verifier"));
    if (boundResource != null) {
      upstream.put("resource", boundResource);
    }
    exchange(ctx, upstream, clientDigest(clientId), boundResource, null);
  }

  private void refreshGrant(Context ctx, Map<String, String> request, String clientId) {
    RefreshTokens.Grant held = refreshTokens.open(request.get("refresh_token"));
    if (held == null) {
      // Includes the provider's own refresh tokens, handed out before the front wrapped them:
      // those could be redeemed again and again, so the client must authorize anew.
      error(ctx, 400, "invalid_grant", "The refresh token is unknown, altered or expired");
      return;
    }
    if (!held.client().equals(clientDigest(clientId))) {
      log.info("Refresh refused: the token was issued to another client");
      error(ctx, 400, "invalid_grant", "The refresh token was issued to another client");
      return;
    }
    Map<String, String> upstream = new LinkedHashMap<>();
    upstream.put("grant_type", "refresh_token");
    upstream.put("refresh_token", held.upstream());
    if (request.get("scope") != null) {
      upstream.put("scope", request.get("scope"));
    }
    if (held.resource() != null) {
      upstream.put("resource", held.resource());
    }
    exchange(ctx, upstream, held.client(), held.resource(), held);
  }

  /** The binding behind a code of this front, or null when it is not one, altered or expired. */
  private JsonNode openCode(String code) {
    if (!code.startsWith(CODE_PREFIX)) {
      return null;
    }
    JsonNode node = parse(sealer.open(CODE, code.substring(CODE_PREFIX.length())));
    if (node == null || config.clock.instant().getEpochSecond() > node.path("e").asLong(0)) {
      return null;
    }
    return node;
  }

  private String clientDigest(String clientId) {
    return sealer.digest("refresh-client", clientId);
  }

  /** Records a single-use id; null when the ledger cannot answer (then nothing is let through). */
  private Boolean consume(String id, java.time.Instant until) {
    try {
      return config.ledgerOrDefault().markConsumed(id, until);
    } catch (RuntimeException e) {
      log.warn("The front's ledger cannot answer: {}", e.getClass().getSimpleName());
      return null;
    }
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Exchanges at the provider and answers the client: the provider's refresh token goes out only
   * wrapped ({@link RefreshTokens}); for a refresh, {@code held} is the generation presented, which
   * is recorded as used only after the provider answered, so a provider outage costs the client
   * nothing, and a reused generation gets nothing whatever the provider said.
   */
  private void exchange(
      Context ctx,
      Map<String, String> upstream,
      String client,
      String boundResource,
      RefreshTokens.Grant held) {
    upstream.put("client_id", config.clientId);
    if (config.clientSecret != null) {
      upstream.put("client_secret", config.clientSecret);
    }
    HttpRequest request =
        HttpRequest.newBuilder(java.net.URI.create(config.providerTokenUrl))
            .timeout(config.providerTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(upstream)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      log.warn("Token exchange at the provider failed: {}", e.getClass().getSimpleName());
      error(ctx, 502, "temporarily_unavailable", "The identity provider cannot be reached");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(ctx, 503, "temporarily_unavailable", "Interrupted");
      return;
    }
    int status = response.statusCode();
    log.info(
        "Token exchange at the provider: HTTP {} ({})",
        status,
        LogSafe.escape(upstream.get("grant_type")));
    ObjectNode body = parse(response.body()) instanceof ObjectNode o ? o : null;
    if (body == null || status >= 500) {
      error(ctx, 502, "temporarily_unavailable", "The identity provider did not answer properly");
      return;
    }
    if (held != null) {
      RefreshTokens.Redemption redemption;
      try {
        redemption = refreshTokens.redeem(held);
      } catch (RuntimeException e) {
        log.warn("The front's ledger cannot answer: {}", e.getClass().getSimpleName());
        error(ctx, 503, "temporarily_unavailable", "Try again in a moment");
        return;
      }
      if (redemption == RefreshTokens.Redemption.REUSED) {
        log.warn("A refresh token was used twice: its family is revoked");
        error(
            ctx,
            400,
            "invalid_grant",
            "This refresh token was used before; every token of this authorization is revoked");
        return;
      }
    }
    if (status == 200) {
      if (!forThisAudience(body.path("access_token").asString(""))) {
        log.warn("Token exchange refused: the provider issued a token for another audience");
        error(
            ctx,
            400,
            "invalid_target",
            "The identity provider issued a token for another audience than " + audience);
        return;
      }
      String upstreamRefresh =
          body.has("refresh_token")
              ? body.get("refresh_token").asString()
              : (held == null ? null : held.upstream());
      if (upstreamRefresh != null) {
        body.put(
            "refresh_token",
            held == null
                ? refreshTokens.issue(client, boundResource, upstreamRefresh)
                : refreshTokens.next(held, upstreamRefresh));
      }
    }
    ctx.status(status == 200 ? 200 : (status == 401 ? 401 : 400))
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .result(body.toString());
  }

  /**
   * Whether a JWT access token names this server's audience (RFC 8707: the token is for this
   * resource). A token that is not a JWT is passed on unread; the MCP endpoint decides.
   */
  private boolean forThisAudience(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return true;
    }
    JsonNode claims;
    try {
      claims =
          parse(
              new String(
                  java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return true;
    }
    if (claims == null) {
      return true;
    }
    JsonNode aud = claims.get("aud");
    if (aud == null) {
      return false;
    }
    if (aud.isString()) {
      return aud.stringValue().equals(audience);
    }
    for (JsonNode value : aud) {
      if (value.isString() && value.stringValue().equals(audience)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Map<String, String> tokenRequest(Context ctx) {
    String body = ctx.body();
    if (body.length() > MAX_BODY) {
      return null;
    }
    String type =
        ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    Map<String, String> values = new LinkedHashMap<>();
    if (type.startsWith("application/json")) {
      JsonNode node = parse(body);
      if (node == null) {
        return null;
      }
      node.properties()
          .forEach(
              e -> {
                if (e.getValue().isString()) {
                  values.put(e.getKey(), e.getValue().stringValue());
                }
              });
    } else {
      ctx.formParamMap()
          .forEach(
              (k, v) -> {
                if (!v.isEmpty()) {
                  values.put(k, v.get(0));
                }
              });
    }
    String authorization = ctx.header("Authorization");
    if (authorization != null
        && authorization.startsWith("Basic ")
        && !values.containsKey("client_id")) {
      try {
        var basic = ctx.basicAuthCredentials();
        if (basic != null) {
          values.put("client_id", basic.getUsername());
        }
      } catch (RuntimeException e) {
        return null;
      }
    }
    return values;
  }

  static String form(Map<String, String> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  static void error(Context ctx, int status, String error, String description) {
    ctx.status(status)
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(Json.object().put("error", error).put("error_description", description).toString());
  }
}
