package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.AuthOnSimulatorTest.Mode;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.http.RequestHook;
import dev.jamfmcp.simulator.http.RequestHook.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token revocations put at exact points of a page stream or a call, for both kinds of credentials.
 * The simulator's hooks hold requests inside the server on a latch and revoke tokens there, so each
 * case happens the same way on every run: no sleeps, no reliance on thread timing.
 *
 * <p>The rule under test (AuthLayer): a request refused with 401 fails for auth only when a token
 * obtained after that refusal is refused too, within a small bound of sends; refreshes are
 * single-flight; a refused token request ends the call at once.
 */
@Timeout(120)
class TokenRevocationOnSimulatorTest {
  private static final String INVENTORY = "/api/v4/computers-inventory";
  private static final String VERSION = "/api/v1/jamf-pro-version";
  private static final int PAGE_SIZE = 100;

  /** Page 0 and five more: with 5 requests in flight the whole prefetch window is on the wire. */
  private static final int SMALL_FLEET = 501;

  private static final int LARGE_FLEET = 2001;

  private SimulatedJamfPro sim;
  private JamfClient jamf;
  private ExecutorService callers;

  private void start(Mode mode, int computers, int maxConcurrentRequests) {
    sim = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(computers).mobileDevices(1)));
    jamf =
        mode.builder
            .apply(sim)
            .pageSize(PAGE_SIZE)
            .maxConcurrentRequests(maxConcurrentRequests)
            // known, so the requests counted here are the scan's own
            .jamfProVersion(SimulatorConfig.JAMF_PRO_VERSION)
            .build();
  }

  @AfterEach
  void stop() {
    if (callers != null) {
      callers.shutdownNow();
    }
    if (jamf != null) {
      jamf.close();
    }
    if (sim != null) {
      sim.close(); // also interrupts a request a failed test left on a latch
    }
  }

  private List<Integer> scan() {
    List<Integer> ids = new ArrayList<>();
    for (Computer c :
        jamf.computers().list(ListQuery.all().withSections(ComputerSection.GENERAL))) {
      ids.add(Integer.valueOf(c.id()));
    }
    return ids;
  }

  private List<Integer> allIds() {
    return Simulators.idsInNameOrder(sim.fleet().computers());
  }

  /** Token requests the simulator received: client credentials, Basic and keep-alive. */
  private long tokenRequests() {
    return sim.requestLog().recent().stream()
        .filter(
            r ->
                r.startsWith("POST /api/oauth/token")
                    || r.startsWith("POST /api/v1/oauth/token")
                    || r.startsWith("POST /api/v1/auth/"))
        .count();
  }

  private long requestsTo(String path) {
    return sim.requestLog().recent().stream()
        .filter(r -> r.startsWith("GET " + path + "?") || r.equals("GET " + path))
        .count();
  }

  private static Predicate<RequestHook.Seen> pagesFrom(int first) {
    return r -> r.path().equals(INVENTORY) && r.page() >= first;
  }

  /**
   * Holds the first {@code count} requests matching {@code which} at {@code point}; the last of
   * them runs {@code then} (a revocation) and lets them all go on. Later requests pass freely.
   */
  private static RequestHook holdThen(
      Point point, int count, Predicate<RequestHook.Seen> which, Runnable then) {
    AtomicInteger arrivals = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    return (p, request) -> {
      if (p != point || !which.test(request)) {
        return;
      }
      int n = arrivals.incrementAndGet();
      if (n < count) {
        release.await();
      } else if (n == count) {
        then.run();
        release.countDown();
      }
    };
  }

  /** One request in flight at a time: page 5 has passed its token check when tokens go. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void revocationWithNoPageInFlight(Mode mode) {
    start(mode, LARGE_FLEET, 1);
    sim.onRequest(
        holdThen(Point.AFTER_TOKEN_CHECK, 1, r -> pagesFrom(5).test(r), sim::revokeAllTokens));
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).isEqualTo(2);
  }

  /** One request in flight at a time: page 5 is on the wire, its token not yet checked. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void revocationWithOnePageInFlight(Mode mode) {
    start(mode, LARGE_FLEET, 1);
    sim.onRequest(
        holdThen(Point.BEFORE_TOKEN_CHECK, 1, r -> pagesFrom(5).test(r), sim::revokeAllTokens));
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).isEqualTo(2);
  }

  /** Every prefetched page (five) is held in the server with the old token when tokens go. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void revocationWithAllPrefetchedPagesInFlight(Mode mode) {
    start(mode, SMALL_FLEET, 5);
    sim.onRequest(holdThen(Point.BEFORE_TOKEN_CHECK, 5, pagesFrom(1), sim::revokeAllTokens));
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).as("one single-flight refresh for five refusals").isEqualTo(2);
    assertThat(requestsTo(INVENTORY)).as("page 0, five refused, five retried").isEqualTo(11);
  }

  /**
   * Issue #22: the first revocation refuses the five pages in flight; the second lands while the
   * refreshed token is on its way to them (it is revoked as it is issued). The scan must succeed
   * with one more refresh.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void twoRevocationsInsideOnePrefetchWindow(Mode mode) {
    start(mode, SMALL_FLEET, 5);
    sim.onRequest(holdThen(Point.BEFORE_TOKEN_CHECK, 5, pagesFrom(1), sim::revokeAllTokens));
    sim.onTokenIssued(
        n -> {
          if (n == 2) {
            sim.revokeAllTokens();
          }
        });
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).isEqualTo(3);
  }

  /** The token is revoked during the token request itself: it is dead when first used. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokenRevokedDuringItsOwnTokenRequest(Mode mode) {
    start(mode, LARGE_FLEET, 5);
    sim.onTokenIssued(
        n -> {
          if (n == 1) {
            sim.revokeAllTokens();
          }
        });
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).isEqualTo(2);
  }

  /** The same, twice in a row: the token fetched after the first refusal is refused too. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokensRevokedDuringTwoTokenRequestsInARow(Mode mode) {
    start(mode, LARGE_FLEET, 5);
    sim.onTokenIssued(
        n -> {
          if (n <= 2) {
            sim.revokeAllTokens();
          }
        });
    assertThat(scan()).containsExactlyElementsOf(allIds());
    assertThat(tokenRequests()).isEqualTo(3);
  }

  /**
   * The credentials stop working while every prefetched page is in flight: the scan ends with the
   * token endpoint's auth error after exactly one more token request (the five refusals share it),
   * and a later call tries the token endpoint once more, not in a loop.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void credentialsThatStopWorkingMidScanEndItWithOneTokenRequest(Mode mode) {
    start(mode, SMALL_FLEET, 5);
    sim.onRequest(holdThen(Point.BEFORE_TOKEN_CHECK, 5, pagesFrom(1), sim::revokeCredentials));
    String secret = mode == Mode.API_CLIENT ? sim.config().clientSecret() : sim.config().password();
    assertThatThrownBy(this::scan)
        .isInstanceOf(JamfAuthException.class)
        .hasMessageContaining("token")
        .hasMessageNotContaining(secret);
    assertThat(tokenRequests()).isEqualTo(2);

    assertThatThrownBy(jamf::jamfProVersion).isInstanceOf(JamfAuthException.class);
    assertThat(tokenRequests()).isEqualTo(3);
    assertThat(requestsTo(VERSION)).isZero();
  }

  /** A single call in flight when tokens go is retried with a new token. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void singleCallWithARevocationInFlight(Mode mode) {
    start(mode, SMALL_FLEET, 5);
    sim.onRequest(
        holdThen(Point.BEFORE_TOKEN_CHECK, 1, r -> r.path().equals(VERSION), sim::revokeAllTokens));
    assertThat(jamf.jamfProVersion()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(requestsTo(VERSION)).isEqualTo(2);
  }

  /**
   * Five single calls (version and GET by id) held in flight; tokens are revoked, and again while
   * the refreshed token travels to them. Every call succeeds.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void singleCallsWithTwoRevocationsInFlight(Mode mode) throws Exception {
    start(mode, SMALL_FLEET, 5);
    assertThat(jamf.jamfProVersion()).isEqualTo(SimulatorConfig.JAMF_PRO_VERSION);
    sim.onRequest(
        holdThen(
            Point.BEFORE_TOKEN_CHECK,
            5,
            r -> r.path().equals(VERSION) || r.path().startsWith(INVENTORY + "-detail/"),
            sim::revokeAllTokens));
    sim.onTokenIssued(
        n -> {
          if (n == 2) {
            sim.revokeAllTokens();
          }
        });
    callers = Executors.newFixedThreadPool(5);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int id = i + 1;
      results.add(
          callers.submit(
              () ->
                  id % 2 == 0
                      ? jamf.computers().detail(Integer.toString(id)).id()
                      : jamf.jamfProVersion()));
    }
    for (int i = 0; i < 5; i++) {
      int id = i + 1;
      assertThat(results.get(i).get())
          .isEqualTo(id % 2 == 0 ? Integer.toString(id) : SimulatorConfig.JAMF_PRO_VERSION);
    }
    assertThat(tokenRequests()).isEqualTo(3);
  }

  /**
   * A token that is revoked each time one is issued: the call ends with the 401 after a fixed
   * number of sends (4) and as many token requests, not in a loop.
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void tokensRevokedAtEveryIssueEndACallAfterBoundedSends(Mode mode) {
    start(mode, SMALL_FLEET, 5);
    sim.onTokenIssued(n -> sim.revokeAllTokens());
    assertThatThrownBy(jamf::jamfProVersion)
        .isInstanceOf(JamfAuthException.class)
        .hasMessageContaining("GET " + VERSION + " failed with HTTP 401");
    assertThat(requestsTo(VERSION)).isEqualTo(4);
    assertThat(tokenRequests()).isEqualTo(4);
  }
}
