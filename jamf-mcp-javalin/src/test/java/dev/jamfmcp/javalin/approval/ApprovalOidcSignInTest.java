package dev.jamfmcp.javalin.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.approval.ApprovalState;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.testing.Ports;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page's sign-in against a real OpenID provider in process (mock-oauth2-server): code + PKCE,
 * state, nonce, the ID token verified against the provider's JWKS.
 */
class ApprovalOidcSignInTest {
  private static final String CLIENT_ID = "approval-page";
  private final MockOAuth2Server idp = new MockOAuth2Server();
  private Javalin app;
  private Approvals approvals;
  private String base;
  private String issuer;

  @BeforeEach
  void start() throws Exception {
    idp.start(InetAddress.getByName("127.0.0.1"), 0);
    issuer = idp.issuerUrl("corp").toString();
    int port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    approvals = Approvals.builder(base).build();
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new ApprovalPlugin(
                          a ->
                              a.approvals(approvals)
                                  .publicBaseUrl(base)
                                  .signingKey(ApprovalPageTest.KEY)
                                  .oidc(issuer, CLIENT_ID, "client-secret")));
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

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String pair : uri.getRawQuery().split("&", -1)) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Walks the sign-in from the approval link to the same-site step; returns the browser. */
  private Browser signIn(String id, String subject, Map<String, Object> claims) throws Exception {
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), claims, 300));
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(303);
    HttpResponse<String> start = browser.get(Browser.location(page));
    assertThat(start.statusCode()).isEqualTo(303);
    assertThat(start.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("jamfmcp-signin=").contains("SameSite=Lax", "HttpOnly"));
    URI authorize = URI.create(Browser.location(start));
    assertThat(authorize.toString()).startsWith(issuer);
    Map<String, String> params = query(authorize);
    assertThat(params)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", base + "/approval/callback")
        .containsKeys("state", "nonce", "code_challenge");
    HttpResponse<String> back = browser.get(authorize.toString());
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = Browser.location(back);
    assertThat(callback).startsWith(base + "/approval/callback?");
    HttpResponse<String> done = browser.get(callback);
    assertThat(done.statusCode()).isEqualTo(200);
    // The Strict session cookie is set here, and the page then takes a same-site step.
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("jamfmcp-approver=").contains("SameSite=Strict"));
    assertThat(done.body())
        .contains("Signed in as <strong>" + subject + "</strong>")
        .contains("http-equiv=\"refresh\"")
        .contains("href=\"" + base + "/approve/" + id + "\"");
    return browser;
  }

  @Test
  void thePersonWhoAskedSignsInWithTheProviderAndApproves() throws Exception {
    String id = approvals.open(ApprovalPageTest.erase("alice")).id();
    Browser alice = signIn(id, "alice", Map.of());
    HttpResponse<String> page = alice.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("C02XK17").contains("Signed in as <strong>alice</strong>");
    HttpResponse<String> approved =
        alice.post(
            base + "/approve/" + id,
            Map.of(
                "csrf",
                Browser.csrf(page.body()),
                "decision",
                "approve",
                "phrase",
                "ERASE 2 DEVICES"));
    assertThat(approved.body()).contains("Approved");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").redeemed()).isTrue();
  }

  @Test
  void anotherSubjectIsRefusedAndTheApproverScopeFromTheProviderIsAccepted() throws Exception {
    String id = approvals.open(ApprovalPageTest.erase("alice")).id();
    Browser bob = signIn(id, "bob", Map.of());
    assertThat(bob.get(base + "/approve/" + id).statusCode()).isEqualTo(403);
    Browser carol = signIn(id, "carol", Map.of("scope", "openid approve:jamf"));
    HttpResponse<String> page = carol.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    carol.post(
        base + "/approve/" + id,
        Map.of(
            "csrf", Browser.csrf(page.body()), "decision", "approve", "phrase", "ERASE 2 DEVICES"));
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
  }

  @Test
  void aCallbackWithAnotherStateOrReplayedSignsNobodyIn() throws Exception {
    String id = approvals.open(ApprovalPageTest.erase("alice")).id();
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback("corp", "alice", "JWT", List.of(CLIENT_ID), Map.of(), 300));
    Browser browser = new Browser();
    HttpResponse<String> start = browser.get(base + "/approval/sign-in?id=" + id);
    HttpResponse<String> back = browser.get(Browser.location(start));
    String callback = Browser.location(back);
    String forged = callback.replaceAll("state=[^&]+", "state=forged");
    HttpResponse<String> refused = browser.get(forged);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().allValues("Set-Cookie"))
        .noneSatisfy(c -> assertThat(c).startsWith("jamfmcp-approver="));
    // The transaction cookie is gone after one callback: the real one cannot be replayed either.
    assertThat(browser.get(callback).statusCode()).isEqualTo(400);
    assertThat(browser.get(base + "/approve/" + id).statusCode()).isEqualTo(303);
    // Another browser, with the real callback but without the transaction: refused.
    assertThat(new Browser().get(callback).statusCode()).isEqualTo(400);
  }

  @Test
  void aDiscoveryDocumentNamingAnotherIssuerIsRefused() throws Exception {
    int port = Ports.freeLoopbackPort();
    String url = "http://127.0.0.1:" + port;
    Approvals other = Approvals.builder(url).build();
    Javalin second =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new ApprovalPlugin(
                          a ->
                              a.approvals(other)
                                  .publicBaseUrl(url)
                                  .signingKey(ApprovalPageTest.KEY)
                                  // the provider calls itself ".../corp", not ".../corp/"
                                  .oidc(issuer + "/", CLIENT_ID, null)));
                })
            .start("127.0.0.1", port);
    try {
      String id = other.open(ApprovalPageTest.erase("alice")).id();
      HttpResponse<String> start = new Browser().get(url + "/approval/sign-in?id=" + id);
      assertThat(start.statusCode()).isEqualTo(502);
      assertThat(start.body()).contains("Sign-in unavailable");
    } finally {
      second.stop();
    }
  }
}
