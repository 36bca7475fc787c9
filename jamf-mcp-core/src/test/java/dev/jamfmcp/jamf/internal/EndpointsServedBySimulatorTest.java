package dev.jamfmcp.jamf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every request the client can send (its {@link Endpoints} catalogue) is a route the simulator
 * serves, so no typed operation can only ever answer 404 against the simulator.
 */
class EndpointsServedBySimulatorTest {

  @Test
  void everyClientEndpointIsARouteOfTheSimulator() {
    List<String> routes;
    try (SimulatedJamfPro sim =
        SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(1).mobileDevices(1)))) {
      routes = sim.routes();
    }
    List<Pattern> served =
        routes.stream()
            .map(r -> Pattern.compile(Pattern.quote(r).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")))
            .toList();
    List<String> missing =
        Endpoints.all().stream()
            .map(e -> e.method() + " " + e.template().replaceAll("\\{[^}/]+}", "x1"))
            .filter(sample -> served.stream().noneMatch(p -> p.matcher(sample).matches()))
            .toList();
    assertThat(missing).as("client endpoints the simulator does not serve").isEmpty();
  }
}
