package dev.jamfmcp.jamf;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.fleet.Computers;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Clients pointed at a simulator with the simulator's default credentials. */
final class Simulators {
  private Simulators() {}

  /** An API-client (client credentials) client; the caller may adjust the builder. */
  static JamfClientBuilder apiClient(SimulatedJamfPro jamf) {
    SimulatorConfig c = jamf.config();
    return JamfClient.builder()
        .baseUrl(jamf.baseUrl())
        .clientCredentials(c.clientId(), c.clientSecret())
        .requestTimeout(Duration.ofSeconds(20));
  }

  /** A user-account (Basic, then bearer) client. */
  static JamfClientBuilder userAccount(SimulatedJamfPro jamf) {
    SimulatorConfig c = jamf.config();
    return JamfClient.builder()
        .baseUrl(jamf.baseUrl())
        .userAccount(c.username(), c.password())
        .requestTimeout(Duration.ofSeconds(20));
  }

  /**
   * Computer ids in the inventory's default order (general.name:asc, case-insensitive; ties by id).
   */
  static List<Integer> idsInNameOrder(Computers computers) {
    return IntStream.range(0, computers.size())
        .boxed()
        .sorted(Comparator.comparing(computers::name, String.CASE_INSENSITIVE_ORDER))
        .map(row -> row + 1)
        .toList();
  }
}
