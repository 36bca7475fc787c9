package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.testing.CapturedLog;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jamf Cloud's sticky cookies are replayed; deprecated endpoints are reported once. */
@Timeout(60)
class SessionBehaviourTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();

  @Test
  void replaysStickyCookiesOnLaterRequestsIncludingVariants() {
    server.setDispatcher(jamf);
    jamf.enqueue(
        new MockResponse.Builder(json(200, "{\"version\":\"1\"}"))
            .addHeader("Set-Cookie", "jpro-ingress=node-7; Path=/; HttpOnly")
            .addHeader("Set-Cookie", "APBALANCEID=aws.usw2; Path=/")
            .build());
    jamf.enqueue(json(200, "{\"version\":\"1\"}"));
    jamf.enqueue(json(200, "{\"version\":\"1\"}"));
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      client.jamfProVersion();
      client.jamfProVersion();
      client.newBuilder().requestTimeout(java.time.Duration.ofSeconds(5)).build().jamfProVersion();
    }
    RecordedRequest second = jamf.apiRequests.get(1);
    assertThat(second.getHeaders().values("Cookie").toString())
        .contains("jpro-ingress=node-7")
        .contains("APBALANCEID=aws.usw2");
    assertThat(jamf.apiRequests.get(2).getHeaders().values("Cookie").toString())
        .contains("jpro-ingress=node-7");
  }

  @Test
  void warnsOncePerEndpointAboutDeprecation() {
    jamf.handler =
        r ->
            new MockResponse.Builder(json(200, "{\"totalCount\":0,\"results\":[]}"))
                .setHeader("Deprecation", "@1783987200")
                .setHeader("Sunset", "Tue, 14 Jul 2026 00:00:00 GMT")
                .build();
    server.setDispatcher(jamf);
    String log;
    try (CapturedLog captured = new CapturedLog();
        // 11.29: the v3 inventory, which 11.30.1 deprecates
        JamfClient client = FakeJamf.clientFor(server).jamfProVersion("11.29.0").build()) {
      client.computers().list(ListQuery.all()).toList();
      client.computers().list(ListQuery.all()).toList();
      log = captured.text();
    }
    assertThat(log.split("marks GET /api/v3/computers-inventory as deprecated", -1)).hasSize(2);
    assertThat(log).contains("Sunset: Tue, 14 Jul 2026");
  }
}
