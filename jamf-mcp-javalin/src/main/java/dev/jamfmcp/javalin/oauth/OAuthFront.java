package dev.jamfmcp.javalin.oauth;

import dev.jamfmcp.javalin.LogSafe;
import dev.jamfmcp.javalin.pages.Sealer;
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

  private final OAuthFrontConfig config;
  private final String base;
  private final RedirectAllowList allowList;
  private final SignedState states;
  private final Registrations registrations;
  private final Consent consent;
  private final HttpClient http;
  private final Set<String> registered = Collections.synchronizedSet(new LinkedHashSet<>());

  OAuthFront(OAuthFrontConfig config, String base) {
    this.config = config;
    this.base = base;
    this.allowList = new RedirectAllowList(config.redirectUris);
    this.states = new SignedState(config.stateKeyOrRandom(), config.stateTtl, config.clock);
    Sealer sealer = new Sealer(config.stateKeyOrRandom());
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
    ArrayNode supported = doc.putArray("scopes_supported");
    scopes.forEach(supported::add);
    return doc.toString();
  }

  void register(Context ctx) {
    JsonNode request;
    try {
      String body = ctx.body();
      request = body.length() > MAX_BODY ? null : Json.mapper().readTree(body);
    } catch (RuntimeException e) {
      request = null;
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
    Consent.Request request =
        new Consent.Request(
            client.clientId(),
            redirectUri,
            ctx.queryParam("state"),
            scope == null || scope.isBlank() ? config.defaultScope : scope,
            challenge,
            ctx.queryParam("resource"));
    if (consent.remembered(ctx, request)) {
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
      log.info("Consent given to client {}", client.displayName());
      consent.remember(ctx, request);
      toProvider(ctx, request);
      return;
    }
    log.info("Consent denied to client {}", client.displayName());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", "access_denied");
    params.put("error_description", "The user denied access");
    if (request.clientState() != null) {
      params.put("state", request.clientState());
    }
    String target =
        request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + form(params);
    ctx.header("Cache-Control", "no-store").redirect(target, HttpStatus.SEE_OTHER);
  }

  private void toProvider(Context ctx, Consent.Request request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", config.clientId);
    params.put("redirect_uri", callbackUrl());
    params.put("scope", request.scope());
    params.put(
        "state", states.wrap(new SignedState.Flow(request.redirectUri(), request.clientState())));
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
    Map<String, String> params = new LinkedHashMap<>();
    String code = ctx.queryParam("code");
    if (code != null) {
      params.put("code", code);
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
    // The provider's own id stays accepted for clients registered before ids were per client
    // (their refresh tokens); new codes come only through the consent page.
    Registrations.Registration client = registrations.find(clientId);
    if (clientId != null && !clientId.equals(config.clientId) && client == null) {
      error(ctx, 401, "invalid_client", "Unknown client_id");
      return;
    }
    Map<String, String> upstream = new LinkedHashMap<>();
    String grant = request.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code" -> {
        String redirectUri = request.get("redirect_uri");
        if (request.get("code") == null
            || request.get("code_verifier") == null
            || (redirectUri != null && !allowList.allows(redirectUri))
            || (redirectUri != null
                && client != null
                && !client.redirectUris().contains(redirectUri))) {
          error(
              ctx,
              400,
              "invalid_request",
              "code, code_verifier and an allowed redirect_uri are required");
          return;
        }
        upstream.put("grant_type", grant);
        upstream.put("code", request.get("code"));
        upstream.put("redirect_uri", callbackUrl());
        upstream.put("code_verifier", request.get("code_verifier"));
      }
      case "refresh_token" -> {
        if (request.get("refresh_token") == null) {
          error(ctx, 400, "invalid_request", "refresh_token is required");
          return;
        }
        upstream.put("grant_type", grant);
        upstream.put("refresh_token", request.get("refresh_token"));
        if (request.get("scope") != null) {
          upstream.put("scope", request.get("scope"));
        }
      }
      default -> {
        error(ctx, 400, "unsupported_grant_type", "Use authorization_code or refresh_token");
        return;
      }
    }
    if (request.get("resource") != null) {
      upstream.put("resource", request.get("resource"));
    }
    upstream.put("client_id", config.clientId);
    if (config.clientSecret != null) {
      upstream.put("client_secret", config.clientSecret);
    }
    exchange(ctx, upstream);
  }

  private void exchange(Context ctx, Map<String, String> upstream) {
    HttpRequest request =
        HttpRequest.newBuilder(java.net.URI.create(config.providerTokenUrl))
            .timeout(config.providerTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(upstream)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      log.info("Token exchange at the provider: HTTP {} ({})", status, upstream.get("grant_type"));
      JsonNode body = parse(response.body());
      if (body == null || status >= 500) {
        error(ctx, 502, "temporarily_unavailable", "The identity provider did not answer properly");
        return;
      }
      ctx.status(status == 200 ? 200 : (status == 401 ? 401 : 400))
          .contentType("application/json")
          .header("Cache-Control", "no-store")
          .header("Pragma", "no-cache")
          .result(body.toString());
    } catch (IOException e) {
      log.warn("Token exchange at the provider failed: {}", e.getClass().getSimpleName());
      error(ctx, 502, "temporarily_unavailable", "The identity provider cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(ctx, 503, "temporarily_unavailable", "Interrupted");
    }
  }

  private static JsonNode parse(String text) {
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
