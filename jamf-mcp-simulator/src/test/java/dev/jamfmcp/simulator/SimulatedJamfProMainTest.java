package dev.jamfmcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedJamfProMainTest {
  @Test
  void optionsBecomeConfig() {
    SimulatorConfig config =
        SimulatedJamfProMain.parse(
            new String[] {
              "--port",
              "9001",
              "--computers",
              "100000",
              "--mobile-devices",
              "7",
              "--seed",
              "5",
              "--client-id",
              "c",
              "--client-secret",
              "s",
              "--client-token-seconds",
              "299",
              "--user-token-seconds",
              "60",
              "--bind",
              "0.0.0.0"
            });
    assertThat(config.port()).isEqualTo(9001);
    assertThat(config.computers()).isEqualTo(100_000);
    assertThat(config.mobileDevices()).isEqualTo(7);
    assertThat(config.seed()).isEqualTo(5);
    assertThat(config.clientId()).isEqualTo("c");
    assertThat(config.clientSecret()).isEqualTo("s");
    assertThat(config.username()).isEqualTo("admin");
    assertThat(config.clientTokenLifetime()).isEqualTo(Duration.ofSeconds(299));
    assertThat(config.userTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void defaultsToPort9000AndRejectsNonsense() {
    assertThat(SimulatedJamfProMain.parse(new String[0]).port()).isEqualTo(9000);
    assertThatThrownBy(() -> SimulatedJamfProMain.parse(new String[] {"--computers"}))
        .hasMessageContaining("missing value");
    assertThatThrownBy(() -> SimulatedJamfProMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option");
  }

  @Test
  void aStartedSimulatorReportsWhereItListens() {
    try (SimulatedJamfPro jamf =
        SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(3).mobileDevices(1)))) {
      assertThat(jamf.port()).isPositive();
      assertThat(jamf.baseUrl()).isEqualTo("http://127.0.0.1:" + jamf.port());
    }
  }
}
