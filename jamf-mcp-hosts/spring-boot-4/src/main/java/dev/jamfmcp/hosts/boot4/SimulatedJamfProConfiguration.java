package dev.jamfmcp.hosts.boot4;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This host's Jamf Pro is the simulated one; a real app builds its JamfClient from its config. */
@Configuration
public class SimulatedJamfProConfiguration {

  @Bean(destroyMethod = "close")
  SimulatedJamfPro simulatedJamfPro() {
    return SimulatedJamfPro.start(SimulatorConfig.of(config -> {}));
  }

  @Bean
  JamfClient jamfClient(SimulatedJamfPro jamfPro) {
    return JamfClient.builder()
        .baseUrl(jamfPro.baseUrl())
        .clientCredentials(jamfPro.config().clientId(), jamfPro.config().clientSecret())
        .build();
  }
}
