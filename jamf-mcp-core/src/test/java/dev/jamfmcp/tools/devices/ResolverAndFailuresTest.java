package dev.jamfmcp.tools.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.testing.JamfToolsFixture;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import dev.jamfmcp.tools.devices.ComputerResolver.Ambiguous;
import dev.jamfmcp.tools.devices.ComputerResolver.Found;
import dev.jamfmcp.tools.devices.ComputerResolver.NotFound;
import dev.jamfmcp.tools.devices.ComputerResolver.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * ComputerResolver's batch API (for the write tools) and Jamf failures that are not retried away.
 */
class ResolverAndFailuresTest {
  static JamfToolsFixture f;
  static Computers c;

  @BeforeAll
  static void start() {
    f = JamfToolsFixture.start();
    c = f.sim.fleet().computers();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void clean() {
    f.sim.faults().clear();
    f.sim.requestLog().clear();
  }

  @Test
  void resolveAllAnswersEveryIdentifierInOneRequestPerFifty() {
    Map<String, Integer> names = new HashMap<>();
    IntStream.range(0, c.size()).forEach(r -> names.merge(c.name(r), 1, Integer::sum));
    String shared =
        names.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
    ComputerResolver resolver = new ComputerResolver(f.jamf);
    List<String> identifiers =
        List.of("12", c.serialNumber(40).toLowerCase(), c.udid(41), shared, "no-such-mac", "12");
    Map<String, Resolution> out = resolver.resolveAll(identifiers);
    assertThat(out).hasSize(5);
    assertThat(((Found) out.get("12")).computer().serialNumber()).isEqualTo(c.serialNumber(11));
    assertThat(((Found) out.get(c.serialNumber(40).toLowerCase())).computer().id()).isEqualTo("41");
    assertThat(((Found) out.get(c.udid(41))).computer().managementId())
        .isEqualTo(c.managementId(41));
    assertThat(((Ambiguous) out.get(shared)).candidates()).hasSize(names.get(shared));
    assertThat(out.get("no-such-mac")).isInstanceOf(NotFound.class);
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(1);

    List<String> many = new ArrayList<>();
    IntStream.range(0, 120).forEach(r -> many.add(c.serialNumber(r)));
    f.sim.requestLog().clear();
    assertThat(resolver.resolveAll(many).values())
        .hasSize(120)
        .allSatisfy(r -> assertThat(r).isInstanceOf(Found.class));
    assertThat(f.requests("GET /api/v4/computers-inventory")).isEqualTo(3);
  }

  @Test
  void refusedCredentialsGiveAnActionableError() {
    try (JamfClient wrong =
            JamfClient.builder()
                .baseUrl(f.sim.baseUrl())
                .clientCredentials(f.sim.config().clientId(), "not-the-secret")
                .maxRetries(0)
                .build();
        McpServer server =
            McpServer.create(
                cfg -> JamfTools.create(wrong, s -> s.readOnly(true)).registerInto(cfg))) {
      TestClient client = new TestClient(server, Principal.of("tester", JamfScopes.READ));
      client.initialize("2025-11-25");
      JsonNode result = JamfToolsFixture.call(client, "getFleetOverview", "{}");
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.toString())
          .contains("credentials were refused")
          .contains("administrator")
          .doesNotContain("not-the-secret")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aLongOutageMidScanIsAnErrorNotAPartialCount() {
    f.sim
        .faults()
        .set(
            f.sim
                .faults()
                .settings()
                .withErrorRate(503, 1.0)
                .withPathPrefix("/api/v4/computers-inventory"));
    String message = f.error("getSecurityPosture", "{}");
    assertThat(message).contains("unavailable").contains("Nothing was changed");
    String search = f.error("search", "{\"query\":\"mac\"}");
    assertThat(search).contains("Try again");
  }

  @Test
  void slowJamfDoesNotBreakTheShapes() {
    f.sim.faults().set(f.sim.faults().settings().withLatency(Duration.ofMillis(50)));
    JsonNode data = f.data("checkDeviceCompliance", "{\"limit\":5}");
    assertThat(data.get("devices")).hasSize(5);
  }
}
