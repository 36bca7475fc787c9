package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /__sim/ground-truth/compliance}: what checkDeviceCompliance must answer, for checks from
 * outside the JVM (.ci/run), agreeing with the counts the Jamf API itself gives.
 */
class GroundTruthRouteTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private SimulatedJamfPro jamf;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(400).clock(clock)));
    client = new SimClient(jamf).login();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  private int apiCount(String filter) throws Exception {
    SimClient.Reply reply =
        client.get("/api/v3/computers-inventory?page-size=1&filter=" + SimClient.encode(filter));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().path("totalCount").asInt();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 30, 120})
  void agreesWithTheJamfApiCounts(int days) throws Exception {
    JsonNode truth =
        client.get("/__sim/ground-truth/compliance?daysSinceLastCheckin=" + days).json();
    Instant now = clock.instant();
    String cutoff = now.minus(Duration.ofDays(days)).toString();
    String critical = now.minus(Duration.ofDays(Math.max(days, 90))).toString();
    assertThat(truth.path("daysSinceLastCheckin").asInt()).isEqualTo(days);
    assertThat(truth.path("now").asString()).isEqualTo(now.toString());
    assertThat(truth.path("total").asInt()).isEqualTo(400);
    assertThat(truth.path("compliant").asInt())
        .isEqualTo(apiCount("general.lastContactTime>=" + cutoff));
    // a Mac that never checked in matches no date filter, yet it is noncompliant and critical
    int never = truth.path("neverContacted").asInt();
    assertThat(never).isPositive();
    assertThat(truth.path("noncompliant").asInt())
        .isEqualTo(apiCount("general.lastContactTime<" + cutoff) + never)
        .isEqualTo(400 - truth.path("compliant").asInt());
    assertThat(truth.path("critical90Plus").asInt())
        .isEqualTo(apiCount("general.lastContactTime<" + critical) + never);
    assertThat(truth.path("warning").asInt())
        .isEqualTo(truth.path("noncompliant").asInt() - truth.path("critical90Plus").asInt());
  }

  @Test
  void followsTheSimulatorsClock() throws Exception {
    int before =
        client
            .get("/__sim/ground-truth/compliance?daysSinceLastCheckin=30")
            .json()
            .path("noncompliant")
            .asInt();
    clock.advance(Duration.ofDays(400));
    JsonNode later = client.get("/__sim/ground-truth/compliance?daysSinceLastCheckin=30").json();
    assertThat(before).isLessThan(400);
    assertThat(later.path("noncompliant").asInt()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "?daysSinceLastCheckin=",
        "?daysSinceLastCheckin=abc",
        "?daysSinceLastCheckin=0",
        "?daysSinceLastCheckin=3651",
        "?daysSinceLastCheckin=1.5"
      })
  void badInputIsAClearBadRequest(String query) throws Exception {
    SimClient.Reply reply = client.get("/__sim/ground-truth/compliance" + query);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("daysSinceLastCheckin must be a whole number of days");
  }
}
