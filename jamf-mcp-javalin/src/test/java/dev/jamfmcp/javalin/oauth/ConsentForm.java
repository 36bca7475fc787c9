package dev.jamfmcp.javalin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OAuth front's consent page, answered as a browser does. */
final class ConsentForm {
  private static final Pattern REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private ConsentForm() {}

  /** Allows on {@code page}, with the page's cookie and form fields, at {@code consent}. */
  static HttpResponse<String> allow(HttpClient client, URI consent, HttpResponse<String> page)
      throws Exception {
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher request = REQUEST.matcher(page.body());
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(request.find() && csrf.find()).isTrue();
    return client.send(
        HttpRequest.newBuilder(consent)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "decision=allow&request=" + q(request.group(1)) + "&csrf=" + q(csrf.group(1))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
