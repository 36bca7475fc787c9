package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.stream.Collectors;

/** One person's browser on the approval page: its own cookie jar, redirects not followed. */
final class ApprovalPageBrowser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String url, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Signs in as {@code user} with the development sign-in of the page at {@code base}, opens the
   * approval {@code id}, types {@code phrase} and approves (each form with its CSRF token).
   */
  void signInAndApprove(String base, String id, String user, String phrase)
      throws IOException, InterruptedException {
    HttpResponse<String> form = get(base + "/approval/dev-sign-in?id=" + id);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn =
        post(
            base + "/approval/dev-sign-in",
            Map.of("csrf", csrf(form.body()), "id", id, "user", user));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String url = base + "/approve/" + id;
    HttpResponse<String> page = get(url);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(phrase);
    HttpResponse<String> decided =
        post(url, Map.of("csrf", csrf(page.body()), "decision", "approve", "phrase", phrase));
    assertThat(decided.statusCode()).isLessThan(400);
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in:\n" + html).isTrue();
    return m.group(1);
  }
}
