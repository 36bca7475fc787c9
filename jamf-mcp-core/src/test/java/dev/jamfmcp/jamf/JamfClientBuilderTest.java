package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JamfClientBuilderTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void refusesIncompleteOrNonsensicalSettings() {
    assertThatThrownBy(() -> JamfClient.builder().clientCredentials("a", "b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> JamfClient.builder().baseUrl("https://x.jamfcloud.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> JamfClient.builder().baseUrl("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JamfClient.builder().clientCredentials("a", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JamfClient.builder().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JamfClient.builder().requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ListQuery.all().withPageSize(99_999).pageSize()).isEqualTo(ListQuery.MAX_PAGE_SIZE);
  }

  @Test
  void variantsShareTheRequestLimitAndTheTokenOfTheirJamfInstance() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    FakeJamf jamf = new FakeJamf();
    jamf.handler =
        r -> {
          maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return json(200, "{\"version\":\"1\"}");
        };
    server.setDispatcher(jamf);
    try (JamfClient base = FakeJamf.clientFor(server).maxConcurrentRequests(2).build()) {
      JamfClient variant = base.newBuilder().requestTimeout(Duration.ofSeconds(9)).build();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        JamfClient c = i % 2 == 0 ? base : variant;
        threads.add(new Thread(c::jamfProVersion));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
    }
    assertThat(jamf.apiRequests).hasSize(6);
    assertThat(maxSeen.get()).isLessThanOrEqualTo(2);
    assertThat(jamf.tokenRequests).hasValue(1);
  }

  @Test
  void anotherInstanceOrOtherCredentialsShareNothing() {
    FakeJamf jamf = new FakeJamf();
    jamf.handler = r -> json(200, "{\"version\":\"1\"}");
    server.setDispatcher(jamf);
    try (JamfClient base = FakeJamf.clientFor(server).build()) {
      base.jamfProVersion();
      base.newBuilder().clientCredentials("other-client", "other-secret").build().jamfProVersion();
    }
    assertThat(jamf.tokenRequests).hasValue(2);
  }
}
