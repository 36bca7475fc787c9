package dev.jamfmcp.simulator;

import dev.jamfmcp.simulator.faults.FaultSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a {@link SimulatedJamfPro} needs to start. Build one with {@link #builder()} or {@link
 * #of(Consumer)}; every setting has a default that works for a local demo.
 *
 * @param port TCP port, 0 picks a free one
 * @param bindAddress interface to listen on
 * @param seed seed of the fleet generator and of fault decisions
 * @param computers number of computers in the fleet
 * @param mobileDevices number of mobile devices in the fleet
 * @param clientId API client id accepted by the OAuth token endpoints
 * @param clientSecret API client secret
 * @param username user account accepted by {@code /api/v1/auth/token}
 * @param password password of that account
 * @param clientTokenLifetime lifetime of client-credentials tokens ({@code expires_in})
 * @param userTokenLifetime lifetime of user tokens
 * @param mdmAcknowledgeAfter how long a queued MDM command stays PENDING; null = until acknowledged
 * @param fleetNow the instant the fleet's last-contact times are relative to
 * @param clock the simulator's clock (token expiry, command dates); tests pass a {@link
 *     ManualClock}
 * @param faults faults active from the start
 * @param threads request-handling threads
 */
public record SimulatorConfig(
    int port,
    String bindAddress,
    long seed,
    int computers,
    int mobileDevices,
    String clientId,
    String clientSecret,
    String username,
    String password,
    Duration clientTokenLifetime,
    Duration userTokenLifetime,
    Duration mdmAcknowledgeAfter,
    Instant fleetNow,
    Clock clock,
    FaultSettings faults,
    int threads,
    String jamfProVersion) {

  /** The version simulated by default: the one whose API description the contract holds. */
  public static final String JAMF_PRO_VERSION = "11.30.1-t1761234567890";

  public SimulatorConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(faults, "faults");
    if (computers < 0 || mobileDevices < 0) {
      throw new IllegalArgumentException("fleet sizes must not be negative");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    Objects.requireNonNull(jamfProVersion, "jamfProVersion");
    if (!jamfProVersion.matches("\\d+\\.\\d+\\.\\d+.*")) {
      throw new IllegalArgumentException("not a Jamf Pro version: " + jamfProVersion);
    }
  }

  /**
   * True when the simulated version is {@code major.minor} or later: routes that Jamf Pro added in
   * a release are served only from it on (v4 computer inventory from 11.30, v3 computer groups from
   * 11.28), so a client's fallback for older servers can be tested.
   */
  public boolean isAtLeast(int major, int minor) {
    String[] parts = jamfProVersion.split("[.-]");
    int ma = Integer.parseInt(parts[0]);
    int mi = Integer.parseInt(parts[1]);
    return ma > major || (ma == major && mi >= minor);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A config from the defaults changed by {@code changes}. */
  public static SimulatorConfig of(Consumer<Builder> changes) {
    Builder builder = builder();
    changes.accept(builder);
    return builder.build();
  }

  /**
   * Mutable builder; all setters return {@code this}. Defaults: port 0, 127.0.0.1, seed 42, 500
   * computers, 150 mobile devices, client {@code sim-client}/{@code sim-secret}, user {@code
   * admin}/{@code jamf1234}, tokens 599 s (client) and 30 min (user), MDM commands acknowledged
   * after 30 s, fleet anchored at the clock's now, system UTC clock, no faults, 32 threads, Jamf
   * Pro {@value SimulatorConfig#JAMF_PRO_VERSION}.
   */
  public static final class Builder {
    private int port = 0;
    private String bindAddress = "127.0.0.1";
    private long seed = 42;
    private int computers = 500;
    private int mobileDevices = 150;
    private String clientId = "sim-client";
    private String clientSecret = "sim-secret";
    private String username = "admin";
    private String password = "jamf1234";
    private Duration clientTokenLifetime = Duration.ofSeconds(599);
    private Duration userTokenLifetime = Duration.ofMinutes(30);
    private Duration mdmAcknowledgeAfter = Duration.ofSeconds(30);
    private Instant fleetNow;
    private Clock clock = Clock.systemUTC();
    private FaultSettings faults = FaultSettings.none();
    private int threads = 32;
    private String jamfProVersion = JAMF_PRO_VERSION;

    /** The version {@code /api/v1/jamf-pro-version} reports and the routes follow. */
    public Builder jamfProVersion(String value) {
      jamfProVersion = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder bindAddress(String value) {
      bindAddress = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder computers(int value) {
      computers = value;
      return this;
    }

    public Builder mobileDevices(int value) {
      mobileDevices = value;
      return this;
    }

    public Builder clientCredentials(String id, String secret) {
      clientId = id;
      clientSecret = secret;
      return this;
    }

    public Builder userCredentials(String user, String pass) {
      username = user;
      password = pass;
      return this;
    }

    public Builder clientTokenLifetime(Duration value) {
      clientTokenLifetime = value;
      return this;
    }

    public Builder userTokenLifetime(Duration value) {
      userTokenLifetime = value;
      return this;
    }

    public Builder mdmAcknowledgeAfter(Duration value) {
      mdmAcknowledgeAfter = value;
      return this;
    }

    public Builder fleetNow(Instant value) {
      fleetNow = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public Builder faults(FaultSettings value) {
      faults = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public SimulatorConfig build() {
      Instant now = fleetNow != null ? fleetNow : clock.instant();
      return new SimulatorConfig(
          port,
          bindAddress,
          seed,
          computers,
          mobileDevices,
          clientId,
          clientSecret,
          username,
          password,
          clientTokenLifetime,
          userTokenLifetime,
          mdmAcknowledgeAfter,
          now,
          clock,
          faults,
          threads,
          jamfProVersion);
    }
  }
}
