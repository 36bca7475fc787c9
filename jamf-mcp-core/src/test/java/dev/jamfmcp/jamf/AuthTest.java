package dev.jamfmcp.jamf;

import static dev.jamfmcp.jamf.FakeJamf.bearer;
import static dev.jamfmcp.jamf.FakeJamf.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AuthTest {

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeJamf jamf = new FakeJamf();

  private static final MockResponse VERSION = json(200, "{\"version\":\"11.30.1\"}");

  @Test
  void clientCredentialsTokenIsFetchedOnceAndReused() throws Exception {
    server.setDispatcher(jamf);
    jamf.handler = r -> VERSION;
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(jamf.tokenRequests).hasValue(1);
    assertThat(jamf.apiRequests).allSatisfy(r -> assertThat(bearer(r)).isEqualTo("Bearer tok-1"));
    RecordedRequest token = server.takeRequest();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/api/oauth/token");
    assertThat(token.getHeaders().get("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
    assertThat(FakeJamf.body(token))
        .isEqualTo(
            "grant_type=client_credentials&client_id="
                + FakeJamf.CLIENT_ID
                + "&client_secret="
                + FakeJamf.SECRET);
  }

  @Test
  void fallsBackToVersionedTokenPathOn404AndRemembersIt() throws Exception {
    List<String> tokenPaths = new ArrayList<>();
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (path.endsWith("/oauth/token")) {
              tokenPaths.add(path);
              return path.equals("/api/oauth/token")
                  ? json(404, "{}")
                  : json(200, "{\"access_token\":\"t\",\"expires_in\":1}");
            }
            return VERSION;
          }
        });
    // The token expires between the calls, so the second call shows the fallback is remembered.
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (JamfClient client = FakeJamf.clientFor(server).clock(clock).build()) {
      client.jamfProVersion();
      clock.advance(Duration.ofSeconds(5));
      client.jamfProVersion();
    }
    assertThat(tokenPaths)
        .containsExactly("/api/oauth/token", "/api/v1/oauth/token", "/api/v1/oauth/token");
  }

  @Test
  void tokenExpiringMidScanIsRefreshedOnceForTheRemainingPages() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    jamf.expiresIn = 300;
    jamf.handler =
        r -> {
          int page = Integer.parseInt(r.getUrl().queryParameter("page"));
          if (page == 0) {
            clock.advance(Duration.ofMinutes(10)); // the scan outlives the token
          }
          return json(200, "{\"totalCount\":3,\"results\":[{\"id\":\"" + page + "\"}]}");
        };
    server.setDispatcher(jamf);
    try (JamfClient client = FakeJamf.clientFor(server).clock(clock).build()) {
      List<Computer> all = client.computers().list(ListQuery.all().withPageSize(1)).toList();
      assertThat(all).extracting(Computer::id).containsExactly("0", "1", "2");
    }
    assertThat(jamf.tokenRequests).hasValue(2);
    assertThat(jamf.apiRequests)
        .extracting(FakeJamf::bearer)
        .containsExactlyInAnyOrder("Bearer tok-1", "Bearer tok-2", "Bearer tok-2");
  }

  @Test
  void manyConcurrentCallersCauseExactlyOneTokenRequest() throws Exception {
    jamf.tokenDelay = Duration.ofMillis(200); // keep the refresh open while the others arrive
    jamf.handler = r -> VERSION;
    server.setDispatcher(jamf);
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.jamfProVersion();
                }));
      }
      start.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("11.30.1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jamf.tokenRequests).hasValue(1);
    assertThat(jamf.apiRequests).hasSize(callers);
  }

  @Test
  void a401OnACachedTokenForcesOneRefreshAndOneRetry() {
    jamf.handler =
        r ->
            "Bearer tok-1".equals(bearer(r))
                ? json(401, "{\"httpStatus\":401,\"errors\":[{\"code\":\"INVALID_TOKEN\"}]}")
                : VERSION;
    server.setDispatcher(jamf);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(jamf.tokenRequests).hasValue(2);
    assertThat(jamf.apiRequests)
        .extracting(FakeJamf::bearer)
        .containsExactly("Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void concurrent401sOnTheSameTokenCauseOneRefresh() throws Exception {
    jamf.handler =
        r ->
            "Bearer tok-1".equals(bearer(r))
                ? json(401, "{\"httpStatus\":401,\"errors\":[]}")
                : VERSION;
    server.setDispatcher(jamf);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      client.computers(); // nothing sent yet
      assertThat(jamf.tokenRequests).hasValue(0);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.jamfProVersion();
                }));
      }
      start.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("11.30.1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jamf.tokenRequests).hasValue(2);
  }

  @Test
  void a401WithATokenReplacedMeanwhileIsRetriedWithTheCurrentTokenWithoutFetching()
      throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch replaced = new CountDownLatch(1);
    AtomicInteger refusedTok1 = new AtomicInteger();
    jamf.handler =
        r -> {
          if ("Bearer tok-1".equals(bearer(r))) {
            if (refusedTok1.incrementAndGet() == 1) {
              firstArrived.countDown();
              awaitQuietly(replaced); // answered only after the other call has replaced tok-1
            }
            return json(401, "{\"httpStatus\":401,\"errors\":[]}");
          }
          replaced.countDown();
          return VERSION;
        };
    server.setDispatcher(jamf);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      Future<String> first = pool.submit(client::jamfProVersion);
      firstArrived.await();
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
      assertThat(first.get()).isEqualTo("11.30.1");
    } finally {
      pool.shutdownNow();
    }
    assertThat(jamf.tokenRequests).hasValue(2);
    assertThat(jamf.apiRequests)
        .extracting(FakeJamf::bearer)
        .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2");
  }

  @Test
  void aTokenFetchedAfterA401AndRefusedTooIsReplacedOnceMore() {
    // A second revocation landed between the refresh and the retry.
    jamf.handler =
        r ->
            "Bearer tok-3".equals(bearer(r))
                ? VERSION
                : json(401, "{\"httpStatus\":401,\"errors\":[]}");
    server.setDispatcher(jamf);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(jamf.tokenRequests).hasValue(3);
    assertThat(jamf.apiRequests)
        .extracting(FakeJamf::bearer)
        .containsExactly("Bearer tok-1", "Bearer tok-2", "Bearer tok-3");
  }

  @Test
  void a401OnEveryNewTokenEndsTheCallAfterFourSends() {
    jamf.handler = r -> json(401, "{\"httpStatus\":401,\"errors\":[]}");
    server.setDispatcher(jamf);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfAuthException.class)
          .satisfies(e -> assertThat(((JamfException) e).status()).isEqualTo(401))
          .hasMessageContaining("GET /api/v1/jamf-pro-version");
    }
    assertThat(jamf.apiRequests).hasSize(4);
    assertThat(jamf.tokenRequests).hasValue(4);
  }

  @Test
  void credentialsRefusedAfterA401EndTheCallAtOnceWithOneTokenRequest() {
    jamf.tokensGranted = 1;
    jamf.handler = r -> json(401, "{\"httpStatus\":401,\"errors\":[]}");
    server.setDispatcher(jamf);
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfAuthException.class)
          .hasMessageContaining("invalid_client")
          .hasMessageNotContaining(FakeJamf.SECRET);
    }
    assertThat(jamf.apiRequests).hasSize(1);
    assertThat(jamf.tokenRequests).hasValue(2);
  }

  @Test
  void callersRefusedTogetherShareOneFailedRefresh() throws Exception {
    int callers = 5;
    CountDownLatch allArrived = new CountDownLatch(callers);
    jamf.tokensGranted = 1;
    jamf.handler =
        r -> {
          allArrived.countDown();
          awaitQuietly(allArrived); // every caller holds tok-1 before the first refusal
          return json(401, "{\"httpStatus\":401,\"errors\":[]}");
        };
    server.setDispatcher(jamf);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try (JamfClient client = FakeJamf.clientFor(server).maxConcurrentRequests(callers).build()) {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(client::jamfProVersion));
      }
      for (Future<String> f : results) {
        assertThatThrownBy(f::get)
            .hasCauseInstanceOf(JamfAuthException.class)
            .hasMessageContaining("invalid_client");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jamf.apiRequests).hasSize(callers);
    assertThat(jamf.tokenRequests).as("the first token, then one shared refresh").hasValue(2);
  }

  @Test
  void aUserTokenRefusedAfterARefreshIsFetchedAgainWithBasicNotKeptAlive() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    List<String> tokenCalls = new CopyOnWriteArrayList<>();
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (path.startsWith("/api/v1/auth/")) {
              tokenCalls.add(path + " " + r.getHeaders().get("Authorization").split(" ")[0]);
              return json(
                  200,
                  "{\"token\":\"user-tok-"
                      + issued.incrementAndGet()
                      + "\",\"expires\":\"2099-01-01T00:00:00Z\"}");
            }
            return "Bearer user-tok-3".equals(bearer(r))
                ? VERSION
                : json(401, "{\"httpStatus\":401,\"errors\":[]}");
          }
        });
    try (JamfClient client =
        JamfClient.builder()
            .baseUrl(server.url("/").toString())
            .userAccount("admin", "hunter2")
            .build()) {
      assertThat(client.jamfProVersion()).isEqualTo("11.30.1");
    }
    assertThat(tokenCalls)
        .containsExactly(
            "/api/v1/auth/token Basic", "/api/v1/auth/token Basic", "/api/v1/auth/token Basic");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void rejectedClientCredentialsBecomeAnAuthExceptionWithoutTheSecret() {
    server.enqueue(
        json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad client\"}"));
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThatThrownBy(client::jamfProVersion)
          .isInstanceOf(JamfAuthException.class)
          .hasMessageContaining("invalid_client")
          .hasMessageNotContaining(FakeJamf.SECRET)
          .satisfies(e -> assertThat(((JamfException) e).errorCode()).contains("invalid_client"));
    }
  }

  @Test
  void userAccountUsesBasicThenKeepAliveBeforeExpiry() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    server.enqueue(
        json(200, "{\"token\":\"user-tok-1\",\"expires\":\"2026-01-01T00:30:00.000Z\"}"));
    server.enqueue(VERSION);
    server.enqueue(json(200, "{\"token\":\"user-tok-2\",\"expires\":\"2026-01-01T01:00:00Z\"}"));
    server.enqueue(VERSION);
    try (JamfClient client =
        JamfClient.builder()
            .baseUrl(server.url("/").toString())
            .userAccount("admin", "hunter2")
            .clock(clock)
            .build()) {
      client.jamfProVersion();
      clock.advance(Duration.ofMinutes(29)); // inside the refresh margin, not yet expired
      client.jamfProVersion();
    }
    RecordedRequest token = server.takeRequest();
    assertThat(token.getUrl().encodedPath()).isEqualTo("/api/v1/auth/token");
    assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic YWRtaW46aHVudGVyMg==");
    assertThat(bearer(server.takeRequest())).isEqualTo("Bearer user-tok-1");
    RecordedRequest keepAlive = server.takeRequest();
    assertThat(keepAlive.getMethod() + " " + keepAlive.getUrl().encodedPath())
        .isEqualTo("POST /api/v1/auth/keep-alive");
    assertThat(bearer(keepAlive)).isEqualTo("Bearer user-tok-1");
    assertThat(bearer(server.takeRequest())).isEqualTo("Bearer user-tok-2");
  }

  @Test
  void credentialsAndClientNeverShowSecretsInToString() {
    Credentials.ApiClient api = new Credentials.ApiClient("id", FakeJamf.SECRET);
    Credentials.UserAccount user = new Credentials.UserAccount("admin", "hunter2");
    assertThat(api.toString()).doesNotContain(FakeJamf.SECRET);
    assertThat(user.toString()).doesNotContain("hunter2");
    try (JamfClient client = FakeJamf.clientFor(server).build()) {
      assertThat(client.toString()).doesNotContain(FakeJamf.SECRET);
    }
  }
}
