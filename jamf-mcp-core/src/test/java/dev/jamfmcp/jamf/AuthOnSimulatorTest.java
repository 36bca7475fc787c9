package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.simulator.ManualClock;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both ways of authenticating, against tokens that really expire on the simulator's clock and that
 * the simulator can revoke while a fleet scan is in flight.
 */
@Timeout(120)
class AuthOnSimulatorTest {
  private static final int COMPUTERS = 3001;
  private static final Duration LIFETIME = Duration.ofSeconds(60);

  /** The two kinds of credentials. */
  enum Mode {
    API_CLIENT(Simulators::apiClient),
    USER_ACCOUNT(Simulators::userAccount);

    final Function<SimulatedJamfPro, JamfClientBuilder> builder;

    Mode(Function<SimulatedJamfPro, JamfClientBuilder> builder) {
      this.builder = builder;
    }
  }

  private final ManualClock simClock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
  private SimulatedJamfPro sim;
  private JamfClient jamf;

  private JamfClient start(Mode mode, Clock clientClock) {
    sim =
        SimulatedJamfPro.start(
            SimulatorConfig.of(
                c ->
                    c.computers(COMPUTERS)
                        .mobileDevices(5)
                        .clock(simClock)
                        .clientTokenLifetime(LIFETIME)
                        .userTokenLifetime(LIFETIME)));
    jamf = mode.builder.apply(sim).clock(clientClock).pageSize(100).build();
    return jamf;
  }

  @AfterEach
  void stop() {
    if (jamf != null) {
      jamf.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  /** Scans every computer, running {@code atItem} after each one; returns the ids seen in order. */
  private List<Integer> scan(java.util.function.IntConsumer atItem) {
    List<Integer> ids = new ArrayList<>();
    for (Computer c :
        jamf.computers().list(ListQuery.all().withSections(ComputerSection.GENERAL))) {
      ids.add(Integer.valueOf(c.id()));
      assertThat(c.general().name())
          .isEqualTo(sim.fleet().computers().name(Integer.parseInt(c.id()) - 1));
      atItem.accept(ids.size());
    }
    return ids;
  }

  private List<Integer> allIds() {
    return Simulators.idsInNameOrder(sim.fleet().computers());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bothModesReadTheFleet(Mode mode) {
    start(mode, Clock.systemUTC());
    assertThat(jamf.jamfProVersion()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
    assertThat(scan(i -> {})).containsExactlyElementsOf(allIds());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void wrongCredentialsAreAnAuthFailure(Mode mode) {
    sim = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(10).mobileDevices(1)));
    JamfClientBuilder builder = mode.builder.apply(sim);
    jamf =
        mode == Mode.API_CLIENT
            ? builder.clientCredentials(sim.config().clientId(), "wrong").build()
            : builder.userAccount(sim.config().username(), "wrong").build();
    assertThatThrownBy(jamf::jamfProVersion)
        .isInstanceOf(JamfAuthException.class)
        .hasMessageNotContaining("wrong");
  }

  /**
   * The server's clock runs ahead of the client's: the client believes its token is fresh, the
   * server says 401, and the client must fetch a new one and carry on, twice during one scan.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokenExpiresOnTheServerMidScan(Mode mode) {
    start(mode, Clock.systemUTC());
    List<Integer> ids =
        scan(
            i -> {
              if (i == 700 || i == 2100) {
                simClock.advance(LIFETIME.plusSeconds(1));
              }
            });
    assertThat(ids).containsExactlyElementsOf(allIds());
  }

  /**
   * Client and server share the clock: the client sees its token near expiry and renews it before
   * using it (keep-alive for a user account), then again after the old one expired.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokenRenewedBeforeAndAfterExpiryOnASharedClock(Mode mode) {
    start(mode, simClock);
    List<Integer> ids =
        scan(
            i -> {
              if (i == 500) {
                simClock.advance(
                    Duration.ofSeconds(50)); // inside the renewal margin, not yet expired
              }
              if (i == 1500 || i == 2500) {
                simClock.advance(LIFETIME.plusSeconds(5)); // expired on both sides
              }
            });
    assertThat(ids).containsExactlyElementsOf(allIds());
  }

  /** An admin rotates the secret's tokens away while pages are in flight. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokensRevokedMidScan(Mode mode) {
    start(mode, Clock.systemUTC());
    List<Integer> ids =
        scan(
            i -> {
              if (i == 333 || i == 1234 || i == 2999) {
                sim.revokeAllTokens();
              }
            });
    assertThat(ids).containsExactlyElementsOf(allIds());
    sim.revokeAllTokens();
    assertThat(jamf.jamfProVersion()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
  }
}
