package dev.jamfmcp.redis;

import dev.jamfmcp.mcp.approval.SecretReveal;
import dev.jamfmcp.mcp.approval.SecretReveals;
import dev.jamfmcp.mcp.jsonrpc.Json;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Secrets waiting for their approval page, in Redis ({@code <prefix>reveal:<approval id>}, expiring
 * with the reveal), so any instance's page shows it; taken with one GET-and-DEL script, so it is
 * shown once across all of them.
 */
final class RedisSecretReveals implements SecretReveals {
  private static final String STORE = "approval";
  private static final String TAKE =
      "local v = redis.call('GET', KEYS[1]); if v then redis.call('DEL', KEYS[1]) end; return v";

  private final RedisClusterState redis;
  private final String prefix;
  private final Clock clock;

  RedisSecretReveals(RedisClusterState redis, String keyPrefix, Clock clock) {
    this.redis = redis;
    this.prefix = keyPrefix + "reveal:";
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void put(SecretReveal reveal, Instant until) {
    long ttl = Math.max(1, Duration.between(clock.instant(), until).toMillis());
    String json =
        Json.object()
            .put("approvalId", reveal.approvalId())
            .put("label", reveal.label())
            .put("secret", reveal.secret())
            .put("readAt", reveal.readAt().toString())
            .toString();
    redis.call(STORE, c -> c.set(prefix + reveal.approvalId(), json, SetArgs.Builder.px(ttl)));
  }

  @Override
  public Optional<SecretReveal> take(String approvalId) {
    String json =
        redis.call(
            STORE, c -> c.eval(TAKE, ScriptOutputType.VALUE, new String[] {prefix + approvalId}));
    if (json == null) {
      return Optional.empty();
    }
    JsonNode o = Json.mapper().readTree(json);
    return Optional.of(
        new SecretReveal(
            o.get("approvalId").asString(),
            o.get("label").asString(),
            o.get("secret").asString(),
            Instant.parse(o.get("readAt").asString())));
  }
}
