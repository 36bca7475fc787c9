package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

/** The readiness check names a Jamf Pro that is too old, and passes on a supported one. */
class JamfConnectionTest {

  private static JamfClient client(SimulatedJamfPro sim) {
    return JamfClient.builder()
        .baseUrl(sim.baseUrl())
        .clientCredentials(sim.config().clientId(), sim.config().clientSecret())
        .build();
  }

  @Test
  void readinessSaysWhichVersionIsTooOldAndWhatTheMinimumIs() {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(
                SimulatorConfig.of(
                    c -> c.computers(1).mobileDevices(1).jamfProVersion("11.20.3")));
        JamfClient jamf = client(sim)) {
      assertThatThrownBy(() -> JamfConnection.healthCheck(jamf).call())
          .hasMessageContaining("Jamf Pro 11.20.3 is older than 11.24.0");
    }
  }

  @Test
  void aSupportedJamfProIsReady() throws Exception {
    try (SimulatedJamfPro sim =
            SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(1).mobileDevices(1)));
        JamfClient jamf = client(sim)) {
      assertThat(JamfConnection.healthCheck(jamf).call())
          .isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
    }
  }
}
