package dev.jamfmcp.javalin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.Content;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final HttpClient client = HttpClient.newHttpClient();
  private final FormGuard guard = new FormGuard(KEY, false);
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private void start() {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/page",
                      ctx -> {
                        String token = guard.tokenFor(ctx, "test:1");
                        Content body = out -> out.writeUserContent(token);
                        Pages.send(
                            ctx,
                            200,
                            Pages.render(
                                "layout.jte",
                                Map.of("title", ctx.queryParam("title"), "content", body)));
                      });
                  config.routes.post(
                      "/page",
                      ctx -> ctx.result(guard.accepts(ctx, "test:1") ? "accepted" : "refused"));
                })
            .start("127.0.0.1", 0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  @Test
  void aPageEscapesWhatItShowsAndForbidsFramingScriptsAndCaching() throws Exception {
    start();
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(uri("/page?title=%3Cscript%3Ealert(1)%3C/script%3E")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self'")
        .doesNotContain("unsafe");
    // The inline stylesheet is the one the policy's hash allows.
    String style =
        page.body().substring(page.body().indexOf("<style>") + 7, page.body().indexOf("</style>"));
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
    assertThat(csp).contains("style-src 'sha256-" + hash + "'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Strict");
  }

  @Test
  void aFormPostNeedsTheTokenThatMatchesItsCookie() throws Exception {
    start();
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(uri("/page?title=t")).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String body = page.body();
    String token = body.substring(body.indexOf("</h1>") + 5, body.indexOf("</main>")).trim();
    assertThat(post(cookie, token)).isEqualTo("accepted");
    assertThat(post(cookie, "")).isEqualTo("refused");
    assertThat(post(cookie, token.substring(1) + "A")).isEqualTo("refused");
    assertThat(post("jamfmcp-form=" + "x".repeat(43), token)).isEqualTo("refused");
    assertThat(post(null, token)).isEqualTo("refused");
  }

  private String post(String cookie, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/page"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(FormGuard.FIELD + "=" + token));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
