package dev.jamfmcp.loadtest;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Redis against in memory, same run, same machine: two processes of the executable on one simulated
 * Jamf Pro, one with {@code MCP_REDIS_URL} (a real {@code redis-server}) and one without, loaded in
 * interleaved rounds (the order alternates) with
 *
 * <ul>
 *   <li>a read: {@code getDeviceDetails} of a random computer;
 *   <li>a confirmed write: {@code sendMdmCommand logOutUser} on a random mobile device, as two
 *       steps, the preview (returns the signed token) and the confirmed call (redeems it).
 * </ul>
 *
 * Per phase: completed calls per second, p50/p99 of each step, the server's CPU per call (the
 * process's user+system time over the phase), and the Redis commands the phase caused ({@code INFO
 * commandstats} before and after), per call and by name. Every reply is checked; a failed one
 * counts as an error and the run exits 1.
 *
 * <pre>
 * java -cp jamf-mcp-loadtest/target/loadtest.jar dev.jamfmcp.loadtest.RedisBenchMain \
 *   --clients 8 --duration 20s --rounds 3
 * </pre>
 */
public final class RedisBenchMain {
  private RedisBenchMain() {}

  private static final List<String> SERVER_JVM = List.of("-Xmx512m");

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
    Duration duration = LoadMain.duration(opts.getOrDefault("duration", "20s"));
    Duration warmup = LoadMain.duration(opts.getOrDefault("warmup", "15s"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
    Path redisServer =
        RedisServer.onPath()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "redis-server is not on the PATH (sudo apt-get install redis-server)"));
    Path logs = Path.of(opts.getOrDefault("logs", "target/redis-bench"));
    boolean failed;
    try (RedisServer redis = RedisServer.start(redisServer);
        SimulatedJamfPro jamf =
            SimulatedJamfPro.start(
                SimulatorConfig.of(
                    c -> c.computers(2000).mobileDevices(2000).mdmAcknowledgeAfter(null)));
        ServerProcess memory =
            ServerProcess.start(settings(jamf, null), SERVER_JVM, logs.resolve("memory.log"));
        ServerProcess shared =
            ServerProcess.start(settings(jamf, redis), SERVER_JVM, logs.resolve("redis.log"))) {
      Map<String, ServerProcess> servers = Map.of("memory", memory, "redis", shared);
      System.out.printf(
          "clients %d, %s per phase, %d rounds; Jamf Pro simulator at %s, Redis at %s%n",
          clients, duration, rounds, jamf.baseUrl(), redis.url());
      for (String name : List.of("memory", "redis")) {
        new Phase(servers.get(name), Workload.READ, clients, warmup, redis).run();
        new Phase(servers.get(name), Workload.WRITE, clients, warmup, redis).run();
      }
      Map<String, List<Phase.Result>> results = new TreeMap<>();
      for (int round = 0; round < rounds; round++) {
        List<String> order =
            round % 2 == 0 ? List.of("memory", "redis") : List.of("redis", "memory");
        for (Workload workload : Workload.values()) {
          for (String name : order) {
            Phase.Result r = new Phase(servers.get(name), workload, clients, duration, redis).run();
            System.out.printf("round %d %-6s %s%n", round + 1, name, r);
            results.computeIfAbsent(workload + " " + name, k -> new ArrayList<>()).add(r);
          }
        }
      }
      System.out.println();
      System.out.println("medians over the rounds:");
      long errors = 0;
      for (var e : results.entrySet()) {
        System.out.printf("%-12s %s%n", e.getKey(), Phase.Result.median(e.getValue()));
        errors += e.getValue().stream().mapToLong(Phase.Result::errors).sum();
      }
      System.out.println(errors == 0 ? "errors: 0" : "FAILED, errors: " + errors);
      failed = errors > 0;
    }
    // After the servers and Redis are closed: System.exit inside the block would leave them
    // running.
    System.exit(failed ? 1 : 0);
  }

  static Map<String, String> settings(SimulatedJamfPro jamf, RedisServer redis) {
    Map<String, String> env = new HashMap<>();
    env.put("JAMF_URL", jamf.baseUrl());
    env.put("JAMF_CLIENT_ID", jamf.config().clientId());
    env.put("JAMF_CLIENT_SECRET", jamf.config().clientSecret());
    env.put("MCP_BIND", "127.0.0.1");
    env.put("MCP_TOOLSETS", "all");
    env.put("MCP_PORT", "0");
    env.put("MCP_SESSION_KEY", ServerUnderTest.SESSION_KEY);
    env.put("MCP_CONFIRMATION_KEY", ServerUnderTest.CONFIRMATION_KEY);
    env.put("MCP_LOG_LEVEL", "warn"); // no request log line per call
    env.put("JAMF_HEALTH_CHECK_INTERVAL", "1h");
    if (redis != null) {
      env.put("MCP_REDIS_URL", redis.url());
    }
    return env;
  }

  enum Workload {
    READ,
    WRITE
  }

  /** One workload against one server for a while, from {@code clients} threads. */
  static final class Phase {
    private final ServerProcess server;
    private final Workload workload;
    private final int clients;
    private final Duration duration;
    private final RedisServer redis;
    private final HttpClient http = McpClient.newHttp();
    private final Latencies first = new Latencies();
    private final Latencies second = new Latencies();
    private final LongAdder errors = new LongAdder();
    private volatile String firstError;

    Phase(
        ServerProcess server,
        Workload workload,
        int clients,
        Duration duration,
        RedisServer redis) {
      this.server = server;
      this.workload = workload;
      this.clients = clients;
      this.duration = duration;
      this.redis = redis;
    }

    /**
     * What one phase measured: operations per second (a write is its two steps), the latencies of
     * the read (or the preview) and of the confirmed call, server CPU per operation, and Redis
     * commands per operation by name.
     */
    record Result(
        Workload workload,
        double opsPerSecond,
        double p50,
        double p99,
        double confirmP50,
        double confirmP99,
        double cpuMicrosPerOp,
        double redisPerOp,
        Map<String, Double> redisByName,
        long errors,
        String firstError) {

      @Override
      public String toString() {
        String steps =
            workload == Workload.READ
                ? String.format("read p50 %6.2f ms p99 %6.2f ms", p50, p99)
                : String.format(
                    "preview p50 %6.2f p99 %6.2f ms, confirmed p50 %6.2f p99 %6.2f ms",
                    p50, p99, confirmP50, confirmP99);
        return String.format(
            "%-5s %7.1f ops/s  %s  cpu %6.0f µs/op  redis %.2f cmd/op %s%s",
            workload,
            opsPerSecond,
            steps,
            cpuMicrosPerOp,
            redisPerOp,
            redisByName,
            errors == 0 ? "" : "  ERRORS " + errors + " (" + firstError + ")");
      }

      static Result median(List<Result> all) {
        return new Result(
            all.get(0).workload(),
            med(all, Result::opsPerSecond),
            med(all, Result::p50),
            med(all, Result::p99),
            med(all, Result::confirmP50),
            med(all, Result::confirmP99),
            med(all, Result::cpuMicrosPerOp),
            med(all, Result::redisPerOp),
            all.get(all.size() - 1).redisByName(),
            all.stream().mapToLong(Result::errors).sum(),
            all.stream().map(Result::firstError).filter(e -> e != null).findFirst().orElse(null));
      }

      private static double med(
          List<Result> all, java.util.function.ToDoubleFunction<Result> value) {
        double[] v = all.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      }
    }

    Result run() throws Exception {
      List<McpClient> sessions = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        McpClient client = new McpClient(http, server.mcpUrl(), Duration.ofSeconds(30));
        client.initialize();
        sessions.add(client);
      }
      Map<String, Long> redisBefore = redis.commandCounts();
      long cpuBefore = cpuNanos();
      long start = System.nanoTime();
      long deadline = start + duration.toNanos();
      List<Thread> threads = new ArrayList<>();
      LongAdder ops = new LongAdder();
      for (int i = 0; i < clients; i++) {
        McpClient client = sessions.get(i);
        Random random = new Random(i * 7919L + System.nanoTime());
        Thread t = new Thread(() -> loop(client, random, deadline, ops), "bench-" + i);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      long elapsed = System.nanoTime() - start;
      long cpu = cpuNanos() - cpuBefore;
      Map<String, Long> redisAfter = redis.commandCounts();
      for (McpClient client : sessions) {
        client.delete();
      }
      long n = Math.max(1, ops.sum());
      Map<String, Double> byName = new TreeMap<>();
      long redisTotal = 0;
      for (var e : redisAfter.entrySet()) {
        long delta = e.getValue() - redisBefore.getOrDefault(e.getKey(), 0L);
        if (e.getKey().equals("info")) {
          delta -= 1; // the commandCounts() query itself
        }
        if (delta > 0) {
          byName.put(e.getKey(), Math.round(delta * 100.0 / n) / 100.0);
          redisTotal += delta;
        }
      }
      return new Result(
          workload,
          ops.sum() * 1e9 / elapsed,
          first.percentileMillis(0.50),
          first.percentileMillis(0.99),
          second.percentileMillis(0.50),
          second.percentileMillis(0.99),
          cpu / 1000.0 / n,
          (double) redisTotal / n,
          byName,
          errors.sum(),
          firstError);
    }

    private long cpuNanos() {
      return server.cpu().toNanos();
    }

    private void loop(McpClient client, Random random, long deadline, LongAdder ops) {
      while (System.nanoTime() < deadline) {
        try {
          if (workload == Workload.READ) {
            long t0 = System.nanoTime();
            JsonNode r =
                client.callTool(
                    "getDeviceDetails",
                    Json.object().put("identifier", String.valueOf(1 + random.nextInt(2000))));
            check(r, "getDeviceDetails", null);
            first.record(System.nanoTime() - t0);
          } else {
            ObjectNode args = Json.object().put("command", "logOutUser");
            args.putArray("deviceIds").add("mobile:" + (1 + random.nextInt(2000)));
            long t0 = System.nanoTime();
            JsonNode preview = client.callTool("sendMdmCommand", args);
            check(preview, "preview", "confirmation_required");
            long t1 = System.nanoTime();
            first.record(t1 - t0);
            String token =
                preview.path("structuredContent").path("confirmation").path("token").asString();
            JsonNode done =
                client.callTool("sendMdmCommand", args.deepCopy().put("confirmationToken", token));
            check(done, "confirmed", "executed");
            second.record(System.nanoTime() - t1);
          }
          ops.increment();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          errors.increment();
          if (firstError == null) {
            firstError = e.toString();
          }
        }
      }
    }

    private static void check(JsonNode result, String what, String status)
        throws McpClient.Failure {
      if (result.path("isError").asBoolean(false)
          || (status != null
              && !status.equals(result.path("structuredContent").path("status").asString("")))) {
        throw new McpClient.Failure(what, what + " -> " + result);
      }
    }
  }
}
