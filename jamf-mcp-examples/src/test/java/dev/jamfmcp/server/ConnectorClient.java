package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What ChatGPT does to connect to an MCP server, step by step, asserting each answer: the client
 * side of {@link ChatGptConnectorFlowTest} and {@link ReverseProxyTest}. The person in front of the
 * browser allows on the server's consent page and signs in at mock-oauth2-server's login page.
 */
final class ConnectorClient {
  /** The redirect URI ChatGPT registers (on the server's default allow-list). */
  static final String CHATGPT_REDIRECT = "https://chatgpt.com/connector_platform_oauth_redirect";

  private final HttpClient http;

  /** {@code http} must not follow redirects: each one is a step to check. */
  ConnectorClient(HttpClient http) {
    this.http = http;
  }

  /** The access and refresh token a client holds, and its registration. */
  record Tokens(String access, String refresh, String clientId, String tokenEndpoint) {}

  /**
   * Everything ChatGPT does from the MCP URL to a token, a person signing in at the provider in
   * between.
   */
  Tokens connect(String base, String providerAuthorizeUrl) throws Exception {
    // 1. An MCP call without a token: 401 naming the protected-resource metadata.
    HttpResponse<String> challenge =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"openai-mcp\",\"version\":\"1\"}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(challenge.statusCode()).isEqualTo(401);
    Matcher metadataUrl =
        Pattern.compile("resource_metadata=\"([^\"]+)\"")
            .matcher(challenge.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertThat(metadataUrl.find()).isTrue();
    // 2. Protected-resource metadata: the resource and its authorization server.
    JsonNode resourceMetadata = getJson(metadataUrl.group(1));
    String resource = resourceMetadata.get("resource").stringValue();
    assertThat(resource).isEqualTo(base + "/mcp");
    String authorizationServer = resourceMetadata.at("/authorization_servers/0").stringValue();
    // 3. Authorization-server metadata (RFC 8414), at the path ChatGPT tries first.
    JsonNode server = getJson(wellKnown(authorizationServer));
    assertThat(server.get("code_challenge_methods_supported").toString()).contains("S256");
    // 4. Dynamic client registration (RFC 7591), a public client as ChatGPT registers.
    HttpResponse<String> registered =
        http.send(
            HttpRequest.newBuilder(URI.create(server.get("registration_endpoint").stringValue()))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\""
                            + CHATGPT_REDIRECT
                            + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                            + "\"response_types\":[\"code\"],"
                            + "\"token_endpoint_auth_method\":\"none\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String clientId = Json.mapper().readTree(registered.body()).get("client_id").stringValue();
    // 5. Authorize with PKCE (S256), the scopes the server offers and the resource.
    String verifier = randomUrlSafe(48);
    String state = randomUrlSafe(16);
    StringJoiner scopes = new StringJoiner(" ");
    server.get("scopes_supported").forEach(s -> scopes.add(s.stringValue()));
    Map<String, String> authorize = new LinkedHashMap<>();
    authorize.put("response_type", "code");
    authorize.put("client_id", clientId);
    authorize.put("redirect_uri", CHATGPT_REDIRECT);
    authorize.put("state", state);
    authorize.put("scope", scopes.toString());
    authorize.put("code_challenge", s256(verifier));
    authorize.put("code_challenge_method", "S256");
    authorize.put("resource", resource);
    HttpResponse<String> consent =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.get("authorization_endpoint").stringValue() + "?" + form(authorize)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // 5b. The server's consent page names the client; the person allows.
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
    assertThat(consent.body()).contains("ChatGPT");
    String toProvider = allow(base, consent);
    assertThat(toProvider).startsWith(providerAuthorizeUrl + "?");
    // 6. Sign-in at the provider: its login page, a user name, no extra claims.
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(toProvider)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("name=\"username\"");
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(toProvider))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&claims="))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    // 7. The provider calls the server back; the server sends the browser on to ChatGPT.
    String callback = signedIn.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(base + "/auth/callback?");
    HttpResponse<String> toChatGpt =
        http.send(
            HttpRequest.newBuilder(URI.create(callback)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(toChatGpt.statusCode()).isIn(302, 303);
    URI back = URI.create(toChatGpt.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(CHATGPT_REDIRECT + "?");
    Map<String, String> returned = query(back);
    assertThat(returned).containsEntry("state", state).containsKey("code");
    // 8. The code for tokens, with the verifier (a public client: no secret).
    String tokenEndpoint = server.get("token_endpoint").stringValue();
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", returned.get("code"));
    exchange.put("redirect_uri", CHATGPT_REDIRECT);
    exchange.put("code_verifier", verifier);
    exchange.put("client_id", clientId);
    exchange.put("resource", resource);
    JsonNode tokens = postForm(tokenEndpoint, exchange);
    assertThat(tokens.path("token_type").asString("")).isEqualToIgnoringCase("Bearer");
    assertThat(tokens.path("refresh_token").isString()).as(tokens.toString()).isTrue();
    return new Tokens(
        tokens.get("access_token").stringValue(),
        tokens.get("refresh_token").stringValue(),
        clientId,
        tokenEndpoint);
  }

  /** The refresh ChatGPT makes when the access token has expired. */
  Tokens refresh(String base, Tokens tokens) throws Exception {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("grant_type", "refresh_token");
    request.put("refresh_token", tokens.refresh);
    request.put("client_id", tokens.clientId);
    request.put("resource", base + "/mcp");
    JsonNode refreshed = postForm(tokens.tokenEndpoint, request);
    String refreshToken =
        refreshed.path("refresh_token").isString()
            ? refreshed.get("refresh_token").stringValue()
            : tokens.refresh;
    return new Tokens(
        refreshed.get("access_token").stringValue(),
        refreshToken,
        tokens.clientId,
        tokens.tokenEndpoint);
  }

  /** Submits the consent page's form with Allow; returns where it sends the browser. */
  private String allow(String base, HttpResponse<String> page) throws Exception {
    Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(request.find() && csrf.find()).as(page.body()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("decision", "allow");
    fields.put("request", unescape(request.group(1)));
    fields.put("csrf", unescape(csrf.group(1)));
    HttpRequest.Builder post =
        HttpRequest.newBuilder(URI.create(base + "/auth/consent"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    page.headers()
        .allValues("Set-Cookie")
        .forEach(cookie -> post.header("Cookie", cookie.split(";", 2)[0]));
    HttpResponse<String> allowed = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(303);
    return allowed.headers().firstValue("Location").orElseThrow();
  }

  private static String unescape(String html) {
    return html.replace("&#43;", "+")
        .replace("&#61;", "=")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  /** RFC 8414's well-known URL of an issuer (path inserted after the host). */
  static String wellKnown(String issuer) {
    URI uri = URI.create(issuer);
    String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
    return uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + "/.well-known/oauth-authorization-server"
        + path;
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private JsonNode postForm(String url, Map<String, String> fields) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  static String form(Map<String, String> fields) {
    StringJoiner joiner = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  static String s256(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
