package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jamfmcp.mcp.cluster.EnabledToolsets;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each session's toolsets in a real redis-server, written by one instance and read by another. */
class RedisEnabledToolsetsTest {
  private static RedisServerProcess redis;
  private RedisClusterState a;
  private RedisClusterState b;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RequireRedis.startOrSkip();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void connect() {
    RedisSettings settings =
        RedisSettings.of(redis.url()).withKeyPrefix("test-" + UUID.randomUUID() + ":");
    a = RedisClusterState.connect(settings);
    b = RedisClusterState.connect(settings);
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void aChoiceWrittenOnOneInstanceIsReadOnAnotherAndForgottenWhenTheSessionEnds() {
    EnabledToolsets one = a.enabledToolsets(Duration.ofMinutes(30));
    EnabledToolsets two = b.enabledToolsets(Duration.ofMinutes(30));
    assertThat(two.read("s:1")).isEmpty();

    one.write("s:1", Set.of("MOBILE", "DEVICES"));
    one.write("s:2", Set.of());

    assertThat(two.read("s:1")).contains(Set.of("DEVICES", "MOBILE"));
    assertThat(two.read("s:2")).contains(Set.of()); // chosen: everything off, not "never chose"
    two.forget("s:1");
    assertThat(one.read("s:1")).isEmpty();
    assertThat(one.read("s:2")).isPresent();
  }

  @Test
  void aChoiceExpiresAfterItsLifetimeUnlessReadMeanwhile() {
    EnabledToolsets store = a.enabledToolsets(Duration.ofMillis(300));
    store.write("s:idle", Set.of("MDM"));

    // Each read slides the expiry, so poll less often than the lifetime.
    await()
        .pollDelay(Duration.ofSeconds(1))
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.read("s:idle").isEmpty());
  }

  @Test
  void anUnreachableRedisRefusesTheWriteSayingSo() {
    EnabledToolsets store = a.enabledToolsets(Duration.ofMinutes(1));
    a.close();

    assertThatThrownBy(() -> store.write("s:1", Set.of("MDM")))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("toolsets");
    assertThatThrownBy(() -> store.read("s:1")).isInstanceOf(StoreUnavailableException.class);
  }
}
