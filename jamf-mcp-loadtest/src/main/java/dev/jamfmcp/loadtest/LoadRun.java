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
 * N MCP clients, each on its own thread: initialize, tools/list, then a mix of read tools (a
 * filtered computer list, a computer's detail, the Jamf Pro version, tools/list again), ending and
 * re-opening its session every {@code sessionEvery} calls, until the request budget or the duration
 * is spent. Samples this JVM's heap after GC, threads and file descriptors after the warm-up and
 * then at every interval.
 */
public final class LoadRun {

  /** What to run. {@code maxRequests} 0 means no limit; the duration always applies. */
  public record Options(
      int clients,
      Duration duration,
      long maxRequests,
      long warmupRequests,
      Duration sampleInterval,
      int computers,
      int sessionEvery) {}

  /** One sample of resources, at {@code requests} completed requests. */
  public record Sample(long elapsedMillis, long requests, Resources resources) {}

  /** What a run measured. */
  public record Report(
      Options options,
      long requests,
      long elapsedMillis,
      Latencies latencies,
      Map<String, Long> errors,
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
              "clients %d, requests %d in %.1f s: %.0f req/s%n",
              options.clients(), requests, elapsedMillis / 1000.0, throughput()));
      out.append(
          String.format(
              "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
              latencies.percentileMillis(0.50),
              latencies.percentileMillis(0.99),
              latencies.maxMillis()));
      out.append("errors: ")
          .append(errorCount())
          .append(errors.isEmpty() ? "" : " " + errors)
          .append('\n');
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
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();
  private final LongAdder completed = new LongAdder();
  private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
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
        options, completed.sum(), elapsed, latencies, errorCounts, List.copyOf(samples));
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
    while (take(deadline)) {
      long began = System.nanoTime();
      try {
        if (!open) {
          client.initialize();
          open = true;
        } else if (calls % options.sessionEvery() == options.sessionEvery() - 1) {
          client.delete();
          open = false;
        } else {
          operation(client, calls, random);
        }
        latencies.record(System.nanoTime() - began);
      } catch (McpClient.Failure e) {
        error(e.kind);
      } catch (HttpTimeoutException e) {
        error("timeout");
      } catch (IOException e) {
        error("io-" + e.getClass().getSimpleName());
        open = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        error("client-" + e.getClass().getSimpleName());
      }
      calls++;
      completed.increment();
    }
  }

  private void operation(McpClient client, long calls, Random random)
      throws IOException, InterruptedException, McpClient.Failure {
    int kind = (int) (calls % 10);
    if (kind == 9) {
      client.call("tools/list", Json.object());
      return;
    }
    ObjectNode args = Json.object();
    String tool;
    if (kind < 5) {
      tool = StandInTools.LIST;
      args.put("nameLike", "*" + (char) ('A' + random.nextInt(26)) + "*").put("limit", 20);
    } else if (kind < 8) {
      tool = StandInTools.DETAIL;
      args.put("id", String.valueOf(1 + random.nextInt(options.computers())));
    } else {
      tool = StandInTools.VERSION;
    }
    JsonNode result = client.callTool(tool, args);
    if (result.path("isError").asBoolean(false)) {
      error("tool-isError");
    }
  }

  private void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }
}
