package dev.jamfmcp.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The key cache when the provider is down, and when it comes back; and a fetch that hangs never
 * holds up a token whose key is already known (issue 19, V5).
 */
class JwksCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void providerDownAtFirstUseIs503AndRetriedSparingly() throws Exception {
    TestTokens idp = new TestTokens(clock);
    AtomicBoolean down = new AtomicBoolean(true);
    AtomicInteger fetches = new AtomicInteger();
    JwtAuthenticator jwt =
        JwtAuthenticator.create(
            c ->
                c.issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE)
                    .clock(clock)
                    .jwksFetcher(
                        () -> {
                          fetches.incrementAndGet();
                          if (down.get()) {
                            throw new IOException("connection refused");
                          }
                          return idp.publicKeys();
                        }));
    String token = idp.token("read:jamf");
    assertThat(catchThrowableOfType(Rejection.class, () -> jwt.validate(token)).status())
        .isEqualTo(503);
    assertThat(catchThrowableOfType(Rejection.class, () -> jwt.validate(token)).status())
        .isEqualTo(503);
    assertThat(fetches.get()).isEqualTo(1);
    down.set(false);
    clock.advance(Duration.ofSeconds(6));
    assertThat(jwt.validate(token).subject()).isEqualTo("auth0|alice");
    down.set(true);
    clock.advance(Duration.ofMinutes(11));
    assertThat(jwt.validate(idp.token("read:jamf")).scopes()).containsExactly("read:jamf");
    await().until(() -> fetches.get() == 3);
    assertThat(jwt.validate(idp.token("read:jamf")).scopes())
        .as("a failed renewal keeps the old keys")
        .containsExactly("read:jamf");
  }

  @Test
  void knownKeysAreServedWhileAnUnknownKeyFetchIsStuck() throws Exception {
    TestTokens idp = new TestTokens(clock);
    RSAKey rotated = TestTokens.newKey();
    CountDownLatch fetchStuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    JwtAuthenticator jwt =
        authenticator(
            () -> {
              if (fetches.incrementAndGet() == 1) {
                return idp.publicKeys();
              }
              fetchStuck.countDown();
              awaitQuietly(release);
              return new JWKSet(List.of(idp.signingKey.toPublicJWK(), rotated.toPublicJWK()));
            });
    assertThat(jwt.validate(idp.token("read:jamf")).subject()).isEqualTo("auth0|alice");
    String rotatedToken = TestTokens.sign(rotated, idp.claims("read:jamf").build(), h -> {});

    ExecutorService pool = Executors.newFixedThreadPool(22);
    try {
      Future<Principal> unknownKey = pool.submit(() -> jwt.validate(rotatedToken));
      await().until(() -> fetchStuck.getCount() == 0);

      List<Future<Principal>> valid = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        valid.add(pool.submit(() -> jwt.validate(idp.token("read:jamf"))));
      }
      await()
          .alias("20 tokens with a known key, while the fetch for an unknown key hangs")
          .until(() -> valid.stream().allMatch(Future::isDone));
      for (Future<Principal> done : valid) {
        assertThat(done.get().subject()).isEqualTo("auth0|alice");
      }
      assertThat(unknownKey).as("still waiting for its fetch").isNotDone();

      Future<Principal> unknownToo = pool.submit(() -> jwt.validate(rotatedToken));
      release.countDown();
      assertThat(unknownKey.get().subject()).isEqualTo("auth0|alice");
      assertThat(unknownToo.get().subject()).isEqualTo("auth0|alice");
      assertThat(fetches.get()).as("one fetch for both unknown-key tokens").isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void expiredCacheIsRenewedInTheBackgroundWhileKnownKeysServe() throws Exception {
    TestTokens idp = new TestTokens(clock);
    CountDownLatch renewalStuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    JwtAuthenticator jwt =
        authenticator(
            () -> {
              if (fetches.incrementAndGet() > 1) {
                renewalStuck.countDown();
                awaitQuietly(release);
              }
              return idp.publicKeys();
            });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      jwt.validate(idp.token("read:jamf"));
      clock.advance(Duration.ofMinutes(11));
      Future<Principal> first = pool.submit(() -> jwt.validate(idp.token("read:jamf")));
      await().until(() -> renewalStuck.getCount() == 0);
      Future<Principal> second = pool.submit(() -> jwt.validate(idp.token("read:jamf")));
      await()
          .alias("tokens with a known key, while the renewal of the expired keys hangs")
          .until(() -> first.isDone() && second.isDone());
      assertThat(first.get().subject()).isEqualTo("auth0|alice");
      assertThat(second.get().subject()).isEqualTo("auth0|alice");
      assertThat(fetches.get()).as("one renewal at a time").isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void unknownKeysFetchAtMostOncePerInterval() throws Exception {
    TestTokens idp = new TestTokens(clock);
    AtomicInteger fetches = new AtomicInteger();
    JwtAuthenticator jwt =
        authenticator(
            () -> {
              fetches.incrementAndGet();
              return idp.publicKeys();
            });
    jwt.validate(idp.token("read:jamf"));
    for (int i = 0; i < 5; i++) {
      String stranger =
          TestTokens.sign(TestTokens.newKey(), idp.claims("read:jamf").build(), h -> {});
      assertThat(catchThrowableOfType(Rejection.class, () -> jwt.validate(stranger)).status())
          .isEqualTo(401);
    }
    assertThat(fetches.get()).as("the first fetch and one forced re-fetch").isEqualTo(2);
    clock.advance(Duration.ofSeconds(31));
    String stranger =
        TestTokens.sign(TestTokens.newKey(), idp.claims("read:jamf").build(), h -> {});
    catchThrowableOfType(Rejection.class, () -> jwt.validate(stranger));
    assertThat(fetches.get()).isEqualTo(3);
  }

  private JwtAuthenticator authenticator(JwksCache.Fetcher fetcher) {
    return JwtAuthenticator.create(
        c ->
            c.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .clock(clock)
                .jwksFetcher(fetcher));
  }

  private static void awaitQuietly(CountDownLatch latch) throws IOException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
