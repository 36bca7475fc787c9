package dev.jamfmcp.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a tool call costs in Redis round trips, counted by the server itself ({@code MONITOR}: one
 * line per command a client sent; commands run inside a script are not round trips of their own).
 * The target of issue 15: reads touch Redis not at all, and each step of a confirmed write (the
 * preview, the confirmed call) makes at most one round trip.
 */
class RedisRoundTripsTest {
  private static RedisServerProcess redis;
  private static RedisClusterState state;
  private static GatedServer server;
  private static RedisServerProcess.Monitor monitor;

  @BeforeAll
  static void start() throws Exception {
    redis = RequireRedis.startOrSkip();
    state =
        RedisClusterState.connect(
            RedisSettings.of(redis.url()).withKeyPrefix("test-" + UUID.randomUUID() + ":"));
    server = new GatedServer(state, "135790");
    monitor = redis.monitor();
  }

  @AfterAll
  static void stop() throws Exception {
    if (monitor != null) {
      monitor.close();
    }
    if (server != null) {
      server.close();
    }
    if (state != null) {
      state.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aReadMakesNoRoundTrip() throws Exception {
    AtomicReference<JsonNode> read = new AtomicReference<>();
    List<String> sent =
        monitor.commandsDuring(() -> read.set(server.call("look", "{\"id\":\"1\"}")));
    assertThat(read.get().path("structuredContent").path("id").asString()).isEqualTo("1");
    assertThat(sent).isEmpty();
  }

  @Test
  void aConfirmedWriteMakesNoRoundTripToPreviewAndOneToConfirm() throws Exception {
    AtomicReference<JsonNode> preview = new AtomicReference<>();
    List<String> previewing =
        monitor.commandsDuring(() -> preview.set(server.call("rename", "{\"id\":\"7\"}")));
    String token = token(preview.get());
    assertThat(previewing).as("the confirmation is signed and self-contained").isEmpty();

    int before = server.renamed.get();
    String confirmed = "{\"id\":\"7\",\"confirmationToken\":\"" + token + "\"}";
    AtomicReference<JsonNode> done = new AtomicReference<>();
    List<String> confirming =
        monitor.commandsDuring(() -> done.set(server.call("rename", confirmed)));
    assertThat(done.get().path("structuredContent").path("status").asString())
        .isEqualTo("executed");
    assertThat(server.renamed.get()).isEqualTo(before + 1);
    assertThat(confirming).as("SET NX of the used confirmation, nothing else").hasSize(1);
    assertThat(confirming.get(0)).startsWith("\"SET\"").contains(":consumed:").contains("\"NX\"");

    List<String> replaying =
        monitor.commandsDuring(() -> done.set(server.call("rename", confirmed)));
    assertThat(done.get().path("isError").asBoolean()).isTrue();
    assertThat(server.renamed.get()).as("a confirmation is used once").isEqualTo(before + 1);
    assertThat(replaying).hasSize(1);
  }

  @Test
  void aConfirmedWriteWithAGeneratedSecretMakesOneRoundTripPerStep() throws Exception {
    AtomicReference<JsonNode> preview = new AtomicReference<>();
    List<String> previewing =
        monitor.commandsDuring(() -> preview.set(server.call("lock", "{\"id\":\"9\"}")));
    String token = token(preview.get());
    assertThat(previewing).as("the pending action with its PIN").hasSize(1);
    assertThat(previewing.get(0)).startsWith("\"SET\"").contains(":pending:");

    String confirmed = "{\"id\":\"9\",\"confirmationToken\":\"" + token + "\"}";
    int before = server.lockPins.size();
    AtomicReference<JsonNode> done = new AtomicReference<>();
    List<String> confirming =
        monitor.commandsDuring(() -> done.set(server.call("lock", confirmed)));
    assertThat(done.get().path("structuredContent").path("status").asString())
        .isEqualTo("executed");
    assertThat(server.lockPins).hasSize(before + 1).contains("135790");
    assertThat(confirming)
        .as("one script: mark the confirmation used and take its pending action")
        .hasSize(1);
    assertThat(confirming.get(0)).startsWith("\"EVAL");

    List<String> replaying = monitor.commandsDuring(() -> done.set(server.call("lock", confirmed)));
    assertThat(done.get().path("isError").asBoolean()).isTrue();
    assertThat(server.lockPins).as("a confirmation is used once").hasSize(before + 1);
    assertThat(replaying).hasSize(1);
  }

  private static String token(JsonNode preview) {
    assertThat(preview.path("structuredContent").path("status").asString())
        .isEqualTo("confirmation_required");
    return preview.path("structuredContent").path("confirmation").path("token").asString();
  }
}
