package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.testing.TestIdp;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.MutableClock;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent page of the OAuth front, at the HTTP level, as a browser and an attacker see it. */
class ConsentTest {
  private static final String PROVIDER = "https://idp.example/authorize";
  private static final String CHATGPT = "https://chatgpt.com/connector/oauth/victim-connector";
  private static final String ATTACKER = "https://attacker.example/cb";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Javalin app;
  private String base;

  /** A browser: keeps its cookies, follows no redirect. */
  private HttpClient browser = newBrowser();

  private static HttpClient newBrowser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @BeforeEach
  void start() {
    OAuthPlugin oauth =
        new OAuthPlugin(
            o ->
                o.resource("http://127.0.0.1/mcp")
                    .front(
                        f ->
                            f.publicBaseUrl("http://127.0.0.1")
                                .providerAuthorizeUrl(PROVIDER)
                                .providerTokenUrl("https://idp.example/oauth/token")
                                .clientId("provider-client")
                                .allowRedirectUri(ATTACKER)
                                .stateKey(new byte[32])
                                .clock(clock)));
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(oauth);
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String register(String name, String redirectUri) throws Exception {
    HttpResponse<String> response =
        send(
            browser,
            HttpRequest.newBuilder(URI.create(base + "/auth/register"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.object()
                            .put("client_name", name)
                            .set("redirect_uris", Json.mapper().createArrayNode().add(redirectUri))
                            .toString()))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body()).get("client_id").stringValue();
  }

  private static String authorizeLink(String base, String clientId, String redirect, String scope) {
    return base
        + "/auth/authorize?response_type=code&client_id="
        + q(clientId)
        + "&redirect_uri="
        + q(redirect)
        + "&scope="
        + q(scope)
        + "&state=client-state-1&code_challenge="
        + CHALLENGE
        + "&code_challenge_method=S256";
  }

  private HttpResponse<String> authorize(String clientId, String redirect, String scope)
      throws Exception {
    return send(
        browser,
        HttpRequest.newBuilder(URI.create(authorizeLink(base, clientId, redirect, scope))).build());
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("field " + name).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> answer(HttpClient client, Map<String, String> form)
      throws Exception {
    return send(
        client,
        HttpRequest.newBuilder(URI.create(base + "/auth/consent"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(OAuthFront.form(form)))
            .build());
  }

  private HttpResponse<String> decide(HttpResponse<String> page, String decision) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("request", field(page.body(), "request"));
    form.put("csrf", field(page.body(), "csrf"));
    form.put("decision", decision);
    return answer(browser, form);
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse(null);
  }

  @Test
  void thePageNamesTheClientItsRedirectHostAndTheScopesInPlainWords() throws Exception {
    String client = register("Acme Assistant", CHATGPT);
    HttpResponse<String> page = authorize(client, CHATGPT, "openid read:jamf write:jamf");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(location(page)).isNull();
    assertThat(page.body())
        .contains("Allow Acme Assistant to use Jamf Pro?")
        .contains("<h2 id=\"redirect-host\">chatgpt.com</h2>")
        .contains(CHATGPT)
        .contains("see your Mac and iPad fleet")
        .contains(
            "change devices, groups and policies (each change still needs your confirmation)");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self' https://idp.example https://chatgpt.com");
  }

  @Test
  void aHostileClientNameIsShownAsText() throws Exception {
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
    String client = register(hostile, CHATGPT);
    String body = authorize(client, CHATGPT, "read:jamf").body();
    assertThat(body)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<img");
    // Control and bidi format characters are gone, so the name reads as it is.
    String spoof = register("Chat\u202EtpGPT\nINFO forged log line", CHATGPT);
    assertThat(authorize(spoof, CHATGPT, "read:jamf").body())
        .contains("Allow Chat tpGPT INFO forged log line to use Jamf Pro?")
        .doesNotContain("\u202E");
  }

  @Test
  void allowGoesOnToTheProviderAndDenyReturnsAccessDeniedToTheClient() throws Exception {
    String client = register("Acme Assistant", CHATGPT);
    HttpResponse<String> allowed =
        decide(authorize(client, CHATGPT, "read:jamf write:jamf"), "allow");
    assertThat(allowed.statusCode()).isEqualTo(303);
    assertThat(location(allowed)).startsWith(PROVIDER + "?");
    Map<String, String> sent = TestIdp.parse(URI.create(location(allowed)).getRawQuery());
    assertThat(sent)
        .containsEntry("client_id", "provider-client")
        .containsEntry("redirect_uri", "http://127.0.0.1/auth/callback")
        .containsEntry("scope", "read:jamf write:jamf")
        .containsEntry("code_challenge", CHALLENGE);
    // The callback brings the client's own state back to its redirect URI.
    HttpResponse<String> back =
        send(
            browser,
            HttpRequest.newBuilder(
                    URI.create(base + "/auth/callback?code=abc&state=" + q(sent.get("state"))))
                .build());
    // The code is the front's (bound to client and redirect URI), with the issuer (RFC 9207).
    assertThat(location(back))
        .startsWith(CHATGPT + "?code=jmc_code_")
        .contains("&state=client-state-1&iss=");

    HttpResponse<String> denied =
        decide(authorize(client, CHATGPT, "read:jamf write:jamf admin:jamf"), "deny");
    assertThat(denied.statusCode()).isEqualTo(303);
    assertThat(location(denied))
        .startsWith(CHATGPT + "?error=access_denied&")
        .contains("&state=client-state-1&iss=");
  }

  @Test
  void aPostWithoutThisBrowsersCsrfTokenIsRefused() throws Exception {
    String client = register("Acme Assistant", CHATGPT);
    HttpResponse<String> page = authorize(client, CHATGPT, "read:jamf");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("request", field(page.body(), "request"));
    form.put("decision", "allow");
    HttpResponse<String> missing = answer(browser, form);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(location(missing)).isNull();
    // The right token from another browser (no cookie of its own) is refused too.
    form.put("csrf", field(page.body(), "csrf"));
    HttpResponse<String> elsewhere = answer(newBrowser(), form);
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    // A token is bound to its request: it does not carry over to another client's.
    String other = register("Other", ATTACKER);
    HttpResponse<String> otherPage = authorize(other, ATTACKER, "read:jamf");
    form.put("request", field(otherPage.body(), "request"));
    assertThat(answer(browser, form).statusCode()).isEqualTo(403);
    // And the page's own pair is accepted.
    form.put("csrf", field(otherPage.body(), "csrf"));
    assertThat(answer(browser, form).statusCode()).isEqualTo(303);
  }

  @Test
  void aRememberedAnswerSkipsThePageUntilTheScopesGrowOrItExpires() throws Exception {
    String client = register("Acme Assistant", CHATGPT);
    decide(authorize(client, CHATGPT, "openid read:jamf"), "allow");
    HttpResponse<String> again = authorize(client, CHATGPT, "read:jamf openid");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(location(again)).startsWith(PROVIDER + "?");
    assertThat(authorize(client, CHATGPT, "read:jamf").statusCode()).isEqualTo(302);
    // More than was allowed: asked again, and then both are remembered.
    HttpResponse<String> grown = authorize(client, CHATGPT, "openid read:jamf write:jamf");
    assertThat(grown.statusCode()).isEqualTo(200);
    assertThat(grown.body()).contains("change devices, groups and policies");
    decide(grown, "allow");
    assertThat(authorize(client, CHATGPT, "openid read:jamf write:jamf").statusCode())
        .isEqualTo(302);
    // Another registration (even with the same name and redirect URI) has its own answer.
    String twin = register("Acme Assistant", CHATGPT);
    assertThat(authorize(twin, CHATGPT, "read:jamf").statusCode()).isEqualTo(200);
    // A denial is not remembered; an answer lasts 30 days. After that the old registration is
    // one this browser does not know, and unused registrations expire after a day: register again.
    clock.advance(Duration.ofDays(31));
    HttpResponse<String> expired = authorize(client, CHATGPT, "read:jamf");
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("add it again");
    assertThat(authorize(register("Acme Assistant", CHATGPT), CHATGPT, "read:jamf").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownClientsAndRedirectUrisNotTheirsGetAnErrorPageAndNoRedirect() throws Exception {
    String client = register("Acme Assistant", CHATGPT);
    String forged = client.substring(0, client.length() - 2) + "AA";
    for (String[] link :
        new String[][] {
          {"provider-client", CHATGPT}, // the provider's static id: no name, no consent
          {forged, CHATGPT},
          {"", CHATGPT},
          {client, ATTACKER}, // allowed on the server, but not registered by this client
          {client, "https://chatgpt.com/connector/oauth/someone-else"},
        }) {
      HttpResponse<String> response = authorize(link[0], link[1], "read:jamf");
      assertThat(response.statusCode()).as(link[0] + " " + link[1]).isEqualTo(400);
      assertThat(location(response)).isNull();
      assertThat(response.body()).contains("This link cannot be used").doesNotContain("csrf");
    }
  }

  /**
   * The confused deputy: the victim uses client A; an attacker registers client B with a redirect
   * URI of its own and gets the victim to open B's authorize link. Before the consent page the
   * browser went straight to the provider and, once the victim signed in, B got the victim's code.
   */
  @Test
  void anAuthorizeLinkOfAnotherClientCannotReachTheProviderWithoutTheVictimsAllow()
      throws Exception {
    String victimsClient = register("ChatGPT", CHATGPT);
    decide(authorize(victimsClient, CHATGPT, "read:jamf write:jamf"), "allow");

    HttpClient attacker = newBrowser();
    HttpResponse<String> registered =
        send(
            attacker,
            HttpRequest.newBuilder(URI.create(base + "/auth/register"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\"" + ATTACKER + "\"]}"))
                .build());
    String clientB = Json.mapper().readTree(registered.body()).get("client_id").stringValue();

    // The victim opens the link in the browser that already allowed A.
    HttpResponse<String> page = authorize(clientB, ATTACKER, "read:jamf write:jamf");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(location(page)).isNull();
    assertThat(page.body())
        .contains("Allow ChatGPT to use Jamf Pro?")
        .contains("<h2 id=\"redirect-host\">attacker.example</h2>")
        .contains(ATTACKER);
    // B's link cannot borrow A's redirect URI (and A's remembered answer) either.
    assertThat(authorize(clientB, CHATGPT, "read:jamf").statusCode()).isEqualTo(400);
    // The attacker cannot answer for the victim: its own form token is bound to its own cookie.
    HttpResponse<String> attackersPage =
        send(
            attacker,
            HttpRequest.newBuilder(
                    URI.create(authorizeLink(base, clientB, ATTACKER, "read:jamf write:jamf")))
                .build());
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("request", field(page.body(), "request"));
    forged.put("csrf", field(attackersPage.body(), "csrf"));
    forged.put("decision", "allow");
    HttpResponse<String> crossSite = answer(browser, forged);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(location(crossSite)).isNull();
    // Only the victim's own Allow would go on; Deny sends B nothing but access_denied.
    HttpResponse<String> denied = decide(page, "deny");
    assertThat(location(denied)).startsWith(ATTACKER + "?error=access_denied");
    assertThat(location(denied)).doesNotContain("code=");
  }
}
