package dev.jamfmcp.javalin.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.approval.ApprovalRequest;
import dev.jamfmcp.mcp.approval.ApprovalState;
import dev.jamfmcp.mcp.approval.ApprovalTarget;
import dev.jamfmcp.mcp.approval.Approvals;
import dev.jamfmcp.mcp.approval.Approvals.RedeemStatus;
import dev.jamfmcp.mcp.approval.SecondPersonPolicy;
import dev.jamfmcp.mcp.testing.MutableClock;
import dev.jamfmcp.mcp.testing.Ports;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The approval page over HTTP, with the development sign-in. */
class ApprovalPageTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock();
  private Javalin app;
  private Approvals approvals;
  private String base;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private void start(SecondPersonPolicy policy) {
    int port = Ports.freeLoopbackPort();
    base = "http://127.0.0.1:" + port;
    approvals = Approvals.builder(base).clock(clock).secondPerson(policy).build();
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new ApprovalPlugin(
                          a ->
                              a.approvals(approvals)
                                  .publicBaseUrl(base)
                                  .signingKey(KEY)
                                  .devSignIn(true)
                                  .clock(clock)));
                })
            .start("127.0.0.1", port);
  }

  private void start() {
    start(SecondPersonPolicy.none());
  }

  static ApprovalRequest erase(String subject) {
    return new ApprovalRequest(
        subject,
        "eraseDevice",
        "Erase",
        "Erase 2 computers and set a PIN",
        List.of(
            new ApprovalTarget(
                "computer", "17", "mid-17", "Kim's <MacBook>", "C02XK17", "MacBook Pro", "kim"),
            new ApprovalTarget(
                "computer", "18", "mid-18", "Lab iMac", "C02XL18", "iMac 24-inch", null)),
        "All data on these computers is erased.",
        "ERASE 2 DEVICES",
        "482913",
        "digest-abc");
  }

  private Browser signedIn(String user, boolean approver, String id) throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> form = browser.get(base + "/approval/dev-sign-in?id=" + id);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signIn =
        browser.post(
            base + "/approval/dev-sign-in",
            approver
                ? Map.of(
                    "csrf", Browser.csrf(form.body()), "id", id, "user", user, "approver", "yes")
                : Map.of("csrf", Browser.csrf(form.body()), "id", id, "user", user));
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(Browser.location(signIn)).isEqualTo(base + "/approve/" + id);
    return browser;
  }

  private HttpResponse<String> decide(Browser browser, String id, String decision, String phrase)
      throws Exception {
    HttpResponse<String> page = browser.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    return browser.post(
        base + "/approve/" + id,
        Map.of("csrf", Browser.csrf(page.body()), "decision", decision, "phrase", phrase));
  }

  @Test
  void theSignInIsRequiredAndLeadsBackToTheRequest() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.body()).doesNotContain("MacBook");
    HttpResponse<String> signIn = browser.get(Browser.location(page));
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(Browser.location(signIn)).isEqualTo(base + "/approval/dev-sign-in?id=" + id);
    HttpResponse<String> form = browser.get(Browser.location(signIn));
    assertThat(form.body()).contains("Development sign-in").contains("name=\"user\"");
    // A POST without a sign-in decides nothing.
    HttpResponse<String> post =
        browser.post(
            base + "/approve/" + id,
            Map.of("csrf", Browser.csrf(form.body()), "decision", "approve"));
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
  }

  @Test
  void thePageShowsExactlyWhatWillHappenAndApprovingLetsTheGateRedeemOnce() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    HttpResponse<String> page = alice.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Erase 2 computers and set a PIN")
        .contains("Kim's &lt;MacBook&gt;", "C02XK17", "MacBook Pro", "kim")
        .contains("Lab iMac", "C02XL18", "iMac 24-inch")
        .contains("All data on these computers is erased.")
        .contains("482913")
        .contains("ERASE 2 DEVICES")
        .doesNotContain("<script");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> approved =
        alice.post(
            base + "/approve/" + id,
            Map.of(
                "csrf",
                Browser.csrf(page.body()),
                "decision",
                "approve",
                "phrase",
                "erase 2 devices"));
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.body()).contains("Approved");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").redeemed()).isTrue();
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").status())
        .isEqualTo(RedeemStatus.ALREADY_USED);
    // Opened again: already done, nothing to decide.
    HttpResponse<String> again = alice.get(base + "/approve/" + id);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Already done").doesNotContain("name=\"csrf\"");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrict() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser browser = new Browser();
    HttpResponse<String> form = browser.get(base + "/approval/dev-sign-in?id=" + id);
    HttpResponse<String> signIn =
        browser.post(
            base + "/approval/dev-sign-in",
            Map.of("csrf", Browser.csrf(form.body()), "id", id, "user", "alice"));
    assertThat(signIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("jamfmcp-approver=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));
  }

  @Test
  void aWrongPhraseDecidesNothingAndDeclineNeedsNone() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    HttpResponse<String> wrong = decide(alice, id, "approve", "ERASE 3 DEVICES");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("does not match");
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    HttpResponse<String> declined = decide(alice, id, "decline", "");
    assertThat(declined.statusCode()).isEqualTo(200);
    assertThat(declined.body()).contains("Declined");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").status())
        .isEqualTo(RedeemStatus.DECLINED);
  }

  @Test
  void anExpiredRequestSaysSoAndCannotBeDecided() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    HttpResponse<String> page = alice.get(base + "/approve/" + id);
    clock.advance(Duration.ofMinutes(10));
    HttpResponse<String> post =
        alice.post(
            base + "/approve/" + id,
            Map.of(
                "csrf",
                Browser.csrf(page.body()),
                "decision",
                "approve",
                "phrase",
                "ERASE 2 DEVICES"));
    assertThat(post.statusCode()).isEqualTo(410);
    assertThat(post.body()).contains("expired");
    assertThat(alice.get(base + "/approve/" + id).statusCode()).isEqualTo(410);
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").status())
        .isEqualTo(RedeemStatus.EXPIRED);
  }

  @Test
  void anotherUserIsRefusedAndSeesNothing() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    String token = Browser.csrf(alice.get(base + "/approve/" + id).body());
    Browser bob = signedIn("bob", false, id);
    HttpResponse<String> page = bob.get(base + "/approve/" + id);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Not your request").doesNotContain("MacBook", "482913");
    // Bob with a token for his own form cookie: refused as not his.
    HttpResponse<String> formPage = bob.get(base + "/approval/dev-sign-in?id=" + id);
    assertThat(formPage.statusCode()).isEqualTo(200);
    assertThat(token).isNotBlank();
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
  }

  @Test
  void anApproverMayApproveSomeoneElsesRequest() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser carol = signedIn("carol", true, id);
    HttpResponse<String> approved = decide(carol, id, "approve", "ERASE 2 DEVICES");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approvals.find(id).orElseThrow().approvedBy()).containsExactly("carol");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").redeemed()).isTrue();
  }

  @Test
  void fourEyesNeedASecondDifferentApproverOnTheSamePage() throws Exception {
    start(SecondPersonPolicy.parse("tools=eraseDevice"));
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    HttpResponse<String> first = decide(alice, id, "approve", "ERASE 2 DEVICES");
    assertThat(first.body()).contains("Waiting for a second person");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").status())
        .isEqualTo(RedeemStatus.PENDING);
    HttpResponse<String> mine = alice.get(base + "/approve/" + id);
    assertThat(mine.body()).contains("You approved this request").doesNotContain("name=\"phrase\"");
    Browser bob = signedIn("bob", false, id);
    assertThat(bob.get(base + "/approve/" + id).statusCode()).isEqualTo(403);
    Browser carol = signedIn("carol", true, id);
    HttpResponse<String> second = decide(carol, id, "approve", "ERASE 2 DEVICES");
    assertThat(second.body()).contains("Approved");
    assertThat(approvals.find(id).orElseThrow().approvedBy()).containsExactly("alice", "carol");
    assertThat(approvals.redeem(id, "alice", "eraseDevice", "digest-abc").redeemed()).isTrue();
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndDecidesNothing() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    String other = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    alice.get(base + "/approve/" + id);
    HttpResponse<String> none =
        alice.post(
            base + "/approve/" + id, Map.of("decision", "approve", "phrase", "ERASE 2 DEVICES"));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
    // A token minted for another request does not fit this one.
    String otherToken = Browser.csrf(alice.get(base + "/approve/" + other).body());
    HttpResponse<String> crossed =
        alice.post(
            base + "/approve/" + id,
            Map.of("csrf", otherToken, "decision", "approve", "phrase", "ERASE 2 DEVICES"));
    assertThat(crossed.statusCode()).isEqualTo(403);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    assertThat(approvals.find(id).orElseThrow().approvedBy()).isEmpty();
  }

  @Test
  void anUnknownOrMalformedIdIsAPlain404() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    HttpResponse<String> unknown = alice.get(base + "/approve/ap_" + "0".repeat(32));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no request at this address");
    assertThat(alice.get(base + "/approve/c1.forged").statusCode()).isEqualTo(404);
    assertThat(new Browser().get(base + "/approve/not-an-id").statusCode()).isEqualTo(404);
  }

  @Test
  void aTamperedSessionCookieIsNoSignIn() throws Exception {
    start();
    String id = approvals.open(erase("alice")).id();
    Browser alice = signedIn("alice", false, id);
    var cookie =
        alice.cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("jamfmcp-approver"))
            .findFirst()
            .orElseThrow();
    String value = cookie.getValue();
    String payload = value.substring(0, value.indexOf('.'));
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"sub\":\"carol\",\"scp\":[\"approve:jamf\"],\"exp\":9999999999}"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(forged).isNotEqualTo(payload);
    cookie.setValue(forged + value.substring(value.indexOf('.')));
    assertThat(alice.get(base + "/approve/" + id).statusCode()).isEqualTo(303);
  }

  @Test
  void theDevelopmentSignInExistsOnlyWhenAskedForAndOnlyOnLoopback() throws Exception {
    int port = Ports.freeLoopbackPort();
    String url = "http://127.0.0.1:" + port;
    Approvals real = Approvals.builder(url).build();
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.registerPlugin(
                      new ApprovalPlugin(
                          a ->
                              a.approvals(real)
                                  .publicBaseUrl(url)
                                  .signingKey(KEY)
                                  .oidc("http://127.0.0.1:1/", "client", null)));
                })
            .start("127.0.0.1", port);
    String id = real.open(erase("alice")).id();
    assertThat(new Browser().get(url + "/approval/dev-sign-in?id=" + id).statusCode())
        .isEqualTo(404);
    assertThatThrownBy(() -> ApprovalPlugin.refuseNonLoopback("0.0.0.0"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ApprovalPlugin.refuseNonLoopback(null))
        .isInstanceOf(IllegalStateException.class);
    ApprovalPlugin.refuseNonLoopback("127.0.0.1");
    assertThatThrownBy(
            () ->
                Javalin.create(
                    config ->
                        config.registerPlugin(
                            new ApprovalPlugin(
                                a -> a.approvals(real).publicBaseUrl(url).signingKey(KEY)))))
        .hasMessageContaining("needs a sign-in");
  }
}
