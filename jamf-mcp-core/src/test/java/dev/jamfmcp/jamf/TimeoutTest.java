package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TimeoutTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();

  @Test
  void slowHeadersBecomeATimeoutException() {
    server.setDispatcher(jamf);
    jamf.enqueue(
        new MockResponse.Builder(json(200, "{\"version\":\"x\"}"))
            .headersDelay(3, TimeUnit.SECONDS)
            .build());
    try (JamfClient client =
        FakeJamf.clientFor(server).requestTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfTimeoutException.class)
          .hasMessageContaining("did not answer GET /api/v1/jamf-pro-version within 300 ms");
    }
    assertThat(jamf.apiRequests).hasSize(1); // a read timeout is not retried
  }

  @Test
  void aBodyThatStallsAfterTheHeadersAlsoTimesOut() {
    server.setDispatcher(jamf);
    jamf.enqueue(
        new MockResponse.Builder(json(200, "{\"version\":\"x\"}"))
            .bodyDelay(3, TimeUnit.SECONDS)
            .build());
    try (JamfClient client =
        FakeJamf.clientFor(server).requestTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(client::jamfProVersion).isInstanceOf(JamfTimeoutException.class);
    }
  }

  @Test
  void waitingForABusyRequestSlotEndsAtTheCallDeadline() throws Exception {
    java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    jamf.handler =
        r -> {
          arrived.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return json(200, "{\"version\":\"1\"}");
        };
    server.setDispatcher(jamf);
    try (JamfClient client =
        FakeJamf.clientFor(server)
            .maxConcurrentRequests(1)
            .callTimeout(Duration.ofMillis(300))
            // Not 300 ms: the token cache this client creates is shared with `patient`, and its
            // token request is bounded by this request timeout; under load that flaked.
            .requestTimeout(Duration.ofSeconds(30))
            .build()) {
      JamfClient patient =
          client
              .newBuilder()
              .callTimeout(Duration.ofSeconds(30))
              .requestTimeout(Duration.ofSeconds(30))
              .build();
      Thread holder = new Thread(patient::jamfProVersion);
      holder.start();
      arrived.await(30, TimeUnit.SECONDS); // the only slot is now taken
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfTimeoutException.class)
          .hasMessageContaining("request slot");
      release.countDown();
      holder.join();
    }
  }

  @Test
  void anOversizedBodyIsRefusedAsAProtocolError() {
    server.setDispatcher(jamf);
    jamf.enqueue(json(200, "{\"version\":\"" + "x".repeat(5000) + "\"}"));
    try (JamfClient client = FakeJamf.clientFor(server).maxResponseBytes(1000).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfProtocolException.class)
          .hasMessageContaining("too large");
    }
  }

  @Test
  void anUnreachableServerIsUnavailable() throws Exception {
    String url = server.url("/").toString();
    server.close();
    try (JamfClient client =
        JamfClient.builder().baseUrl(url).clientCredentials("a", "b").sleeper(d -> {}).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfUnavailableException.class)
          .hasMessageContaining("Could not connect to Jamf Pro");
    }
  }
}
