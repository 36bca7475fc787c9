package dev.jamfmcp.simulator;

import dev.jamfmcp.simulator.auth.TokenStore;
import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.faults.Faults;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.groups.SmartGroupStore;
import dev.jamfmcp.simulator.http.RequestHook;
import dev.jamfmcp.simulator.http.RequestLog;
import dev.jamfmcp.simulator.http.Router;
import dev.jamfmcp.simulator.http.SimServer;
import dev.jamfmcp.simulator.routes.JamfRoutes;
import dev.jamfmcp.simulator.routes.SimState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Jamf Pro server: the Jamf Pro API ({@code /api}) and Classic API ({@code
 * /JSSResource}) paths an MCP server's tools use, over a seeded fleet, with real token expiry,
 * recorded side effects and injectable faults.
 *
 * <pre>{@code
 * try (SimulatedJamfPro jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(2000)))) {
 *     URI base = URI.create(jamf.baseUrl());
 *     jamf.faults().failNext(1, 503);
 *     ... drive a client ...
 *     assertThat(jamf.sideEffects().mdmCommands()).hasSize(1);
 * }
 * }</pre>
 */
public final class SimulatedJamfPro implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedJamfPro.class);

  private final SimulatorConfig config;
  private final SimState state;
  private final SimServer server;
  private final List<String> routes;

  private SimulatedJamfPro(
      SimulatorConfig config, SimState state, SimServer server, List<String> routes) {
    this.config = config;
    this.state = state;
    this.server = server;
    this.routes = routes;
  }

  /** Generates the fleet, binds the port and starts serving. */
  public static SimulatedJamfPro start(SimulatorConfig config) {
    Fleet fleet =
        Fleet.generate(
            config.seed(), config.computers(), config.mobileDevices(), config.fleetNow());
    TokenStore tokens =
        new TokenStore(config.clock(), config.clientTokenLifetime(), config.userTokenLifetime());
    StaticGroupStore staticGroups = new StaticGroupStore(fleet.staticGroups());
    SimState state =
        new SimState(
            config,
            fleet,
            staticGroups,
            new SideEffects(config.clock(), config.mdmAcknowledgeAfter()),
            tokens,
            new Faults(config.faults(), config.seed()),
            new SmartGroupStore(fleet, staticGroups));
    Router router = JamfRoutes.install(new Router(), state);
    try {
      SimServer server =
          new SimServer(
              new InetSocketAddress(config.bindAddress(), config.port()),
              config.threads(),
              router,
              state.faults(),
              tokens);
      server.start();
      SimulatedJamfPro jamf = new SimulatedJamfPro(config, state, server, router.describe());
      LOG.info(
          "Simulated Jamf Pro at {} ({} computers, {} mobile devices, seed {})",
          jamf.baseUrl(),
          config.computers(),
          config.mobileDevices(),
          config.seed());
      return jamf;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind " + config.bindAddress() + ":" + config.port(), e);
    }
  }

  /**
   * {@code http://host:port}, without a trailing slash; Jamf paths start with {@code /api} or
   * {@code /JSSResource}.
   */
  public String baseUrl() {
    String host =
        config.bindAddress().contains(":")
            ? "[" + config.bindAddress() + "]"
            : config.bindAddress();
    return "http://" + host + ":" + port();
  }

  public int port() {
    return server.port();
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The generated inventory, with ground-truth helpers for tests. */
  public Fleet fleet() {
    return state.fleet();
  }

  /** Everything clients asked Jamf to change. */
  public SideEffects sideEffects() {
    return state.effects();
  }

  /** The live fault switchboard. */
  public Faults faults() {
    return state.faults();
  }

  /** Current static group membership (changed by PUT static-groups). */
  public StaticGroupStore staticGroups() {
    return state.staticGroups();
  }

  /** Current smart computer and mobile device groups (created and changed through the API). */
  public SmartGroupStore smartGroups() {
    return state.smartGroups();
  }

  /** Every route served, as {@code "GET /api/v3/computers-inventory"}; for contract tests. */
  public List<String> routes() {
    return routes;
  }

  /** The Jamf API requests received (admin routes excluded): count them per tool call. */
  public RequestLog requestLog() {
    return server.requestLog();
  }

  /** Makes every token issued so far invalid, as when an admin rotates a client secret. */
  public void revokeAllTokens() {
    state.tokens().revokeAll();
  }

  /**
   * Every token issued so far stops working and the configured credentials are refused from now on,
   * as when an admin deletes the API client or disables the user account.
   */
  public void revokeCredentials() {
    state.tokens().refuseCredentials();
    state.tokens().revokeAll();
  }

  /**
   * Test hook run inside every Jamf API request that needs a bearer token, before and after its
   * token is checked (null removes it): it may block on a latch or revoke tokens, to put a
   * revocation at an exact point of a page stream.
   */
  public void onRequest(RequestHook hook) {
    server.hook(hook == null ? RequestHook.NONE : hook);
  }

  /**
   * Test hook run with the number of tokens issued so far (keep-alive included) each time a token
   * is issued, before the client receives it (null removes it); revoking tokens there makes the new
   * token dead on arrival, as when a revocation lands during the token request.
   */
  public void onTokenIssued(IntConsumer hook) {
    state.tokens().onIssue(hook == null ? n -> {} : hook);
  }

  public void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
