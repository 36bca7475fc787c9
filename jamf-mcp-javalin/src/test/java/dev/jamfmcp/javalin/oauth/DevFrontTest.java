package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.testing.TestIdp;
import dev.jamfmcp.jwt.JwtAuthenticator;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Development mode's front: register, consent, development sign-in, code exchange with PKCE. */
class DevFrontTest {
  private static final String VERIFIER = "dev-front-verifier-0123456789-0123456789-0123456789";

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aLocalClientGoesThroughConsentAndSignInToAWorkingToken() throws Exception {
    int port = Ports.freeLoopbackPort();
    String base = "http://127.0.0.1:" + port;
    DevTokens dev = DevTokens.generate(base, base + "/mcp");
    JwtAuthenticator jwt = dev.authenticator(c -> {});
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new OAuthPlugin(o -> o.resource(base + "/mcp").devMode(dev).devFront()));
                })
            .start("127.0.0.1", port);
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      String redirect = "http://localhost:6274/oauth/callback";
      HttpResponse<String> registered =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/auth/register"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"client_name\":\"Inspector\",\"redirect_uris\":[\""
                              + redirect
                              + "\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(201);
      String client = Json.mapper().readTree(registered.body()).get("client_id").stringValue();
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/auth/authorize?response_type=code&client_id="
                              + q(client)
                              + "&redirect_uri="
                              + q(redirect)
                              + "&scope=read:jamf&state=s1&code_challenge="
                              + TestIdp.s256(VERIFIER)
                              + "&code_challenge_method=S256"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("Allow Inspector to use Jamf Pro?");
      HttpResponse<String> allowed =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + "/auth/consent"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "decision=allow&request="
                              + q(field(page.body(), "request"))
                              + "&csrf="
                              + q(field(page.body(), "csrf"))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String signIn = allowed.headers().firstValue("Location").orElseThrow();
      assertThat(signIn).startsWith(base + "/dev/authorize?");
      String url = signIn;
      for (int hop = 0; hop < 2; hop++) { // sign-in, then the front's callback
        url =
            browser
                .send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Location")
                .orElseThrow();
      }
      assertThat(url).startsWith(redirect + "?code=").contains("&state=s1&iss=");
      String code = TestIdp.parse(URI.create(url).getRawQuery()).get("code");
      String exchange =
          "grant_type=authorization_code&code="
              + q(code)
              + "&redirect_uri="
              + q(redirect)
              + "&client_id="
              + q(client)
              + "&code_verifier=";
      assertThat(token(browser, base, exchange + "wrong-verifier").statusCode()).isEqualTo(400);
      // The wrong verifier used the code up: a code is single-use, whatever the outcome.
      assertThat(token(browser, base, exchange + VERIFIER).statusCode()).isEqualTo(400);

      // A second round, exchanged properly.
      HttpResponse<String> again =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/auth/authorize?response_type=code&client_id="
                              + q(client)
                              + "&redirect_uri="
                              + q(redirect)
                              + "&scope=read:jamf&state=s2&code_challenge="
                              + TestIdp.s256(VERIFIER)
                              + "&code_challenge_method=S256"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      url = again.headers().firstValue("Location").orElseThrow(); // remembered: no page
      for (int hop = 0; hop < 2; hop++) {
        url =
            browser
                .send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Location")
                .orElseThrow();
      }
      Map<String, String> back = TestIdp.parse(URI.create(url).getRawQuery());
      HttpResponse<String> token =
          token(browser, base, exchange.replace(q(code), q(back.get("code"))) + VERIFIER);
      assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
      String access = Json.mapper().readTree(token.body()).get("access_token").stringValue();
      assertThat(jwt.validate(access).subject()).isEqualTo("demo");
      assertThat(jwt.validate(access).scopes()).containsExactly("read:jamf");
      // The development sign-in answers only the front's own callback.
      HttpResponse<String> direct =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/dev/authorize?client_id="
                              + DevRoutes.CLIENT_ID
                              + "&redirect_uri="
                              + q(redirect)
                              + "&code_challenge=x&code_challenge_method=S256"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(direct.statusCode()).isEqualTo(400);
      assertThat(direct.headers().firstValue("Location")).isEmpty();
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<String> token(HttpClient client, String base, String form)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/auth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
