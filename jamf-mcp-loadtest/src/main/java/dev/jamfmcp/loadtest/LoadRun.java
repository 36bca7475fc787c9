package dev.jamfmcp.loadtest;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * N MCP clients, each on its own thread: initialize, tools/list, then a mix of the real Jamf read
 * tools with realistic arguments ({@link #mix}) and tools/list again, ending and re-opening its
 * session every {@code sessionEvery} calls, until the request budget or the duration is spent.
 * Samples this JVM's heap after GC, threads and file descriptors after the warm-up and then at
 * every interval.
 *
 * <p>Every reply is checked ({@link McpClient}: own id, HTTP 200, a {@code result} for that id),
 * and so is what it says: a tool result with {@code isError: true}, a {@code tools/list} without
 * tools or a DELETE not answered 204 is an error too. Only requests that passed count as completed
 * (throughput, latencies); the errors are counted by kind, with the first few shown.
 */
public final class LoadRun {

  /** What to run. {@code maxRequests} 0 means no limit; the duration always applies. */
  public record Options(
      int clients,
      Duration duration,
      long maxRequests,
      long warmupRequests,
      Duration sampleInterval,
      Targets targets,
      int sessionEvery) {}

  /** One sample of resources, at {@code requests} completed requests. */
  public record Sample(long elapsedMillis, long requests, Resources resources) {}

  /** What a run measured; {@code requests} are the successful ones. */
  public record Report(
      Options options,
      long requests,
      long elapsedMillis,
      Latencies latencies,
      Map<String, Latencies> byOperation,
      Map<String, Long> errors,
      List<String> errorSamples,
      List<Sample> samples) {

    public long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double throughput() {
      return requests * 1000.0 / Math.max(1, elapsedMillis);
    }

    public Sample first() {
      return samples.get(0);
    }

    public Sample last() {
      return samples.get(samples.size() - 1);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "clients %d, %d requests succeeded in %.1f s: %.0f req/s (failed ones not counted)%n",
              options.clients(), requests, elapsedMillis / 1000.0, throughput()));
      out.append(
          String.format(
              "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
              latencies.percentileMillis(0.50),
              latencies.percentileMillis(0.99),
              latencies.maxMillis()));
      byOperation.forEach(
          (op, l) ->
              out.append(
                  String.format(
                      "  %-28s %8d calls  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n",
                      op,
                      l.count(),
                      l.percentileMillis(0.50),
                      l.percentileMillis(0.99),
                      l.maxMillis())));
      out.append(errorCount() == 0 ? "errors: " : "FAILED, errors: ")
          .append(errorCount())
          .append(errors.isEmpty() ? "" : " " + errors)
          .append('\n');
      errorSamples.forEach(e -> out.append("  ").append(e).append('\n'));
      for (Sample s : samples) {
        out.append(
            String.format(
                "  at %6.1f s, %7d requests: %s%n",
                s.elapsedMillis() / 1000.0, s.requests(), s.resources()));
      }
      return out.toString();
    }
  }

  private final Options options;
  private final URI url;
  private final HttpClient http = McpClient.newHttp();
  private final Latencies latencies = new Latencies();
  // One histogram per operation of the mix (about 20 keys: bounded).
  private final Map<String, Latencies> byOperation = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();
  private final LongAdder completed = new LongAdder();
  private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stop;

  public LoadRun(URI url, Options options) {
    this.url = url;
    this.options = options;
  }

  public Report run(Consumer<Sample> onSample) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + options.duration().toNanos();
    CountDownLatch done = new CountDownLatch(options.clients());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.clients(); i++) {
      int n = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  client(n, deadline);
                } finally {
                  done.countDown();
                }
              },
              "loadtest-client-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    while (completed.sum() < options.warmupRequests()
        && done.getCount() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    sample(start, onSample);
    long interval = options.sampleInterval().toNanos();
    long nextSample = System.nanoTime() + interval;
    while (!done.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() >= nextSample) {
        sample(start, onSample);
        nextSample = System.nanoTime() + interval;
      }
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    sample(start, onSample);
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    return new Report(
        options,
        completed.sum(),
        elapsed,
        latencies,
        new TreeMap<>(byOperation),
        errorCounts,
        List.copyOf(errorSamples),
        List.copyOf(samples));
  }

  private void sample(long start, Consumer<Sample> onSample) {
    Sample s =
        new Sample((System.nanoTime() - start) / 1_000_000, completed.sum(), Resources.sample());
    samples.add(s);
    onSample.accept(s);
  }

  private boolean take(long deadline) {
    if (stop || System.nanoTime() >= deadline) {
      return false;
    }
    if (options.maxRequests() > 0 && issued.incrementAndGet() > options.maxRequests()) {
      stop = true;
      return false;
    }
    return true;
  }

  private void client(int n, long deadline) {
    Random random = new Random(n);
    McpClient client = new McpClient(http, url, Duration.ofSeconds(30));
    long calls = 0;
    boolean open = false;
    boolean listTools = false;
    while (take(deadline)) {
      long began = System.nanoTime();
      try {
        String op;
        if (!open) {
          client.initialize();
          open = true;
          listTools = true;
          op = "initialize";
        } else if (listTools) {
          listTools(client);
          listTools = false;
          op = "tools/list";
        } else if (calls % options.sessionEvery() == options.sessionEvery() - 1) {
          open = false;
          int status = client.delete();
          if (status != 204) {
            throw new McpClient.Failure("delete-http-" + status, "DELETE answered " + status);
          }
          op = "DELETE";
        } else {
          op = operation(client, calls, random);
        }
        long took = System.nanoTime() - began;
        latencies.record(took);
        byOperation.computeIfAbsent(op, k -> new Latencies()).record(took);
        completed.increment();
      } catch (McpClient.Failure e) {
        error(e.kind, e.getMessage());
      } catch (HttpTimeoutException e) {
        error("timeout", e.getMessage());
      } catch (IOException e) {
        error("io-" + e.getClass().getSimpleName(), e.getMessage());
        open = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        error("client-" + e.getClass().getSimpleName(), e.getMessage());
      }
      calls++;
    }
  }

  /** One read in the mix: a tool and its arguments. */
  record Call(String tool, ObjectNode arguments) {}

  /**
   * The mix, by position in a cycle of {@link #MIX}: 4 device searches (text, department, macOS
   * version, model), 3 device details, compliance, security posture, fleet overview, policies
   * (list, detail), computer groups (list, members), mobile devices (search, detail), configuration
   * profiles, the ChatGPT search and fetch pair, and tools/list (null).
   */
  static Call mix(long position, Random random, Targets targets) {
    String letter = String.valueOf((char) ('a' + random.nextInt(26)));
    String computer = String.valueOf(1 + random.nextInt(targets.computers()));
    ObjectNode args = Json.object();
    String tool;
    switch ((int) (position % MIX)) {
      case 0 -> {
        tool = "searchDevices";
        args.put("query", letter).put("limit", 25);
      }
      case 1 -> {
        tool = "searchDevices";
        args.put("department", pick(random, targets.departments())).put("limit", 25);
      }
      case 2 -> {
        tool = "searchDevices";
        args.put("osVersion", String.valueOf(13 + random.nextInt(4))).put("limit", 50);
      }
      case 3 -> {
        tool = "searchDevices";
        args.put("model", random.nextBoolean() ? "MacBook" : "iMac").put("limit", 10);
      }
      case 4, 5, 6 -> {
        tool = "getDeviceDetails";
        args.put("identifier", computer);
        if (position % MIX == 6) {
          args.putArray("sections").add("GENERAL").add("APPLICATIONS").add("GROUP_MEMBERSHIPS");
        }
      }
      case 7 -> {
        tool = "checkDeviceCompliance";
        args.put("daysSinceLastCheckin", 7 + random.nextInt(84)).put("limit", 20);
      }
      case 8 -> {
        tool = "getSecurityPosture";
        if (random.nextBoolean()) {
          args.put("department", pick(random, targets.departments()));
        }
      }
      case 9 -> tool = "getFleetOverview";
      case 10 -> {
        tool = "listPolicies";
        args.put("limit", 50);
      }
      case 11 -> {
        tool = "getPolicyDetails";
        args.put("policyId", String.valueOf(pick(random, targets.policyIds())));
      }
      case 12 -> {
        tool = "listComputerGroups";
        args.put("type", "all");
      }
      case 13 -> {
        tool = "getComputerGroupMembers";
        args.put("groupId", String.valueOf(pick(random, targets.groupIds()))).put("limit", 50);
      }
      case 14 -> {
        tool = "searchMobileDevices";
        args.put("query", letter).put("limit", 25);
      }
      case 15 -> {
        tool = "getMobileDeviceDetails";
        args.put("identifier", String.valueOf(1 + random.nextInt(targets.mobileDevices())));
      }
      case 16 -> {
        tool = "listConfigurationProfiles";
        args.put("platform", random.nextBoolean() ? "mac" : "mobile");
      }
      case 17 -> {
        tool = "search";
        args.put("query", pick(random, targets.departments()));
      }
      case 18 -> {
        tool = "fetch";
        args.put("id", "computer:" + computer);
      }
      default -> {
        return null;
      }
    }
    return new Call(tool, args);
  }

  /** Calls per cycle of the mix. */
  static final int MIX = 20;

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** Runs one operation of the mix; returns its name. */
  private String operation(McpClient client, long calls, Random random)
      throws IOException, InterruptedException, McpClient.Failure {
    Call call = mix(calls, random, options.targets());
    if (call == null) {
      listTools(client);
      return "tools/list";
    }
    JsonNode result = client.callTool(call.tool(), call.arguments());
    if (result.path("isError").asBoolean(false)) {
      throw new McpClient.Failure(
          "isError-" + call.tool(),
          call + " -> " + result.path("content").path(0).path("text").asString(""));
    }
    if (!result.path("content").isArray()) {
      throw new McpClient.Failure("no-content-" + call.tool(), call + " -> " + result);
    }
    return call.tool();
  }

  /** {@code tools/list}, which must list tools. */
  private static void listTools(McpClient client)
      throws IOException, InterruptedException, McpClient.Failure {
    JsonNode result = client.call("tools/list", Json.object());
    JsonNode tools = result.path("tools");
    if (!tools.isArray() || tools.isEmpty()) {
      throw new McpClient.Failure("no-tools", "tools/list -> " + result);
    }
  }

  private void error(String kind, String detail) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (errorSamples.size() < ERROR_SAMPLES) {
      errorSamples.add(kind + ": " + detail);
    }
  }

  /** How many failed replies are kept as samples for the report. */
  private static final int ERROR_SAMPLES = 10;

  /** The first few errors, for the report. */
  public List<String> errorSamples() {
    return List.copyOf(errorSamples);
  }

  /**
   * What exists in the Jamf Pro under load, so every call names something real: the fleet sizes,
   * the department names, policy and computer group ids.
   */
  public record Targets(
      int computers,
      int mobileDevices,
      List<String> departments,
      List<Integer> policyIds,
      List<Integer> groupIds) {}
}
