package dev.jamfmcp.javalin.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.javalin.testing.SecuredServer;
import dev.jamfmcp.mcp.cluster.RateLimitBuckets;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Token buckets per IP (before auth) and per principal (after), with bounded memory. */
class RateLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void bucketAllowsBurstThenRefillsAtRate() {
    RateLimiter limiter = new RateLimiter(2, 3, 100, Duration.ofMinutes(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a")).isZero();
    }
    assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    assertThat(limiter.tryAcquire("b")).as("keys are independent").isZero();
    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("a")).isZero();
    assertThat(limiter.tryAcquire("a")).isEqualTo(1);
    RateLimiter slow = new RateLimiter(0.1, 1, 100, Duration.ofMinutes(10), clock);
    assertThat(slow.tryAcquire("x")).isZero();
    assertThat(slow.tryAcquire("x")).isEqualTo(10);
  }

  @Test
  void memoryIsBoundedAndIdleBucketsEvicted() {
    RateLimiter limiter = new RateLimiter(1, 1, 50, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 10_000; i++) {
      limiter.tryAcquire("ip-" + i);
    }
    assertThat(limiter.size()).isEqualTo(50);
    clock.advance(Duration.ofMinutes(2));
    limiter.tryAcquire("fresh");
    assertThat(limiter.size()).isEqualTo(1);
  }

  @Test
  void perIpLimitAnswers429BeforeAuthentication() throws Exception {
    try (SecuredServer s = new SecuredServer(false, r -> r.perIp(1, 3))) {
      for (int i = 0; i < 3; i++) {
        assertThat(s.send(s.post("/mcp", SecuredServer.init())).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> limited = s.send(s.post("/mcp", SecuredServer.init()));
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("1");
      assertThat(limited.body()).isEqualTo("{\"error\":\"Rate limit exceeded\",\"retry_after\":1}");
      clock(s).advance(Duration.ofSeconds(1));
      assertThat(s.send(s.post("/mcp", SecuredServer.init())).statusCode()).isEqualTo(401);
      assertThat(s.jamfRequests).isEmpty();
    }
  }

  /**
   * Issue 19 V6: tokenless requests spent the per-IP budget before authentication, so valid users
   * behind the same address (every ChatGPT user arrives from OpenAI's few egress addresses) got
   * 429.
   */
  @Test
  void anonymousTrafficCannotSpendASignedInUsersBudget() throws Exception {
    try (SecuredServer s = new SecuredServer(false, r -> r.perIp(1, 60))) {
      int limited = 0;
      for (int i = 0; i < 65; i++) {
        if (s.send(s.post("/mcp", SecuredServer.init())).statusCode() == 429) {
          limited++;
        }
      }
      assertThat(limited).isEqualTo(5); // the anonymous budget does hold
      String token = s.idp.token("read:jamf");
      String session = s.initialize(token); // from the same address: not 429
      assertThat(s.callTool(token, session, "jamf_version").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void perPrincipalLimitAnswers429AfterAuthentication() throws Exception {
    try (SecuredServer s = new SecuredServer(false, r -> r.perPrincipal(0.5, 2))) {
      String token = s.idp.token("read:jamf");
      String session = s.initialize(token);
      HttpResponse<String> limited = s.callTool(token, session, "jamf_version");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("2");
      assertThat(limited.body()).isEqualTo("{\"error\":\"Rate limit exceeded\",\"retry_after\":2}");
      assertThat(s.jamfRequests).isEmpty();
      clock(s).advance(Duration.ofSeconds(2));
      assertThat(s.callTool(token, session, "jamf_version").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void perPrincipalLimitTakesFromTheBucketsItIsGiven() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    RateLimitBuckets shared =
        key -> {
          asked.add(key);
          return asked.size() > 2
              ? 7
              : 0; // initialize and initialized pass, then the store says wait
        };
    try (SecuredServer s = new SecuredServer(false, r -> r.principalBuckets(shared))) {
      String token = s.idp.token("read:jamf");
      String session = s.initialize(token);
      HttpResponse<String> limited = s.callTool(token, session, "jamf_version");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("7");
      assertThat(asked).hasSize(3).containsOnly("auth0|alice");
    }
  }

  private static MutableClock clock(SecuredServer s) {
    return s.clock;
  }
}
