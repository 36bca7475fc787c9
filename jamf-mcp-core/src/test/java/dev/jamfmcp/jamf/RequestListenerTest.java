package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request listener sees every exchange with Jamf Pro: attempts, retries, token requests. */
@Timeout(60)
class RequestListenerTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();
  final List<JamfExchange> seen = new CopyOnWriteArrayList<>();

  private static final MockResponse VERSION = json(200, "{\"version\":\"11.30.1\"}");

  @BeforeEach
  void serve() {
    server.setDispatcher(jamf);
  }

  private JamfClient client() {
    return FakeJamf.clientFor(server).requestListener(seen::add).build();
  }

  /** method, template, outcome and attempt of each exchange, in order. */
  private List<String> summary() {
    return seen.stream()
        .map(e -> e.method() + " " + e.endpoint() + " " + e.outcome() + " #" + e.attempt())
        .toList();
  }

  @Test
  void seesTheTokenRequestAndEachAttemptOfARetriedCall() {
    jamf.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
    jamf.enqueue(VERSION);
    try (JamfClient client = client()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(summary())
        .containsExactly(
            "POST /api/oauth/token 200 #1",
            "GET /api/v1/jamf-pro-version 503 #1",
            "GET /api/v1/jamf-pro-version 200 #2");
    assertThat(seen)
        .allSatisfy(
            e -> {
              assertThat(e.duration()).isPositive();
              assertThat(e.failure()).isNull();
            });
    assertThat(jamf.tokenRequests.get()).isEqualTo(1);
    assertThat(jamf.apiRequests).hasSize(2);
  }

  @Test
  void namesThePathTemplateNeverTheConcretePathOrQuery() {
    jamf.handler =
        r ->
            json(
                200,
                "{\"id\":\"4711\",\"name\":\"cleanup\",\"scriptContents\":\"echo hi\","
                    + "\"priority\":\"AFTER\"}");
    try (JamfClient client = client()) {
      client.scripts().get("4711");
    }
    assertThat(jamf.apiRequests.get(0).getUrl().encodedPath()).isEqualTo("/api/v1/scripts/4711");
    assertThat(seen).last().extracting(JamfExchange::endpoint).isEqualTo("/api/v1/scripts/{id}");
    assertThat(seen).extracting(JamfExchange::toString).noneMatch(s -> s.contains("4711"));
  }

  @Test
  void aRejectedTokenCountsTheTokenRequestAndTheResendAsSecondAttempt() {
    jamf.enqueue(VERSION);
    jamf.enqueue(json(401, "{\"httpStatus\":401,\"errors\":[]}"));
    jamf.enqueue(VERSION);
    try (JamfClient client = client()) {
      client.jamfProVersion();
      client.jamfProVersion();
    }
    assertThat(summary())
        .containsExactly(
            "POST /api/oauth/token 200 #1",
            "GET /api/v1/jamf-pro-version 200 #1",
            "GET /api/v1/jamf-pro-version 401 #1",
            "POST /api/oauth/token 200 #1",
            "GET /api/v1/jamf-pro-version 200 #2");
  }

  @Test
  void failuresWithoutAResponseCarryTheirKindAndStatusZero() {
    // Every answer cut off (the JDK may retry a GET itself once: still one exchange here).
    jamf.handler =
        r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    try (JamfClient client =
        FakeJamf.clientFor(server).requestListener(seen::add).maxRetries(1).build()) {
      assertThatThrownBy(client::jamfProVersion).isInstanceOf(JamfUnavailableException.class);
    }
    assertThat(summary())
        .containsExactly(
            "POST /api/oauth/token 200 #1",
            "GET /api/v1/jamf-pro-version io_error #1",
            "GET /api/v1/jamf-pro-version io_error #2");
    assertThat(seen.get(1).status()).isZero();
    assertThat(seen.get(1).failure()).isEqualTo(JamfExchange.IO_ERROR);

    seen.clear();
    jamf.handler = null;
    jamf.enqueue(json(200, "{\"version\":\"" + "x".repeat(5000) + "\"}"));
    try (JamfClient client =
        FakeJamf.clientFor(server).requestListener(seen::add).maxResponseBytes(1000).build()) {
      assertThatThrownBy(client::jamfProVersion).isInstanceOf(JamfProtocolException.class);
    }
    assertThat(summary())
        .containsExactly(
            "POST /api/oauth/token 200 #1", "GET /api/v1/jamf-pro-version too_large #1");
  }

  @Test
  void aFailingListenerNeverFailsTheRequest() {
    jamf.enqueue(VERSION);
    try (JamfClient client =
        FakeJamf.clientFor(server)
            .requestListener(
                e -> {
                  throw new IllegalStateException("listener broke");
                })
            .build()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
  }

  @Test
  void variantsKeepTheListenerAndExchangesHoldNoSecrets() {
    jamf.enqueue(VERSION);
    try (JamfClient client = client();
        JamfClient variant = client.newBuilder().requestTimeout(Duration.ofSeconds(5)).build()) {
      variant.jamfProVersion();
    }
    assertThat(summary())
        .containsExactly("POST /api/oauth/token 200 #1", "GET /api/v1/jamf-pro-version 200 #1");
    assertThat(seen)
        .extracting(JamfExchange::toString)
        .noneMatch(s -> s.contains(FakeJamf.SECRET) || s.contains("tok-"));
  }

  @Test
  void badInputIsRefusedClearly() {
    assertThatThrownBy(() -> JamfClient.builder().requestListener(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requestListener");
    assertThatThrownBy(
            () -> new JamfExchange("GET", "/api/x", 200, JamfExchange.TIMEOUT, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JamfExchange("GET", "/api/x", 0, null, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            new JamfExchange("GET", "/api/x", 0, JamfExchange.TIMEOUT, Duration.ZERO, 2).outcome())
        .isEqualTo("timeout");
  }
}
