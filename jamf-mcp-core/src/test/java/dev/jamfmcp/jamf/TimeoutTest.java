package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

  /**
   * Deterministic whatever the load: the only slot is held until the assertion is done, so the
   * impatient call can only end at its deadline while waiting for the slot. The patient client is
   * built first because the shared token cache fetches tokens with the settings of the client that
   * created it: built from the impatient one, a token request slower than 300 ms (a loaded machine,
   * a cold HttpClient) failed, the slot was never taken, and the impatient call timed out on the
   * wire instead ("did not answer").
   */
  @Test
  void waitingForABusyRequestSlotEndsAtTheCallDeadline() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
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
    try (JamfClient patient =
        FakeJamf.clientFor(server)
            .maxConcurrentRequests(1)
            .callTimeout(Duration.ofSeconds(30))
            .requestTimeout(Duration.ofSeconds(30))
            .build()) {
      JamfClient impatient =
          patient
              .newBuilder()
              .callTimeout(Duration.ofMillis(300))
              .requestTimeout(Duration.ofMillis(300))
              .build();
      AtomicReference<Object> held = new AtomicReference<>();
      Thread holder =
          new Thread(
              () -> {
                try {
                  held.set(patient.jamfProVersion());
                } catch (RuntimeException e) {
                  held.set(e);
                }
              });
      holder.start();
      assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue(); // the only slot is now taken
      try {
        assertThatThrownBy(impatient::jamfProVersion)
            .isInstanceOf(JamfTimeoutException.class)
            .hasMessageContaining("request slot");
      } finally {
        release.countDown();
        holder.join();
      }
      assertThat(held.get()).isNotInstanceOf(Throwable.class).isNotNull();
      assertThat(jamf.apiRequests).hasSize(1); // the impatient call never reached Jamf Pro
      assertThat(jamf.tokenRequests.get()).isEqualTo(1); // and used the shared token
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
