package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.testing.TestIdp;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.Ports;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth front's OAuth 2.1 rules (issue 19, V8, V12, RFC 8707 and the registration bounds),
 * against a real OpenID provider in process (mock-oauth2-server), which, like many providers,
 * neither rotates refresh tokens nor refuses a reused one: the front must.
 */
class OAuthFrontAttackTest {
  private static final String CHATGPT = "https://chatgpt.com/connector/oauth/c0nn3ct0r-42";
  private static final String CLAUDE = "https://claude.ai/api/mcp/auth_callback";
  private static final String VERIFIER = "pkce-verifier-0123456789-0123456789-0123456789-abc";
  private static final String SECRET = "upstream-s3cret";

  private final MockOAuth2Server idp = new MockOAuth2Server();
  private final MutableClock clock = new MutableClock(Instant.now());
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private Javalin app;
  private String base;
  private String resource;

  private void start(Consumer<OAuthFrontConfig> extra) throws Exception {
    idp.start(InetAddress.getByName("127.0.0.1"), 0);
    String issuer = idp.issuerUrl("corp").toString();
    int port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    resource = base + "/mcp";
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(
                          o ->
                              o.resource(resource)
                                  .front(
                                      f -> {
                                        f.providerAuthorizeUrl(issuer + "/authorize")
                                            .providerTokenUrl(issuer + "/token")
                                            .clientId("front-at-provider")
                                            .clientSecret(SECRET)
                                            // the provider's first token call is slow on a
                                            // loaded machine (502 at the 10 s default)
                                            .providerTimeout(Duration.ofSeconds(60))
                                            .clock(clock);
                                        extra.accept(f);
                                      })));
                })
            .start("127.0.0.1", port);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    idp.shutdown();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> token(String form) throws Exception {
    return post("/auth/token", "application/x-www-form-urlencoded", form);
  }

  private String register(String redirect) throws Exception {
    HttpResponse<String> r =
        post(
            "/auth/register",
            "application/json",
            "{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\"" + redirect + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.mapper().readTree(r.body()).get("client_id").stringValue();
  }

  private String authorizeUrl(String clientId, String redirect, String extra) {
    return base
        + "/auth/authorize?response_type=code&client_id="
        + q(clientId)
        + "&redirect_uri="
        + q(redirect)
        + "&scope="
        + q("openid read:jamf")
        + "&state=client-state&code_challenge="
        + TestIdp.s256(VERIFIER)
        + "&code_challenge_method=S256"
        + extra;
  }

  private HttpResponse<String> allow(HttpResponse<String> page) throws Exception {
    return ConsentForm.allow(http, URI.create(base + "/auth/consent"), page);
  }

  /** Consent, the provider, the callback: the URL the browser lands on at the client. */
  private String browserFlow(String clientId, String redirect) throws Exception {
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "corp", "alice", "JWT", List.of(resource), Map.of("scope", "openid read:jamf"), 3600));
    HttpResponse<String> page =
        get(authorizeUrl(clientId, redirect, "&resource=" + q(resource)), null);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    HttpResponse<String> allowed = allow(page);
    HttpResponse<String> atProvider =
        get(allowed.headers().firstValue("Location").orElseThrow(), null);
    assertThat(atProvider.statusCode()).isEqualTo(302);
    callbackUrl = atProvider.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> back = get(callbackUrl, null);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    return back.headers().firstValue("Location").orElseThrow();
  }

  private String callbackUrl;

  private String codeExchange(String clientId, String redirect, String code) {
    return "grant_type=authorization_code&code="
        + q(code)
        + "&redirect_uri="
        + q(redirect)
        + "&code_verifier="
        + VERIFIER
        + "&client_id="
        + q(clientId)
        + "&resource="
        + q(resource);
  }

  private static String codeOf(String landing) {
    return TestIdp.parse(URI.create(landing).getRawQuery()).get("code");
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.mapper().readTree(response.body());
  }

  private String refresh(String clientId, String refreshToken) {
    return "grant_type=refresh_token&refresh_token="
        + q(refreshToken)
        + "&client_id="
        + q(clientId)
        + "&resource="
        + q(resource);
  }

  // V8 -------------------------------------------------------------------------------------------

  @Test
  void refreshTokensRotateAndAReuseRevokesTheFamily() throws Exception {
    start(f -> {});
    String client = register(CHATGPT);
    String code = codeOf(browserFlow(client, CHATGPT));
    HttpResponse<String> first = token(codeExchange(client, CHATGPT, code));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String r0 = json(first).get("refresh_token").stringValue();
    assertThat(r0).startsWith("jmr_");
    // The provider's own refresh token never reaches the client (not even readable inside).
    HttpResponse<String> r1Response = token(refresh(client, r0));
    assertThat(r1Response.statusCode()).as(r1Response.body()).isEqualTo(200);
    String r1 = json(r1Response).get("refresh_token").stringValue();
    assertThat(r1).startsWith("jmr_").isNotEqualTo(r0);
    assertThat(json(r1Response).get("access_token").stringValue()).isNotBlank();
    // Rotation: r1 works once; a second redemption of r0 (a stolen copy) is refused ...
    HttpResponse<String> reuse = token(refresh(client, r0));
    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(json(reuse).get("error").stringValue()).isEqualTo("invalid_grant");
    assertThat(reuse.body()).doesNotContain("access_token");
    // ... and revokes the family: the live r1 is refused too.
    HttpResponse<String> afterRevocation = token(refresh(client, r1));
    assertThat(afterRevocation.statusCode()).isEqualTo(400);
    assertThat(json(afterRevocation).get("error").stringValue()).isEqualTo("invalid_grant");
  }

  @Test
  void aRefreshTokenIsBoundToItsClientAndRawOrAlteredTokensAreRefused() throws Exception {
    start(f -> {});
    String client = register(CHATGPT);
    String other = register(CLAUDE);
    String r0 =
        json(token(codeExchange(client, CHATGPT, codeOf(browserFlow(client, CHATGPT)))))
            .get("refresh_token")
            .stringValue();
    assertThat(token(refresh(other, r0)).statusCode()).isEqualTo(400);
    assertThat(token(refresh(client, r0.substring(0, r0.length() - 2) + "AA")).statusCode())
        .isEqualTo(400);
    assertThat(token(refresh(client, "a-provider-refresh-token")).statusCode()).isEqualTo(400);
    // Without client_id (public clients must name themselves), refused as well.
    assertThat(token("grant_type=refresh_token&refresh_token=" + q(r0)).statusCode())
        .isEqualTo(400);
    // The refusals above consumed nothing: the owner still refreshes.
    assertThat(token(refresh(client, r0)).statusCode()).isEqualTo(200);
    // An unused refresh token expires (refreshTokenTtl, 30 days by default).
    String r1 =
        json(token(codeExchange(client, CHATGPT, codeOf(browserFlow(client, CHATGPT)))))
            .get("refresh_token")
            .stringValue();
    clock.advance(Duration.ofDays(31));
    assertThat(token(refresh(client, r1)).statusCode()).isEqualTo(400);
  }

  // V12 ------------------------------------------------------------------------------------------

  @Test
  void stateAndCodeAreSingleUseAndTheRedirectUriIsBoundFromAuthorizeToToken() throws Exception {
    start(f -> {});
    String client = register(CHATGPT);
    String landing = browserFlow(client, CHATGPT);
    // The provider's callback replayed (the same state) goes nowhere.
    HttpResponse<String> replay = get(callbackUrl, null);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.headers().firstValue("Location")).isEmpty();
    String code = codeOf(landing);
    // Another registered redirect URI of the same client, or another client, cannot redeem it.
    String both =
        Json.mapper()
            .readTree(
                post(
                        "/auth/register",
                        "application/json",
                        "{\"redirect_uris\":[\"" + CHATGPT + "\",\"" + CLAUDE + "\"]}")
                    .body())
            .get("client_id")
            .stringValue();
    assertThat(token(codeExchange(client, CLAUDE, code)).statusCode()).isEqualTo(400);
    assertThat(token(codeExchange(both, CHATGPT, code)).statusCode()).isEqualTo(400);
    // Without redirect_uri: refused.
    assertThat(
            token(codeExchange(client, CHATGPT, code).replace("&redirect_uri=" + q(CHATGPT), ""))
                .statusCode())
        .isEqualTo(400);
    // The right one redeems it once.
    assertThat(token(codeExchange(client, CHATGPT, code)).statusCode()).isEqualTo(200);
    HttpResponse<String> again = token(codeExchange(client, CHATGPT, code));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).get("error").stringValue()).isEqualTo("invalid_grant");
  }

  @Test
  void theAuthorizationResponseNamesTheIssuer() throws Exception {
    start(f -> {});
    JsonNode metadata = json(get(base + "/.well-known/oauth-authorization-server", null));
    assertThat(metadata.get("authorization_response_iss_parameter_supported").booleanValue())
        .isTrue();
    String issuer = metadata.get("issuer").stringValue();
    String client = register(CHATGPT);
    Map<String, String> landing =
        TestIdp.parse(URI.create(browserFlow(client, CHATGPT)).getRawQuery());
    assertThat(landing).containsEntry("iss", issuer).containsEntry("state", "client-state");
    // Error responses carry it too (RFC 9207 section 2).
    HttpResponse<String> wrongResource =
        get(authorizeUrl(client, CHATGPT, "&resource=" + q("https://evil.example/mcp")), null);
    assertThat(TestIdp.parse(URI.create(location(wrongResource)).getRawQuery()))
        .containsEntry("iss", issuer)
        .containsEntry("error", "invalid_target");
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  // RFC 8707 -------------------------------------------------------------------------------------

  @Test
  void aResourceOtherThanTheMcpUrlGetsInvalidTarget() throws Exception {
    start(f -> {});
    String client = register(CHATGPT);
    for (String wrong :
        new String[] {
          "https://evil.example/mcp", resource + "/other", base + "/", resource + "#x", "mcp"
        }) {
      HttpResponse<String> refused =
          get(authorizeUrl(client, CHATGPT, "&resource=" + q(wrong)), null);
      assertThat(refused.statusCode()).as(wrong).isEqualTo(302);
      assertThat(location(refused)).as(wrong).startsWith(CHATGPT + "?error=invalid_target&");
    }
    // The canonical form's variants are the same resource.
    assertThat(
            get(authorizeUrl(client, CHATGPT, "&resource=" + q(resource + "/")), null).statusCode())
        .isEqualTo(200);
    assertThat(
            get(
                    authorizeUrl(
                        client,
                        CHATGPT,
                        "&resource=" + q(resource.toUpperCase().replace("/MCP", "/mcp"))),
                    null)
                .statusCode())
        .isEqualTo(200);
    // At the token endpoint, before the provider is asked.
    String code = codeOf(browserFlow(client, CHATGPT));
    HttpResponse<String> token =
        token(
            codeExchange(client, CHATGPT, code)
                .replace(q(resource), q("https://evil.example/mcp")));
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(json(token).get("error").stringValue()).isEqualTo("invalid_target");
    assertThat(token(codeExchange(client, CHATGPT, code)).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAudienceIsNotHandedOut() throws Exception {
    start(f -> {});
    String client = register(CHATGPT);
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "corp", "alice", "JWT", List.of("https://other-api.example"), Map.of(), 3600));
    HttpResponse<String> page =
        get(authorizeUrl(client, CHATGPT, "&resource=" + q(resource)), null);
    // Walk the flow by hand: the queued callback (wrong audience) is the one the provider uses.
    HttpResponse<String> allowed = allow(page);
    String landing = location(get(location(get(location(allowed), null)), null));
    HttpResponse<String> token = token(codeExchange(client, CHATGPT, codeOf(landing)));
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(json(token).get("error").stringValue()).isEqualTo("invalid_target");
    assertThat(token.body()).doesNotContain("access_token");
  }

  // Registration bounds --------------------------------------------------------------------------

  @Test
  void registrationIsBoundedInSizeAndCountPerAddress() throws Exception {
    start(f -> f.registrationsPerHour(3));
    String padded =
        "{\"client_name\":\"" + "x".repeat(5000) + "\",\"redirect_uris\":[\"" + CHATGPT + "\"]}";
    HttpResponse<String> big = post("/auth/register", "application/json", padded);
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(json(big).get("error").stringValue()).isEqualTo("invalid_client_metadata");
    register(CHATGPT);
    register(CHATGPT);
    register(CHATGPT);
    HttpResponse<String> over =
        post("/auth/register", "application/json", "{\"redirect_uris\":[\"" + CHATGPT + "\"]}");
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
    clock.advance(Duration.ofMinutes(61));
    register(CHATGPT);
  }

  @Test
  void anUnusedRegistrationExpiresAndAUsedOneStaysInTheBrowserThatAllowedIt() throws Exception {
    start(f -> {});
    String unused = register(CHATGPT);
    String used = register(CHATGPT);
    HttpResponse<String> page = get(authorizeUrl(used, CHATGPT, ""), null);
    HttpResponse<String> allowed = allow(page);
    String consent =
        allowed.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("jamfmcp-consent-"))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    clock.advance(Duration.ofHours(25));
    HttpResponse<String> expired = get(authorizeUrl(unused, CHATGPT, ""), null);
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("add it again");
    assertThat(expired.headers().firstValue("Location")).isEmpty();
    // The client allowed in this browser goes on (to the provider: the answer is remembered).
    assertThat(get(authorizeUrl(used, CHATGPT, ""), consent).statusCode()).isEqualTo(302);
    // In another browser (a link sent to someone else) it is refused like an unused one.
    assertThat(get(authorizeUrl(used, CHATGPT, ""), null).statusCode()).isEqualTo(400);
  }
}
