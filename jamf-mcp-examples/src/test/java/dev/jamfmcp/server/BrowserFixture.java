package dev.jamfmcp.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real pages in a real browser: the packaged server jar in demo mode, headless Chromium driven by
 * Selenium (Debian's {@code chromium} and {@code chromium-driver}), and a tiny server on another
 * loopback port that plays a client's redirect URI and a page of another origin (to frame or to
 * post from). For the integration tests of the consent and approval pages:
 *
 * <pre>{@code
 * static BrowserFixture browser;
 * @BeforeAll static void start() throws Exception { browser = BrowserFixture.start(); }
 * @AfterAll static void stop() { browser.close(); }
 * ... WebDriver chrome = browser.chrome(1280, 900); chrome.get(browser.base + "/auth/authorize?...");
 * }</pre>
 *
 * <p>Without Chromium and chromedriver the test is skipped with one line saying what to install,
 * unless {@code MCP_REQUIRE_BROWSER=1} (CI), which makes it fail. Screenshots are written to {@code
 * docs/images/} only when {@code -Djamfmcp.screenshots=true}, so normal runs leave the docs alone.
 */
final class BrowserFixture implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("jamfmcp.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("jamfmcp.chromedriver", "/usr/bin/chromedriver"));
  static final String INSTALL = "sudo apt-get install chromium chromium-driver";
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** The demo server's origin, e.g. {@code http://127.0.0.1:41234}. */
  final String base;

  /** The demo's bearer token (from its banner), for MCP calls. */
  final String token;

  /** The other origin (another loopback port), serving {@link #page}s and recording requests. */
  final String other;

  /** Requests the other origin received, as path + query. */
  final List<String> otherRequests = new CopyOnWriteArrayList<>();

  private final Process server;
  private final HttpServer otherServer;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  private BrowserFixture(Process server, String base, String token, HttpServer otherServer) {
    this.server = server;
    this.base = base;
    this.token = token;
    this.otherServer = otherServer;
    this.other = "http://127.0.0.1:" + otherServer.getAddress().getPort();
  }

  /** Skips (or, with MCP_REQUIRE_BROWSER=1, fails) when Chromium or its driver is missing. */
  static void assumeBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": " + INSTALL;
    if ("1".equals(System.getenv("MCP_REQUIRE_BROWSER"))) {
      fail(message + " (MCP_REQUIRE_BROWSER=1)");
    }
    System.out.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }

  /** Starts the packaged jar with {@code --demo} on a free port, and the other origin. */
  static BrowserFixture start() throws IOException {
    assumeBrowser();
    Path jar = Path.of(System.getProperty("jamfmcp.serverJar", "target/jamf-mcp-server.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toAbsolutePath().toString(),
            "--demo",
            "--port",
            "0");
    builder.environment().keySet().removeIf(k -> k.startsWith("JAMF_") || k.startsWith("MCP_"));
    Path log = Path.of("target", "it-logs", "browser-server.stderr");
    Files.createDirectories(log.getParent());
    builder.redirectError(log.toFile());
    Process process = builder.start();
    String[] banner = awaitBanner(process);
    String mcp = banner[0];
    ServerJarIT.awaitReady(mcp, System.nanoTime());
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BrowserFixture fixture =
        new BrowserFixture(process, mcp.replaceFirst("/mcp$", ""), banner[1], other);
    other.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String query = exchange.getRequestURI().getRawQuery();
          fixture.otherRequests.add(path + (query == null ? "" : "?" + query));
          String html = fixture.pages.getOrDefault(path, "<!DOCTYPE html><p>other origin</p>");
          byte[] body = html.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    other.start();
    return fixture;
  }

  /** Reads the banner up to its token (it follows the endpoint); returns {endpoint, token}. */
  private static String[] awaitBanner(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    String token = null;
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = ServerJarIT.ENDPOINT.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
      if (line.startsWith(Banner.TOKEN)) {
        token = line.substring(Banner.TOKEN.length()).trim();
      }
      if (url != null && (token != null || line.startsWith("Stop with"))) {
        // Keep draining stdout so the server never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // discard
                    }
                  } catch (IOException e) {
                    // the server stopped
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return new String[] {url, token};
      }
    }
    throw new AssertionError("the demo server printed no endpoint");
  }

  /**
   * Opens {@code url} in a frame of a page on the other origin, next to a control frame of this
   * server's that any origin may frame, waits until the control frame has loaded, and leaves the
   * driver inside the {@code url} frame: what it shows there is what the browser let through.
   */
  void openFramedByOtherOrigin(WebDriver chrome, String path, String url) {
    page(
        path,
        "<!DOCTYPE html><iframe id=\"control\" src=\""
            + base
            + "/.well-known/oauth-authorization-server\"></iframe>"
            + "<iframe id=\"framed\" src=\""
            + url.replace("&", "&amp;")
            + "\"></iframe>");
    chrome.get(other + path);
    await("the control frame")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              chrome.switchTo().defaultContent();
              chrome.switchTo().frame("control");
              return chrome.getPageSource().contains("authorization_endpoint");
            });
    chrome.switchTo().defaultContent();
    chrome.switchTo().frame("framed");
  }

  /** Serves {@code html} at {@code path} of the other origin. */
  void page(String path, String html) {
    pages.put(path, html);
  }

  /** A fresh headless Chromium (its own profile) with a window of this size. */
  WebDriver chrome(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("jamfmcp-chromium-");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // The window cannot be narrower than 500 px: the viewport is set exactly, as a phone's when
    // narrow (mobile layout, no scrollbars).
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    drivers.add(driver);
    return driver;
  }

  /** Waits until the browser's address starts with {@code prefix}; returns it. */
  static String awaitUrl(WebDriver driver, String prefix) {
    await("the browser at " + prefix)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> driver.getCurrentUrl().startsWith(prefix));
    return driver.getCurrentUrl();
  }

  /** Saves a screenshot to docs/images/{name} when -Djamfmcp.screenshots=true. */
  static void screenshot(WebDriver driver, String name) throws IOException {
    if (!Boolean.getBoolean("jamfmcp.screenshots")) {
      return;
    }
    Path target =
        Path.of(System.getProperty("jamfmcp.repoRoot", ".."), "docs", "images", name)
            .toAbsolutePath()
            .normalize();
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    System.out.println("screenshot: " + target);
  }

  /** A JSON POST to the server. */
  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A form POST to the server. */
  HttpResponse<String> postForm(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    drivers.forEach(WebDriver::quit);
    otherServer.stop(0);
    server.destroy();
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Path profile : profiles) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a temp folder left behind
      }
    }
  }
}
