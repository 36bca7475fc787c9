package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.testing.SecuredServer;
import dev.jamfmcp.javalin.testing.TestIdp;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.CapturedLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OAuth front as ChatGPT uses it, open-redirect refusals, and what the logs never show. */
class OAuthFrontEndToEndTest {
  private static final String CHATGPT = "https://chatgpt.com/connector/oauth/c0nn3ct0r-42";
  private static final String VERIFIER = "pkce-verifier-0123456789-0123456789-0123456789-abc";
  private SecuredServer s;

  @BeforeEach
  void start() throws Exception {
    s = new SecuredServer(true, r -> {});
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        s.client.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return s.client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> allow(HttpResponse<String> page) throws Exception {
    return ConsentForm.allow(s.client, s.uri("/auth/consent"), page);
  }

  /** The whole ChatGPT flow; returns the access token and refresh token it got. */
  private String[] chatGptFlow() throws Exception {
    // 1. The unauthenticated MCP call names the metadata.
    HttpResponse<String> challenge = s.send(s.post("/mcp", SecuredServer.init()));
    assertThat(challenge.statusCode()).isEqualTo(401);
    Matcher m =
        Pattern.compile("resource_metadata=\"([^\"]+)\"")
            .matcher(challenge.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertThat(m.find()).isTrue();
    // 2. Protected-resource metadata at both paths.
    JsonNode prm = getJson(m.group(1));
    assertThat(getJson(s.base + "/.well-known/oauth-protected-resource")).isEqualTo(prm);
    assertThat(prm.get("resource").stringValue()).isEqualTo(s.resource);
    assertThat(prm.at("/bearer_methods_supported/0").stringValue()).isEqualTo("header");
    assertThat(prm.get("scopes_supported").toString()).contains("read:jamf").contains("write:jamf");
    String as = prm.at("/authorization_servers/0").stringValue();
    assertThat(as).isEqualTo(s.base);
    // 3. Authorization-server metadata.
    JsonNode meta = getJson(as + "/.well-known/oauth-authorization-server");
    assertThat(meta.get("code_challenge_methods_supported").toString()).contains("S256");
    // 4. Dynamic client registration.
    HttpResponse<String> registered =
        s.client.send(
            HttpRequest.newBuilder(URI.create(meta.get("registration_endpoint").stringValue()))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\""
                            + CHATGPT
                            + "\"],\"token_endpoint_auth_method\":\"none\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(registered.body()).doesNotContain(TestIdp.CLIENT_SECRET);
    String clientId = Json.mapper().readTree(registered.body()).get("client_id").stringValue();
    assertThat(s.oauth.registeredRedirectUris()).contains(CHATGPT);
    // 5. Authorize: the browser goes to the provider, with this server's callback.
    String state = "opaque-state-from-chatgpt==";
    HttpResponse<String> toProvider =
        get(
            meta.get("authorization_endpoint").stringValue()
                + "?response_type=code&client_id="
                + q(clientId)
                + "&redirect_uri="
                + q(CHATGPT)
                + "&scope="
                + q("openid read:jamf write:jamf")
                + "&state="
                + q(state)
                + "&code_challenge="
                + TestIdp.s256(VERIFIER)
                + "&code_challenge_method=S256&resource="
                + q(s.resource));
    // 5b. The consent page names the client; the person allows.
    assertThat(toProvider.statusCode()).isEqualTo(200);
    assertThat(toProvider.body()).contains("Allow ChatGPT to use Jamf Pro?");
    HttpResponse<String> allowed = allow(toProvider);
    assertThat(allowed.statusCode()).isEqualTo(303);
    String providerUrl = allowed.headers().firstValue("Location").orElseThrow();
    assertThat(providerUrl)
        .startsWith(s.idp.issuer + "authorize?")
        .doesNotContain(TestIdp.CLIENT_SECRET);
    Map<String, String> sent = TestIdp.parse(URI.create(providerUrl).getRawQuery());
    assertThat(sent)
        .containsEntry("client_id", TestIdp.CLIENT_ID)
        .containsEntry("redirect_uri", s.base + "/auth/callback")
        .containsEntry("code_challenge", TestIdp.s256(VERIFIER))
        .containsEntry("resource", s.resource)
        .containsEntry("scope", "openid read:jamf write:jamf");
    // 6. The provider logs the user in and calls back; the callback returns to ChatGPT.
    HttpResponse<String> toCallback = get(providerUrl);
    assertThat(toCallback.statusCode()).isEqualTo(302);
    HttpResponse<String> toChatGpt = get(toCallback.headers().firstValue("Location").orElseThrow());
    assertThat(toChatGpt.statusCode()).isEqualTo(302);
    String back = toChatGpt.headers().firstValue("Location").orElseThrow();
    assertThat(back).startsWith(CHATGPT + "?code=");
    Map<String, String> returned = TestIdp.parse(URI.create(back).getRawQuery());
    assertThat(returned.get("state")).isEqualTo(state);
    // 7. Token exchange, as a form.
    HttpResponse<String> token =
        s.client.send(
            HttpRequest.newBuilder(URI.create(meta.get("token_endpoint").stringValue()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&code="
                            + q(returned.get("code"))
                            + "&redirect_uri="
                            + q(CHATGPT)
                            + "&code_verifier="
                            + VERIFIER
                            + "&client_id="
                            + q(clientId)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    assertThat(token.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode tokens = Json.mapper().readTree(token.body());
    Map<String, String> upstream = s.idp.tokenRequests.get(0);
    assertThat(upstream)
        .containsEntry("client_secret", TestIdp.CLIENT_SECRET)
        .containsEntry("code_verifier", VERIFIER)
        .containsEntry("redirect_uri", s.base + "/auth/callback");
    return new String[] {
      tokens.get("access_token").stringValue(), tokens.get("refresh_token").stringValue()
    };
  }

  @Test
  void chatGptDiscoversRegistersAuthorizesExchangesAndCalls() throws Exception {
    String access = chatGptFlow()[0];
    // 8. The MCP call with the token reaches Jamf with the server's own credentials only.
    String session = s.initialize(access);
    HttpResponse<String> result = s.callTool(access, session, "jamf_version");
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).contains("11.20.0-t1");
    assertThat(s.jamfRequests).isNotEmpty();
    for (RecordedRequest request : s.jamfRequests) {
      assertThat(request.getHeaders().toString()).doesNotContain(access);
      assertThat(request.getBody() == null ? "" : request.getBody().utf8()).doesNotContain(access);
      assertThat(request.getUrl().toString()).doesNotContain(access);
    }
    assertThat(s.jamfRequests.get(s.jamfRequests.size() - 1).getHeaders().get("Authorization"))
        .isEqualTo("Bearer jamf-side-token");
  }

  private String registerChatGpt() throws Exception {
    HttpResponse<String> registered =
        s.client.send(
            HttpRequest.newBuilder(s.uri("/auth/register"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\"" + CHATGPT + "\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(registered.body()).get("client_id").stringValue();
  }

  @Test
  void tokenExchangeAcceptsJson() throws Exception {
    HttpResponse<String> response =
        s.client.send(
            HttpRequest.newBuilder(s.uri("/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"authorization_code\",\"code\":\"nope\","
                            + "\"client_id\":\""
                            + registerChatGpt()
                            + "\","
                            + "\"code_verifier\":\""
                            + VERIFIER
                            + "\",\"redirect_uri\":\""
                            + CHATGPT
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Read as JSON: the code is not one this front issued, so the provider is never asked.
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid_grant");
    assertThat(s.idp.tokenRequests).isEmpty();
  }

  @Test
  void openRedirectsAreRefused() throws Exception {
    String challenge = TestIdp.s256(VERIFIER);
    for (String evil :
        new String[] {
          "https://evil.example/cb",
          "https://chatgpt.com.evil.example/connector/oauth/x",
          "https://chatgpt.com/connector/oauth/x/../../../evil",
          "https://chatgpt.com/connector/oauth/x?next=https://evil.example",
          "https://user@chatgpt.com/connector/oauth/x",
          "http://chatgpt.com/connector/oauth/x",
          "https://claude.ai/api/mcp/auth_callback#frag",
          "javascript:alert(1)"
        }) {
      HttpResponse<String> response =
          get(
              s.base
                  + "/auth/authorize?response_type=code&client_id="
                  + TestIdp.CLIENT_ID
                  + "&redirect_uri="
                  + q(evil)
                  + "&state=s&code_challenge="
                  + challenge
                  + "&code_challenge_method=S256");
      assertThat(response.statusCode()).as(evil).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).as(evil).isEmpty();
      HttpResponse<String> register =
          s.client.send(
              HttpRequest.newBuilder(s.uri("/auth/register"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"" + evil + "\"]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(register.statusCode()).as(evil).isEqualTo(400);
      assertThat(register.body()).contains("invalid_redirect_uri");
    }
    assertThat(s.oauth.registeredRedirectUris()).isEmpty();
    // Claude's callback is allowed (the consent page follows); PKCE is required; a forged
    // callback state goes nowhere.
    String claude =
        Json.mapper()
            .readTree(
                s.client
                    .send(
                        HttpRequest.newBuilder(s.uri("/auth/register"))
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "{\"client_name\":\"Claude\",\"redirect_uris\":"
                                        + "[\"https://claude.ai/api/mcp/auth_callback\"]}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .get("client_id")
            .stringValue();
    String claudeLink =
        s.base
            + "/auth/authorize?response_type=code&client_id="
            + q(claude)
            + "&redirect_uri="
            + q("https://claude.ai/api/mcp/auth_callback");
    assertThat(
            get(claudeLink + "&code_challenge=" + challenge + "&code_challenge_method=S256")
                .statusCode())
        .isEqualTo(200);
    assertThat(get(claudeLink).statusCode()).isEqualTo(400);
    assertThat(get(claudeLink + "&code_challenge=x&code_challenge_method=plain").statusCode())
        .isEqualTo(400);
    HttpResponse<String> forged =
        get(s.base + "/auth/callback?code=c&state=" + q("eyJyIjoiaHR0cHM6Ly9ldmlsIn0.AAAA"));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.headers().firstValue("Location")).isEmpty();
    HttpResponse<String> token =
        s.client.send(
            HttpRequest.newBuilder(s.uri("/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&code=c&code_verifier=v"
                            + "&redirect_uri="
                            + q("https://evil.example/cb")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(s.idp.tokenRequests).isEmpty();
  }

  @Test
  void logsNeverShowTokensOrSecrets() throws Exception {
    String[] tokens;
    String access;
    String log;
    try (CapturedLog captured = new CapturedLog()) {
      tokens = chatGptFlow();
      access = tokens[0];
      String session = s.initialize(access);
      assertThat(s.callTool(access, session, "jamf_version").statusCode()).isEqualTo(200);
      assertThat(s.callTool(access, session, "wipe").statusCode()).isEqualTo(200);
      // Refusals log too: a bad token, a token in the URL, an expired token.
      s.send(
          s.post("/mcp", SecuredServer.init()).header("Authorization", "Bearer " + access + "x"));
      s.send(s.post("/mcp?access_token=" + access, SecuredServer.init()));
      s.clock.advance(java.time.Duration.ofHours(3));
      s.send(s.post("/mcp", SecuredServer.init()).header("Authorization", "Bearer " + access));
      log = captured.text();
    }
    assertThat(log).contains("Bearer token refused").contains("Token exchange at the provider");
    assertThat(log)
        .doesNotContain(access)
        .doesNotContain(access.substring(access.lastIndexOf('.') + 1))
        .doesNotContain(tokens[1])
        .doesNotContain(TestIdp.CLIENT_SECRET)
        .doesNotContain(VERIFIER)
        .doesNotContain(SecuredServer.JAMF_SECRET)
        .doesNotContain("jamf-side-token");
  }
}
