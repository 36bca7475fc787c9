package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth front's consent page in headless Chromium against the packaged jar in demo mode (its
 * development sign-in plays the identity provider): a client registers, the person sees the page
 * and allows or denies, a remembered answer skips the page on a cross-site link, the page refuses
 * to be framed by another origin, and a form post without this browser's CSRF token is refused.
 */
class ConsentBrowserIT {
  private static final String VERIFIER = "browser-it-verifier-0123456789-0123456789-abcdef";
  private static BrowserFixture browser;
  private static String callback;

  @BeforeAll
  static void start() throws Exception {
    browser = BrowserFixture.start();
    callback = browser.other + "/callback";
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String register(String name) {
    HttpResponse<String> registered =
        browser.postJson(
            "/auth/register",
            Json.object()
                .put("client_name", name)
                .set("redirect_uris", Json.mapper().createArrayNode().add(callback))
                .toString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return Json.mapper().readTree(registered.body()).get("client_id").stringValue();
  }

  private static String link(String clientId, String state) throws Exception {
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
    return browser.base
        + "/auth/authorize?response_type=code&client_id="
        + q(clientId)
        + "&redirect_uri="
        + q(callback)
        + "&scope="
        + q("read:jamf write:jamf")
        + "&state="
        + q(state)
        + "&code_challenge="
        + challenge
        + "&code_challenge_method=S256&resource="
        + q(browser.base + "/mcp");
  }

  private static Map<String, String> query(String url) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String text(WebDriver driver, String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void allowGivesTheClientAWorkingTokenAndARememberedAnswerSkipsThePage() throws Exception {
    String client = register("Acme Assistant");
    WebDriver chrome = browser.chrome(1280, 900);
    chrome.get(link(client, "state-allow"));
    assertThat(chrome.getTitle()).startsWith("Allow Acme Assistant to use Jamf Pro?");
    assertThat(text(chrome, "#redirect-host")).isEqualTo("127.0.0.1");
    assertThat(text(chrome, "#redirect-uri")).isEqualTo(callback);
    assertThat(text(chrome, "#permissions"))
        .contains("see your Mac and iPad fleet")
        .contains("change devices, groups and policies");
    BrowserFixture.screenshot(chrome, "consent-desktop.png");

    chrome.findElement(By.id("allow")).click();
    Map<String, String> back = query(BrowserFixture.awaitUrl(chrome, callback + "?"));
    assertThat(back).containsEntry("state", "state-allow").containsKey("code");
    // The client exchanges the code (PKCE) and the token opens an MCP session.
    HttpResponse<String> token =
        browser.postForm(
            "/auth/token",
            "grant_type=authorization_code&code="
                + q(back.get("code"))
                + "&redirect_uri="
                + q(callback)
                + "&code_verifier="
                + VERIFIER
                + "&client_id="
                + q(client));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode tokens = Json.mapper().readTree(token.body());
    assertThat(tokens.get("scope").stringValue()).isEqualTo("read:jamf write:jamf");
    HttpResponse<String> ping =
        ServerJarIT.HTTP.send(
            java.net.http.HttpRequest.newBuilder(URI.create(browser.base + "/mcp"))
                .header("Authorization", "Bearer " + tokens.get("access_token").stringValue())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);

    // The client's next link comes from its own site (a cross-site top-level navigation): the
    // SameSite=Lax answer is sent along, and the page is skipped.
    browser.page(
        "/start",
        "<!DOCTYPE html><a id=\"go\" href=\"" + link(client, "state-again") + "\">go</a>");
    chrome.get(browser.other + "/start");
    chrome.findElement(By.id("go")).click();
    assertThat(query(BrowserFixture.awaitUrl(chrome, callback + "?")))
        .containsEntry("state", "state-again")
        .containsKey("code");
  }

  @Test
  void denyReturnsAccessDeniedToTheClient() throws Exception {
    WebDriver chrome = browser.chrome(1280, 900);
    chrome.get(link(register("Acme Assistant"), "state-deny"));
    chrome.findElement(By.id("deny")).click();
    Map<String, String> back = query(BrowserFixture.awaitUrl(chrome, callback + "?"));
    assertThat(back).containsEntry("error", "access_denied").containsEntry("state", "state-deny");
    assertThat(back).doesNotContainKey("code");
  }

  @Test
  void thePageFitsAPhone() throws Exception {
    WebDriver phone = browser.chrome(390, 844);
    phone.get(link(register("Acme Assistant"), "state-phone"));
    assertThat(phone.findElement(By.id("allow")).isDisplayed()).isTrue();
    Object overflow =
        ((JavascriptExecutor) phone)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow in px")
        .isLessThanOrEqualTo(0);
    BrowserFixture.screenshot(phone, "consent-phone.png");
  }

  @Test
  void anotherOriginCannotFrameThePage() throws Exception {
    String consent = link(register("Acme Assistant"), "state-frame");
    // The control: a document of the server without frame-ancestors loads in the same page.
    WebDriver chrome = browser.chrome(1280, 900);
    browser.openFramedByOtherOrigin(chrome, "/frame", consent);
    assertThat(chrome.getPageSource()).doesNotContain("to use Jamf Pro?");
    assertThat(chrome.findElements(By.id("allow"))).isEmpty();
  }

  @Test
  void aFormPostWithoutThisBrowsersCsrfTokenIsRefused() throws Exception {
    String client = register("Acme Assistant");
    WebDriver chrome = browser.chrome(1280, 900);
    // 1. From another origin: a copy of the form with a genuine request and no token.
    String request =
        browser
            .get(link(client, "state-forged"))
            .body()
            .replaceAll("(?s).*name=\"request\" value=\"([^\"]+)\".*", "$1");
    browser.page(
        "/forge",
        "<!DOCTYPE html><form method=\"post\" action=\""
            + browser.base
            + "/auth/consent\"><input type=\"hidden\" name=\"request\" value=\""
            + request
            + "\"><input type=\"hidden\" name=\"decision\" value=\"allow\">"
            + "<button id=\"go\">go</button></form>");
    chrome.get(browser.other + "/forge");
    chrome.findElement(By.id("go")).click();
    BrowserFixture.awaitUrl(chrome, browser.base + "/auth/consent");
    assertThat(chrome.findElement(By.tagName("h1")).getText())
        .isEqualTo("This answer was not accepted");
    // 2. On the page itself, with its token field taken out.
    chrome.get(link(client, "state-stripped"));
    ((JavascriptExecutor) chrome)
        .executeScript("document.querySelector('input[name=csrf]').remove()");
    chrome.findElement(By.id("allow")).click();
    BrowserFixture.awaitUrl(chrome, browser.base + "/auth/consent");
    assertThat(chrome.findElement(By.tagName("h1")).getText())
        .isEqualTo("This answer was not accepted");
    assertThat(browser.otherRequests)
        .noneMatch(r -> r.contains("state-forged") || r.contains("state-stripped"));
  }
}
