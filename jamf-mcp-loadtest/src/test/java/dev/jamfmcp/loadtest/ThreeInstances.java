package dev.jamfmcp.loadtest;

import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.redis.testing.RequireRedis;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.simulator.effects.MdmCommand;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The deployment the multi-instance tests run against: a real {@code redis-server}, one simulated
 * Jamf Pro, three processes of the executable sharing the session and confirmation keys and {@code
 * MCP_REDIS_URL} (write tools on, {@code MCP_APPROVAL=elicitation}), and a round-robin proxy
 * without stickiness in front of them. Without {@code redis-server} the tests are skipped with one
 * line saying how to install it, unless {@code MCP_REQUIRE_REDIS=1} (as in {@code .ci/run}): then
 * its absence is a failure.
 */
final class ThreeInstances implements AutoCloseable {
  final RedisServerProcess redis;
  final SimulatedJamfPro jamf;
  final List<ServerProcess> instances;
  final RoundRobinProxy proxy;

  private ThreeInstances(
      RedisServerProcess redis,
      SimulatedJamfPro jamf,
      List<ServerProcess> instances,
      RoundRobinProxy proxy) {
    this.redis = redis;
    this.jamf = jamf;
    this.instances = instances;
    this.proxy = proxy;
  }

  private static ThreeInstances shared;

  /**
   * The one deployment every multi-instance test class of this JVM uses (started once: three JVMs
   * take seconds to start), stopped when the JVM exits; or skips (fails, when required) the calling
   * test class.
   */
  static synchronized ThreeInstances shared() throws Exception {
    if (shared == null) {
      ThreeInstances started = startOrSkip("cluster");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      // the JVM is exiting: nothing more to do
                    }
                  }));
      shared = started;
    }
    return shared;
  }

  /** Starts it all, or skips (fails, when required) the calling test class. */
  static ThreeInstances startOrSkip(String name) throws Exception {
    RedisServerProcess redis = RequireRedis.startOrSkip();
    SimulatedJamfPro jamf =
        SimulatedJamfPro.start(
            SimulatorConfig.of(c -> c.computers(200).mobileDevices(400).mdmAcknowledgeAfter(null)));
    List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path log = Path.of("target", "multi-instance", name + "-" + i + ".log");
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ServerProcess.start(settings(jamf, redis), jvmOptions(), log);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<ServerProcess> instances = new ArrayList<>();
    for (CompletableFuture<ServerProcess> s : starting) {
      instances.add(s.join());
    }
    RoundRobinProxy proxy =
        new RoundRobinProxy(instances.stream().mapToInt(ServerProcess::port).toArray());
    return new ThreeInstances(redis, jamf, instances, proxy);
  }

  /** The settings of every instance, as an operator would set them for three replicas. */
  static Map<String, String> settings(SimulatedJamfPro jamf, RedisServerProcess redis) {
    Map<String, String> env = new HashMap<>();
    env.put("JAMF_URL", jamf.baseUrl());
    env.put("JAMF_CLIENT_ID", jamf.config().clientId());
    env.put("JAMF_CLIENT_SECRET", jamf.config().clientSecret());
    env.put("MCP_BIND", "127.0.0.1");
    env.put("MCP_PORT", "0");
    env.put("MCP_SESSION_KEY", ServerUnderTest.SESSION_KEY);
    env.put("MCP_CONFIRMATION_KEY", ServerUnderTest.CONFIRMATION_KEY);
    env.put("MCP_REDIS_URL", redis.url());
    env.put("MCP_APPROVAL", "elicitation");
    env.put("MCP_TOOLSETS", "all");
    // Readiness reports the Redis state from this background check: seconds, not 15 s.
    env.put("JAMF_HEALTH_CHECK_INTERVAL", "1s");
    return env;
  }

  /** Small, quick-starting JVMs: three of them share the machine with the test. */
  static List<String> jvmOptions() {
    return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  URI proxyUrl() {
    return URI.create("http://127.0.0.1:" + proxy.port() + "/mcp");
  }

  /** A client through the proxy. */
  McpClient client() {
    return new McpClient(McpClient.newHttp(), proxyUrl(), Duration.ofSeconds(30));
  }

  /** A client straight to one instance, in the session {@code sessionId}. */
  McpClient direct(int instance, String sessionId) {
    McpClient client =
        new McpClient(
            McpClient.newHttp(), instances.get(instance).mcpUrl(), Duration.ofSeconds(30));
    client.sessionId(sessionId);
    return client;
  }

  /** The MDM commands the simulated Jamf Pro received for one mobile device. */
  List<MdmCommand> commandsFor(int mobileDeviceId) {
    return jamf.sideEffects().mdmCommands().stream()
        .filter(c -> c.deviceId() == mobileDeviceId && !"COMPUTER".equals(c.clientType()))
        .toList();
  }

  @Override
  public void close() throws Exception {
    proxy.close();
    for (ServerProcess instance : instances) {
      instance.close();
    }
    jamf.close();
    redis.close();
  }
}
