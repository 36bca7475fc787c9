package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Error answers become typed exceptions with messages a person can act on. */
@Timeout(60)
class ErrorMappingTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();
  JamfClient client;

  private static final String CLASSIC_404 =
      """
            <html>
            <head>
               <title>Status page</title>
               <style>body { font-family: sans-serif; }</style>
            </head>
            <body style="font-family: sans-serif;">
            <p style="font-size: 1.2em;font-weight: bold;margin: 1em 0px;">Not Found</p>
            <p>The server has not found anything matching the request URI</p>
            <p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5">here</a>.<br>
            Please continue your visit at our <a href="/">home page</a>.
            </p>
            </body>
            </html>""";

  @BeforeEach
  void start() {
    server.setDispatcher(jamf);
    client = FakeJamf.clientFor(server).maxRetries(0).build();
  }

  @Test
  void classicHtmlErrorPagesAreReducedToTheirText() {
    jamf.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/html;charset=UTF-8")
            .body(CLASSIC_404)
            .build());
    assertThatThrownBy(() -> client.policies().get(999))
        .isInstanceOf(JamfNotFoundException.class)
        .hasMessageContaining("GET /JSSResource/policies/id/{id} failed with HTTP 404")
        .hasMessageContaining(
            "Not Found The server has not found anything matching the request URI")
        .hasMessageNotContaining("<p")
        .hasMessageNotContaining("font-family");
  }

  @Test
  void jamfErrorCodesAreKept() {
    jamf.enqueue(
        json(
            404,
            "{\"httpStatus\":404,\"errors\":[{\"code\":\"INVALID_ID\",\"description\":"
                + "\"Computer with id 99 does not exist\",\"id\":\"99\",\"field\":null}]}"));
    assertThatThrownBy(() -> client.computers().detail("99"))
        .isInstanceOfSatisfying(
            JamfNotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).contains("INVALID_ID");
              assertThat(e.operation()).isEqualTo("GET /api/v4/computers-inventory-detail/{id}");
            })
        .hasMessageContaining("Computer with id 99 does not exist");
  }

  @Test
  void forbiddenNamesTheMissingPrivilege() {
    jamf.enqueue(
        json(
            403,
            "{\"httpStatus\":403,\"errors\":[{\"code\":\"FORBIDDEN\","
                + "\"description\":\"Forbidden\"}]}"));
    assertThatThrownBy(() -> client.scripts().get("1"))
        .isInstanceOfSatisfying(
            JamfAuthException.class,
            e -> assertThat(e.requiredPrivileges()).containsExactly("Read Scripts"))
        .hasMessageContaining("Jamf Pro refused: the API role needs 'Read Scripts'");
  }

  @Test
  void serverErrorsAndUnavailabilityAreDistinct() {
    jamf.enqueue(json(500, "{\"httpStatus\":500,\"errors\":[]}"));
    assertThatThrownBy(() -> client.scripts().get("1")).isInstanceOf(JamfServerException.class);
    jamf.enqueue(new MockResponse.Builder().code(502).body("Bad gateway").build());
    assertThatThrownBy(() -> client.scripts().get("1"))
        .isInstanceOf(JamfUnavailableException.class)
        .hasMessageContaining("Bad gateway");
  }

  @Test
  void malformedSingleObjectsAndClassicShapesAreProtocolErrors() {
    jamf.enqueue(json(200, "<html>oops</html>"));
    assertThatThrownBy(() -> client.scripts().get("1")).isInstanceOf(JamfProtocolException.class);
    jamf.enqueue(json(200, "{\"something_else\":{}}"));
    assertThatThrownBy(() -> client.policies().get(1))
        .isInstanceOf(JamfProtocolException.class)
        .hasMessageContaining("no \"policy\" member");
    jamf.enqueue(json(200, "{\"version\":null}"));
    assertThat(client.jamfProVersion()).isNull();
  }
}
