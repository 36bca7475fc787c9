package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.simulator.faults.FaultSettings;
import dev.jamfmcp.simulator.faults.Faults;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {
  private SimulatedJamfPro jamf;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(300).mobileDevices(5)));
    client = new SimClient(jamf).login();
  }

  @AfterEach
  void stop() {
    jamf.stop();
  }

  @Test
  void offByDefault() {
    Faults faults = new Faults(FaultSettings.none(), 1);
    for (int i = 0; i < 100; i++) {
      assertThat(faults.decide("/api/v1/departments").isNone()).isTrue();
    }
  }

  @Test
  void rolledFaultsAreRepeatableForASeed() {
    FaultSettings settings =
        FaultSettings.none().withErrorRate(503, 0.3).withErrorRate(500, 0.1).withResetRate(0.2);
    List<Faults.Decision> first = new ArrayList<>();
    List<Faults.Decision> second = new ArrayList<>();
    Faults a = new Faults(settings, 99);
    Faults b = new Faults(settings, 99);
    for (int i = 0; i < 200; i++) {
      first.add(a.decide("/api/x"));
      second.add(b.decide("/api/x"));
    }
    assertThat(second).isEqualTo(first);
    assertThat(first).extracting(Faults.Decision::status).contains(0, 500, 503);
    assertThat(first).extracting(Faults.Decision::reset).contains(true, false);
  }

  @Test
  void injected503CarriesRetryAfterInJamfsShape() throws Exception {
    jamf.faults().set(FaultSettings.none().withErrorRate(503, 1.0).withRetryAfterSeconds(7));
    SimClient.Reply reply = client.get("/api/v1/departments");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("7");
    assertThat(reply.json().path("httpStatus").asInt()).isEqualTo(503);
    SimClient.Reply classic = client.getClassic("/JSSResource/policies");
    assertThat(classic.status()).isEqualTo(503);
    assertThat(classic.body()).contains("Service Unavailable");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void failNextAnswersExactlyThatManyRequests(int status) throws Exception {
    jamf.faults().failNext(2, status);
    assertThat(client.get("/api/v1/buildings").status()).isEqualTo(status);
    assertThat(client.get("/api/v1/buildings").status()).isEqualTo(status);
    assertThat(client.get("/api/v1/buildings").status()).isEqualTo(200);
  }

  @Test
  void connectionResetCutsTheBodyMidway() throws Exception {
    jamf.faults().resetNext(1);
    assertThatThrownBy(() -> client.get("/api/v3/computers-inventory?page-size=200"))
        .isInstanceOf(IOException.class);
    assertThat(client.get("/api/v3/computers-inventory?page-size=200").json().path("results"))
        .hasSize(200);
  }

  @Test
  void latencyDelaysButDoesNotBreakResponses() throws Exception {
    jamf.faults().set(FaultSettings.none().withLatency(Duration.ofMillis(20)));
    assertThat(jamf.faults().decide("/api/v1/categories").latency())
        .isEqualTo(Duration.ofMillis(20));
    assertThat(client.get("/api/v1/categories").status()).isEqualTo(200);
  }

  @Test
  void pathPrefixLimitsWhereFaultsLand() throws Exception {
    jamf.faults()
        .set(
            FaultSettings.none()
                .withErrorRate(500, 1.0)
                .withPathPrefix("/api/v3/computers-inventory"));
    assertThat(client.get("/api/v3/computers-inventory").status()).isEqualTo(500);
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
    assertThat(new SimClient(jamf).login().token()).isNotBlank();
  }

  @Test
  void adminRoutesAreNeverFaulted() throws Exception {
    jamf.faults().set(FaultSettings.none().withErrorRate(502, 1.0));
    assertThat(client.get("/__sim/health").status()).isEqualTo(200);
    assertThat(client.get("/__sim/faults").json().path("errorRates").path("502").asDouble())
        .isEqualTo(1.0);
  }

  @Test
  void faultsCanBeSetAndClearedOverHttp() throws Exception {
    SimClient.Reply set =
        client.put(
            "/__sim/faults",
            "{\"errorRates\":{\"503\":1.0},\"retryAfterSeconds\":3,\"pathPrefix\":\"/api/v1\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(client.get("/api/v1/departments").header("Retry-After")).isEqualTo("3");
    assertThat(client.put("/__sim/faults", "{\"errorRates\":{\"200\":1.0}}").status())
        .isEqualTo(400);
    assertThat(client.delete("/__sim/faults").status()).isEqualTo(204);
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
    assertThat(client.post("/__sim/faults/fail-next", "{\"count\":1,\"status\":500}").status())
        .isEqualTo(204);
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(500);
    assertThat(client.post("/__sim/faults/reset-next", "{\"count\":1}").status()).isEqualTo(204);
    assertThatThrownBy(() -> client.get("/api/v1/departments")).isInstanceOf(IOException.class);
  }

  @Test
  void revokingTokensLogsEveryoneOut() throws Exception {
    SimClient other = new SimClient(jamf).login();
    jamf.revokeAllTokens();
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(401);
    assertThat(other.get("/api/v1/departments").status()).isEqualTo(401);
    client.login();
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
    assertThat(client.post("/__sim/tokens/revoke", "").status()).isEqualTo(204);
    assertThat(client.get("/api/v1/departments").status()).isEqualTo(401);
  }
}
