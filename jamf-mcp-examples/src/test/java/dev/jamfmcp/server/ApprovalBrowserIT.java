package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The approval page in headless Chromium against the packaged jar in demo mode: a client without
 * elicitation asks to erase two Macs over MCP and gets only the approval URL; in the browser the
 * person signs in (development sign-in), sees the devices, what cannot be undone and the generated
 * PIN, types the phrase and approves (the call then runs once) or declines (it is cancelled). A
 * wrong phrase, another user, a frame of another origin and a form post without the CSRF token
 * decide nothing. Expiry is not driven here: the shortest {@code MCP_APPROVAL_TTL} is one minute,
 * and the page's expired answer is covered by ApprovalPageTest with a clock.
 */
class ApprovalBrowserIT {
  private static BrowserFixture browser;
  private static McpHttpSession mcp;

  @BeforeAll
  static void start() throws Exception {
    browser = BrowserFixture.start();
    mcp = new McpHttpSession(URI.create(browser.base + "/mcp"), browser.token);
    mcp.initialize(); // declares no elicitation: the approval URL comes in the result
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** An erase the model asked for: its arguments and what came back. */
  private record Asked(ObjectNode arguments, String id, String url, JsonNode result) {}

  private static Asked askToErase(String... deviceIds) throws Exception {
    ObjectNode arguments = Json.object().put("command", "erase");
    ArrayNode ids = arguments.putArray("deviceIds");
    for (String device : deviceIds) {
      ids.add(device);
    }
    JsonNode result = call(arguments);
    assertThat(result.at("/structuredContent/status").asString(""))
        .as(result.toString())
        .isEqualTo("approval_required");
    String id = result.at("/structuredContent/approval/id").stringValue();
    String url = result.at("/structuredContent/approval/url").stringValue();
    assertThat(url).isEqualTo(browser.base + "/approve/" + id);
    return new Asked(arguments, id, url, result);
  }

  private static JsonNode call(ObjectNode arguments) throws Exception {
    return mcp.request(
        "tools/call",
        Json.object().put("name", "sendMdmCommand").set("arguments", arguments).toString());
  }

  /** The model's next call, with the approval id. */
  private static JsonNode callAgain(Asked asked) throws Exception {
    return call(asked.arguments().deepCopy().put("approvalId", asked.id()));
  }

  private static void assertStillPending(Asked asked) throws Exception {
    JsonNode result = callAgain(asked);
    assertThat(result.at("/structuredContent/status").asString(""))
        .as(result.toString())
        .isEqualTo("approval_required");
  }

  /** Opens the approval URL and signs in with the demo's development sign-in as {@code user}. */
  private static void signIn(WebDriver chrome, Asked asked, String user) {
    chrome.get(asked.url());
    BrowserFixture.awaitUrl(chrome, browser.base + "/approval/dev-sign-in");
    chrome.findElement(By.id("user")).sendKeys(user);
    chrome.findElement(By.cssSelector("button[type=submit]")).click();
    BrowserFixture.awaitUrl(chrome, asked.url());
    await("the page after sign-in")
        .atMost(Duration.ofSeconds(20))
        .until(() -> !chrome.findElements(By.tagName("h1")).isEmpty());
  }

  private static String h1(WebDriver chrome) {
    return chrome.findElement(By.tagName("h1")).getText();
  }

  private static String phrase(WebDriver chrome) {
    return chrome.findElement(By.cssSelector("label[for=phrase] strong")).getText();
  }

  private static void answer(WebDriver chrome, String typed, String decision) {
    chrome.findElement(By.id("phrase")).sendKeys(typed);
    chrome.findElement(By.cssSelector("button[value=" + decision + "]")).click();
  }

  /** Name and serial of each device row of the page. */
  private static List<List<String>> devices(WebDriver chrome) {
    return chrome.findElements(By.cssSelector("tbody tr")).stream()
        .map(
            row -> {
              List<WebElement> cells = row.findElements(By.tagName("td"));
              return List.of(
                  cells.get(0).findElement(By.tagName("strong")).getText(), cells.get(1).getText());
            })
        .toList();
  }

  @Test
  void aPersonApprovesAnEraseAndTheCallRunsOnce() throws Exception {
    Asked asked = askToErase("computer:1", "computer:2");
    WebDriver chrome = browser.chrome(1280, 900);
    signIn(chrome, asked, "demo");

    assertThat(h1(chrome)).containsIgnoringCase("erase");
    List<List<String>> devices = devices(chrome);
    assertThat(devices).hasSize(2);
    for (List<String> device : devices) {
      assertThat(device.get(0)).isNotBlank();
      assertThat(device.get(1)).isNotBlank().isNotEqualTo("-");
    }
    String page = chrome.findElement(By.tagName("main")).getText();
    assertThat(page).containsIgnoringCase("cannot be undone");
    String pin = chrome.findElement(By.cssSelector(".secret")).getText();
    assertThat(pin).matches("[0-9]{6}");
    // The PIN is the person's alone: the model never saw it.
    assertThat(asked.result().toString()).doesNotContain(pin);
    assertThat(phrase(chrome)).isEqualTo("ERASE 2 DEVICES");
    BrowserFixture.screenshot(chrome, "approval-desktop.png");

    answer(chrome, "ERASE 2 DEVICES", "approve");
    BrowserFixture.awaitUrl(chrome, asked.url());
    assertThat(h1(chrome)).isEqualTo("Approved");

    JsonNode done = callAgain(asked);
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(done.toString()).doesNotContain(pin);
    JsonNode twice = callAgain(asked);
    assertThat(twice.path("isError").asBoolean(false)).as(twice.toString()).isTrue();
    assertThat(twice.toString()).contains("already been used");
    chrome.get(asked.url());
    assertThat(h1(chrome)).isEqualTo("Already done");
  }

  @Test
  void declineCancelsTheCall() throws Exception {
    Asked asked = askToErase("computer:3", "computer:4");
    WebDriver chrome = browser.chrome(1280, 900);
    signIn(chrome, asked, "demo");
    chrome.findElement(By.cssSelector("button[value=decline]")).click();
    BrowserFixture.awaitUrl(chrome, asked.url());
    assertThat(h1(chrome)).isEqualTo("Declined");

    JsonNode result = callAgain(asked);
    assertThat(result.at("/structuredContent/status").asString(""))
        .as(result.toString())
        .isEqualTo("cancelled");
    assertThat(result.toString()).contains("declined").contains("nothing was done");
    assertThat(result.toString()).doesNotContain("\"executed\"");
  }

  @Test
  void aWrongPhraseIsRefusedAndDecidesNothing() throws Exception {
    Asked asked = askToErase("computer:5", "computer:6");
    WebDriver chrome = browser.chrome(1280, 900);
    signIn(chrome, asked, "demo");
    answer(chrome, "ERASE 3 DEVICES", "approve");
    BrowserFixture.awaitUrl(chrome, asked.url());
    assertThat(chrome.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("does not match")
        .contains("nothing was decided");
    // still the review, with the form to answer
    assertThat(chrome.findElements(By.id("phrase"))).hasSize(1);
    assertStillPending(asked);
  }

  @Test
  void anotherUserIsRefusedAndSeesNoDevice() throws Exception {
    Asked asked = askToErase("computer:7", "computer:8");
    WebDriver owner = browser.chrome(1280, 900);
    signIn(owner, asked, "demo");
    List<List<String>> devices = devices(owner);
    assertThat(devices).hasSize(2);

    WebDriver other = browser.chrome(1280, 900);
    signIn(other, asked, "mallory");
    assertThat(h1(other)).isEqualTo("Not your request");
    String source = other.getPageSource();
    for (List<String> device : devices) {
      assertThat(source).doesNotContain(device.get(0)).doesNotContain(device.get(1));
    }
    assertThat(other.findElements(By.id("phrase"))).isEmpty();
    assertThat(source).doesNotContain("ERASE 2 DEVICES");
    assertStillPending(asked);
  }

  @Test
  void anotherOriginCannotFrameThePage() throws Exception {
    Asked asked = askToErase("computer:9", "computer:10");
    WebDriver chrome = browser.chrome(1280, 900);
    // Signed in: 127.0.0.1 on another port is the same site, so the frame would carry the session.
    signIn(chrome, asked, "demo");
    assertThat(chrome.findElements(By.id("phrase"))).hasSize(1);

    browser.openFramedByOtherOrigin(chrome, "/frame-approval", asked.url());
    // Neither the page nor a sign-in form is rendered in the frame: the browser refused it.
    assertThat(chrome.getPageSource())
        .doesNotContain("ERASE 2 DEVICES")
        .doesNotContain("Development sign-in");
    assertThat(chrome.findElements(By.id("phrase"))).isEmpty();
    assertThat(chrome.findElements(By.id("user"))).isEmpty();
    assertThat(chrome.findElements(By.cssSelector("button[value=approve]"))).isEmpty();
    chrome.switchTo().defaultContent();
    assertStillPending(asked);
  }

  @Test
  void aFormPostWithoutThePagesCsrfTokenIsRefused() throws Exception {
    Asked asked = askToErase("computer:11", "computer:12");
    WebDriver chrome = browser.chrome(1280, 900);
    signIn(chrome, asked, "demo");
    // 1. From another origin (same site, so the cookies go along): the form without the token.
    browser.page(
        "/forge-approval",
        "<!DOCTYPE html><form method=\"post\" action=\""
            + asked.url()
            + "\"><input type=\"hidden\" name=\"phrase\" value=\"ERASE 2 DEVICES\">"
            + "<input type=\"hidden\" name=\"decision\" value=\"approve\">"
            + "<button id=\"go\">go</button></form>");
    chrome.get(browser.other + "/forge-approval");
    chrome.findElement(By.id("go")).click();
    BrowserFixture.awaitUrl(chrome, asked.url());
    assertThat(h1(chrome)).isEqualTo("Form expired");
    assertThat(chrome.findElement(By.tagName("main")).getText()).contains("nothing was decided");
    assertStillPending(asked);

    // 2. On the page itself, with its token field taken out.
    chrome.get(asked.url());
    ((JavascriptExecutor) chrome)
        .executeScript("document.querySelector('input[name=csrf]').remove()");
    answer(chrome, "ERASE 2 DEVICES", "approve");
    BrowserFixture.awaitUrl(chrome, asked.url());
    assertThat(h1(chrome)).isEqualTo("Form expired");
    assertStillPending(asked);
    chrome.get(asked.url());
    assertThat(chrome.findElements(By.id("phrase"))).hasSize(1);
  }

  @Test
  void thePageFitsAPhone() throws Exception {
    Asked asked = askToErase("computer:13", "computer:14");
    WebDriver phone = browser.chrome(390, 844);
    signIn(phone, asked, "demo");
    assertThat(phone.findElement(By.cssSelector("button[value=approve]")).isDisplayed()).isTrue();
    assertThat(phone.findElement(By.cssSelector(".secret")).getText()).matches("[0-9]{6}");
    Object overflow =
        ((JavascriptExecutor) phone)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow in px")
        .isLessThanOrEqualTo(0);
    // The phone shot starts at the devices, so the PIN and the buttons are on it.
    ((JavascriptExecutor) phone)
        .executeScript(
            "[...document.querySelectorAll('h2')]"
                + ".find(h => h.textContent.includes('target')).scrollIntoView()");
    BrowserFixture.screenshot(phone, "approval-phone.png");
  }
}
