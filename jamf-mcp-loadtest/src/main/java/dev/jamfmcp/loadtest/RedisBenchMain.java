package dev.jamfmcp.loadtest;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.redis.testing.RedisServerProcess;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Redis against in memory, same run, same machine: two processes of the executable on one simulated
 * Jamf Pro, one with {@code MCP_REDIS_URL} (a real {@code redis-server}) and one without, both
 * warmed up, then loaded in many short interleaved rounds: each round runs every workload on one
 * server and at once on the other (A/B, the order alternating from round to round), so each pair
 * shares the machine's load of that moment. Workloads:
 *
 * <ul>
 *   <li>a read: {@code getDeviceDetails} of a random computer;
 *   <li>a confirmed write: {@code sendMdmCommand logOutUser} on a random mobile device, as two
 *       steps, the preview (returns the signed token) and the confirmed call (redeems it).
 * </ul>
 *
 * Per phase: completed calls per second, p50/p99 of each step, the server's CPU per call, and the
 * Redis commands the phase caused ({@code INFO commandstats} before and after). The summary is, per
 * workload, the median over the rounds of the paired ratio Redis / in memory (throughput, p99),
 * with its quartiles and range: a machine-wide slowdown hits both halves of a pair, so the ratio's
 * spread is much narrower than that of either series. Every reply is checked; a failed one counts
 * as an error and the run exits 1.
 *
 * <pre>
 * java -cp jamf-mcp-loadtest/target/loadtest.jar dev.jamfmcp.loadtest.RedisBenchMain \
 *   --clients 8 --duration 3s --warmup 15s --rounds 30
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
    Duration duration = LoadMain.duration(opts.getOrDefault("duration", "3s"));
    Duration warmup = LoadMain.duration(opts.getOrDefault("warmup", "15s"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "30"));
    Path redisServer =
        RedisServerProcess.onPath()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "redis-server is not on the PATH (sudo apt-get install redis-server)"));
    Path logs = Path.of(opts.getOrDefault("logs", "target/redis-bench"));
    boolean failed;
    try (RedisServerProcess redis = RedisServerProcess.start(redisServer);
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
          "clients %d, %s per phase, %d rounds of A/B pairs; Jamf Pro simulator at %s, Redis at"
              + " %s%n",
          clients, duration, rounds, jamf.baseUrl(), redis.url());
      for (String name : List.of("memory", "redis")) {
        new Phase(servers.get(name), Workload.READ, clients, warmup, redis).run();
        new Phase(servers.get(name), Workload.WRITE, clients, warmup, redis).run();
      }
      Map<Workload, List<Pair>> pairs = new EnumMap<>(Workload.class);
      for (int round = 0; round < rounds; round++) {
        boolean memoryFirst = round % 2 == 0;
        for (Workload workload : Workload.values()) {
          Phase.Result a =
              new Phase(
                      servers.get(memoryFirst ? "memory" : "redis"),
                      workload,
                      clients,
                      duration,
                      redis)
                  .run();
          Phase.Result b =
              new Phase(
                      servers.get(memoryFirst ? "redis" : "memory"),
                      workload,
                      clients,
                      duration,
                      redis)
                  .run();
          Pair pair = memoryFirst ? new Pair(a, b) : new Pair(b, a);
          System.out.printf("round %2d memory %s%n", round + 1, pair.memory());
          System.out.printf("round %2d redis  %s%n", round + 1, pair.redis());
          pairs.computeIfAbsent(workload, k -> new ArrayList<>()).add(pair);
        }
      }
      System.out.println();
      System.out.printf(
          "paired ratios Redis / in memory over %d rounds: median [quartiles] (range)%n", rounds);
      long errors = 0;
      for (var e : pairs.entrySet()) {
        List<Pair> all = e.getValue();
        System.out.printf(
            "%-5s throughput %s  p99 %s%s%n",
            e.getKey(),
            Spread.of(all, p -> p.redis().opsPerSecond() / p.memory().opsPerSecond()),
            Spread.of(all, p -> p.redis().p99() / p.memory().p99()),
            e.getKey() == Workload.WRITE
                ? "  confirmed-call p99 "
                    + Spread.of(all, p -> p.redis().confirmP99() / p.memory().confirmP99())
                : "");
        System.out.printf(
            "%-5s medians: memory %s%n      medians: redis  %s%n",
            e.getKey(),
            Phase.Result.median(all.stream().map(Pair::memory).toList()),
            Phase.Result.median(all.stream().map(Pair::redis).toList()));
        errors += all.stream().mapToLong(p -> p.memory().errors() + p.redis().errors()).sum();
      }
      System.out.println(errors == 0 ? "errors: 0" : "FAILED, errors: " + errors);
      failed = errors > 0;
    }
    // After the servers and Redis are closed: System.exit inside the block would leave them
    // running.
    System.exit(failed ? 1 : 0);
  }

  /** One round of one workload: the in-memory phase and the Redis phase next to it. */
  record Pair(Phase.Result memory, Phase.Result redis) {}

  /** The median of a series with its quartiles and range, as {@code 0.987 [0.970-1.004] (...)}. */
  record Spread(double median, double q1, double q3, double min, double max) {
    static Spread of(List<Pair> pairs, ToDoubleFunction<Pair> ratio) {
      double[] v = pairs.stream().mapToDouble(ratio).sorted().toArray();
      return new Spread(
          quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1]);
    }

    /** Linear interpolation between the closest ranks. */
    static double quantile(double[] sorted, double q) {
      double at = q * (sorted.length - 1);
      int below = (int) Math.floor(at);
      int above = Math.min(sorted.length - 1, below + 1);
      return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
    }

    @Override
    public String toString() {
      return String.format("%.3f [%.3f-%.3f] (%.3f-%.3f)", median, q1, q3, min, max);
    }
  }

  static Map<String, String> settings(SimulatedJamfPro jamf, RedisServerProcess redis) {
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
    private final RedisServerProcess redis;
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
        RedisServerProcess redis) {
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
