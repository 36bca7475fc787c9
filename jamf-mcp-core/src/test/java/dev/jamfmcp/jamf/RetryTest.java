package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.mdm.MdmCommandRequest;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RetryTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private static final MockResponse VERSION = json(200, "{\"version\":\"11.30.1\"}");

  @BeforeEach
  void serve() {
    server.setDispatcher(jamf);
  }

  private JamfClient client() {
    return FakeJamf.clientFor(server)
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .build();
  }

  @Test
  void retriesA503HonouringRetryAfterSeconds() {
    jamf.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").build());
    jamf.enqueue(VERSION);
    try (JamfClient client = client()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(jamf.apiRequests).hasSize(2);
  }

  @Test
  void honoursRetryAfterAsAnHttpDateAndCapsLongWaits() {
    String inTwelveSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    jamf.enqueue(
        new MockResponse.Builder().code(503).setHeader("Retry-After", inTwelveSeconds).build());
    jamf.enqueue(new MockResponse.Builder().code(502).setHeader("Retry-After", "86400").build());
    jamf.enqueue(VERSION);
    try (JamfClient client = client()) {
      client.jamfProVersion();
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(60));
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheCap() {
    for (int i = 0; i < 5; i++) {
      jamf.enqueue(json(504, "{}"));
    }
    jamf.enqueue(VERSION);
    try (JamfClient client =
        FakeJamf.clientFor(server)
            .clock(clock)
            .maxRetries(5)
            .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(800))
            .sleeper(sleeps::add)
            .build()) {
      client.jamfProVersion();
    }
    long[] ceilings = {100, 200, 400, 800, 800};
    assertThat(sleeps).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(sleeps.get(i).toMillis()).isBetween(ceilings[i] / 2, ceilings[i]);
    }
  }

  @Test
  void givesUpAfterMaxRetriesWithAnUnavailableException() {
    jamf.handler = r -> json(503, "{\"httpStatus\":503,\"errors\":[]}");
    try (JamfClient client = FakeJamf.clientFor(server).maxRetries(2).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfUnavailableException.class)
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("try again");
    }
    assertThat(jamf.apiRequests).hasSize(3);
  }

  @Test
  void stopsRetryingAtTheCallDeadline() {
    jamf.handler = r -> new MockResponse.Builder().code(503).setHeader("Retry-After", "20").build();
    try (JamfClient client =
        FakeJamf.clientFor(server)
            .clock(clock)
            .maxRetries(100)
            .callTimeout(Duration.ofSeconds(50))
            .sleeper(d -> clock.advance(d))
            .build()) {
      assertThatThrownBy(client::jamfProVersion).isInstanceOf(JamfUnavailableException.class);
    }
    assertThat(jamf.apiRequests)
        .hasSize(3); // at 0 s, 20 s, 40 s; a wait to 60 s passes the deadline
  }

  @Test
  void retriesAGetAfterTheConnectionIsReset() {
    jamf.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    jamf.enqueue(VERSION);
    try (JamfClient client = client()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(jamf.apiRequests).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void neverRetriesAPostOn503() {
    jamf.handler = r -> json(503, "{}");
    try (JamfClient client = client()) {
      assertThatThrownBy(
              () -> client.mdm().send(MdmCommandRequest.of("RESTART_DEVICE", List.of("m-1"))))
          .isInstanceOf(JamfUnavailableException.class);
    }
    assertThat(jamf.apiRequests).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void neverRetriesAPostAfterAConnectionReset() {
    jamf.handler =
        r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    try (JamfClient client = client()) {
      assertThatThrownBy(() -> client.mdm().blankPush(List.of("m-1")))
          .isInstanceOf(JamfUnavailableException.class)
          .hasMessageContaining("POST /api/v2/mdm/blank-push");
    }
    assertThat(jamf.apiRequests).hasSize(1);
  }

  @Test
  void doesNotRetryClientErrors() {
    jamf.handler =
        r ->
            json(
                400,
                "{\"httpStatus\":400,\"errors\":[{\"code\":\"INVALID_FIELD\","
                    + "\"field\":\"filter\",\"description\":\"Invalid RSQL\"}]}");
    try (JamfClient client = client()) {
      assertThatThrownBy(() -> client.scripts().get("1"))
          .isInstanceOf(JamfBadRequestException.class)
          .hasMessageContaining("filter: Invalid RSQL")
          .satisfies(e -> assertThat(((JamfException) e).errorCode()).contains("INVALID_FIELD"));
    }
    assertThat(jamf.apiRequests).hasSize(1);
  }
}
