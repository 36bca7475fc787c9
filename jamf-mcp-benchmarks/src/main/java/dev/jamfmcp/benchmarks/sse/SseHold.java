package dev.jamfmcp.benchmarks.sse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Idle SSE streams held open, and what they cost the server (issue #9, docs/BENCHMARKS.md).
 *
 * <p>Starts the server in its own JVM (or attaches to one by {@code --pid} and {@code --url}), then
 * from this JVM opens {@code --streams} event streams over non-blocking sockets on one thread: for
 * Streamable HTTP first one session per stream (initialize, notifications/initialized, on a
 * connection the server then closes), then one {@code GET /mcp} per session; for the legacy
 * transport one {@code GET /sse} each. It records when each stream's headers and first event
 * arrived, holds them {@code --hold} seconds counting {@code :ping} comments, and takes the
 * server's live heap (class histogram after a full GC), RSS, threads and open files before, after
 * the sessions, with every stream open, and at the end of the hold.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks.jar dev.jamfmcp.benchmarks.sse.SseHold \
 *   --streams 10000 --hold 60 --ping 5 [--mode streamable|legacy] [--server jamf|sdk] \
 *   [--xmx 512m] [--window 128] [--histogram 25] [--nmt] [--pid PID --url URL]
 * </pre>
 */
public final class SseHold {
  private SseHold() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int streams = Integer.parseInt(opts.getOrDefault("streams", "1000"));
    int holdSeconds = Integer.parseInt(opts.getOrDefault("hold", "60"));
    int pingSeconds = Integer.parseInt(opts.getOrDefault("ping", "5"));
    int window = Integer.parseInt(opts.getOrDefault("window", "128"));
    int histogramRows = Integer.parseInt(opts.getOrDefault("histogram", "0"));
    String mode = opts.getOrDefault("mode", "streamable");
    String kind = opts.getOrDefault("server", "jamf");
    boolean legacy = mode.equals("legacy");
    if (!mode.equals("streamable") && !legacy) {
      throw new IllegalArgumentException("--mode is streamable or legacy, not " + mode);
    }
    if (legacy && kind.equals("sdk")) {
      throw new IllegalArgumentException("the SDK reference server has no legacy /sse endpoint");
    }
    System.out.printf(
        Locale.ROOT,
        "sse-hold: server=%s mode=%s streams=%d hold=%ds ping=%ds window=%d java=%s%n",
        kind,
        mode,
        streams,
        holdSeconds,
        pingSeconds,
        window,
        Runtime.version());
    try (ServerProcess server = server(opts, kind, pingSeconds, streams)) {
      URI url = URI.create(server.url());
      System.out.printf(
          Locale.ROOT, "server pid %d at %s, load average %s%n", server.pid(), url, loadAverage());
      InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
      ServerProcess.Snapshot before = settleAndSnapshot(server);
      print("before", before, before, 0);

      List<Conn> conns = new ArrayList<>(streams);
      try (NioClient client = new NioClient(address, window, 1000)) {
        ServerProcess.Snapshot sessions = null;
        if (!legacy) {
          List<Conn> setups = new ArrayList<>(streams);
          for (int i = 0; i < streams; i++) {
            setups.add(new Conn(i, Conn.Flow.SESSION));
          }
          long started = System.nanoTime();
          client.enqueue(setups);
          client.run(() -> client.finishedSetups() >= streams, deadline(1200));
          long failed = setups.stream().filter(c -> c.failure != null).count();
          System.out.printf(
              Locale.ROOT,
              "%d sessions initialized in %.1f s (%d failed%s), load average %s%n",
              streams - failed,
              (System.nanoTime() - started) / 1e9,
              failed,
              firstFailure(setups),
              loadAverage());
          // Let the server close the setup connections it was asked to close.
          client.run(() -> false, deadline(2));
          for (Conn setup : setups) {
            if (setup.channel != null && setup.channel.isOpen()) {
              setup.channel.close();
            }
          }
          for (Conn setup : setups) {
            if (setup.failure == null) {
              Conn stream = new Conn(setup.index, Conn.Flow.STREAM);
              stream.sessionId = setup.sessionId;
              conns.add(stream);
            }
          }
          sessions = settleAndSnapshot(server);
          print("with the sessions", sessions, before, conns.size());
          if (histogramRows > 0) {
            histogramDiff(before, sessions, histogramRows, conns.size());
          }
        } else {
          for (int i = 0; i < streams; i++) {
            conns.add(new Conn(i, Conn.Flow.STREAM));
          }
        }

        long opening = System.nanoTime();
        int base = client.finishedSetups();
        client.enqueue(conns);
        client.run(() -> client.finishedSetups() - base >= conns.size(), deadline(1200));
        System.out.printf(
            Locale.ROOT,
            "%d GETs answered in %.1f s, load average %s%n",
            conns.size(),
            (System.nanoTime() - opening) / 1e9,
            loadAverage());

        client.run(() -> false, deadline(2));
        ServerProcess.Snapshot open = server.snapshot();
        int alive = alive(conns);
        print("all streams open", open, before, alive);
        if (sessions != null) {
          print("", open, sessions, alive, "with the sessions (the streams alone)");
        }
        if (histogramRows > 0) {
          histogramDiff(sessions != null ? sessions : before, open, histogramRows, alive);
        }
        if (opts.containsKey("nmt")) {
          server.nativeMemory().forEach(line -> System.out.println("  nmt| " + line));
        }

        // Read what queued up while the snapshots ran, so that the hold counts only its own pings.
        client.run(() -> false, deadline(1));
        long holdStart = System.nanoTime();
        conns.forEach(
            c -> {
              c.pingsAtHoldStart = c.pings;
              c.lastPingNanos = holdStart;
            });
        client.run(() -> false, holdStart + TimeUnit.SECONDS.toNanos(holdSeconds));
        double held = (System.nanoTime() - holdStart) / 1e9;
        System.out.printf(Locale.ROOT, "held %.1f s, load average %s%n", held, loadAverage());
        pings(conns, held, pingSeconds);
        // After the hold, so that streams whose answer came after the setup phase are counted.
        latencies(conns, legacy);
        ServerProcess.Snapshot end = server.snapshot();
        print("end of the hold", end, before, alive(conns));
      }
      client(conns);
    }
  }

  private static ServerProcess server(
      Map<String, String> opts, String kind, int pingSeconds, int streams) throws IOException {
    if (opts.containsKey("pid")) {
      return ServerProcess.attach(Long.parseLong(opts.get("pid")), opts.get("url"));
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + opts.getOrDefault("xmx", "512m"));
    jvm.add("-Xms" + opts.getOrDefault("xmx", "512m"));
    // Every heap page touched up front: RSS growth is then native memory, not heap first use.
    jvm.add("-XX:+AlwaysPreTouch");
    jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    if (opts.containsKey("nmt")) {
      jvm.add("-XX:NativeMemoryTracking=summary");
    }
    Path log = Files.createTempFile("sse-hold-server-", ".log");
    System.out.println("server log: " + log + ", JVM options " + jvm);
    if (kind.equals("sdk")) {
      return ServerProcess.start(
          jvm, "dev.jamfmcp.benchmarks.SdkEchoServer", List.of(Integer.toString(port)), log);
    }
    return ServerProcess.start(
        jvm,
        SseServer.class.getName(),
        List.of(
            Integer.toString(port),
            Integer.toString(pingSeconds),
            Integer.toString(Math.max(10_000, streams + 100))),
        log);
  }

  private static ServerProcess.Snapshot settleAndSnapshot(ServerProcess server)
      throws IOException, InterruptedException {
    Thread.sleep(1000);
    return server.snapshot();
  }

  private static void print(
      String label, ServerProcess.Snapshot s, ServerProcess.Snapshot base, int n) {
    print(label, s, base, n, "before");
  }

  private static void print(
      String label, ServerProcess.Snapshot s, ServerProcess.Snapshot base, int n, String against) {
    if (!label.isBlank()) {
      System.out.printf(
          Locale.ROOT,
          "%-20s live heap %,d B, heap used %,d KB, metaspace %,d KB, RSS %,d KB, threads %d,"
              + " open files %d%n",
          label,
          s.liveHeapBytes(),
          s.heapUsedKb(),
          s.metaspaceUsedKb(),
          s.rssKb(),
          s.threads(),
          s.openFiles());
    }
    if (n > 0) {
      System.out.printf(
          Locale.ROOT,
          "%-20s per stream (n=%d, against %s): live heap %,.0f B, RSS %,.0f B, threads %+d,"
              + " open files %+d%n",
          "",
          n,
          against,
          (s.liveHeapBytes() - base.liveHeapBytes()) / (double) n,
          (s.rssKb() - base.rssKb()) * 1024.0 / n,
          s.threads() - base.threads(),
          s.openFiles() - base.openFiles());
    }
  }

  private static void latencies(List<Conn> conns, boolean legacy) {
    long[] headers =
        conns.stream()
            .filter(c -> c.headersNanos != 0)
            .mapToLong(c -> c.headersNanos - c.startNanos)
            .sorted()
            .toArray();
    long[] first =
        conns.stream()
            .filter(c -> c.firstEventNanos != 0)
            .mapToLong(c -> c.firstEventNanos - c.startNanos)
            .sorted()
            .toArray();
    long headersOk = conns.stream().filter(c -> c.headersOk).count();
    String expected = legacy ? "endpoint" : "connection";
    long firstOk =
        conns.stream()
            .filter(
                c ->
                    expected.equals(c.firstEventName)
                        && c.firstEventData != null
                        && (legacy
                            ? c.firstEventData.startsWith("/messages?sessionId=")
                            : c.firstEventData.equals(
                                "{\"type\":\"connection\",\"status\":\"ready\"}")))
            .count();
    System.out.printf(
        Locale.ROOT,
        "headers (from connect): %d of %d, %d with 200 + text/event-stream + no-cache +"
            + " X-Accel-Buffering: no; %s; within 1 s: %d%n",
        headers.length,
        conns.size(),
        headersOk,
        percentiles(headers),
        Arrays.stream(headers).filter(t -> t <= 1_000_000_000L).count());
    System.out.printf(
        Locale.ROOT,
        "first event (from connect): %d of %d, %d the expected '%s' event; %s; within 1 s: %d%n",
        first.length,
        conns.size(),
        firstOk,
        expected,
        percentiles(first),
        Arrays.stream(first).filter(t -> t <= 1_000_000_000L).count());
  }

  private static void pings(List<Conn> conns, double heldSeconds, int pingSeconds) {
    int[] during =
        conns.stream()
            .filter(c -> c.failure == null)
            .mapToInt(c -> c.pings - c.pingsAtHoldStart)
            .sorted()
            .toArray();
    long none = Arrays.stream(during).filter(p -> p == 0).count();
    long maxGap =
        conns.stream()
            .filter(c -> c.failure == null)
            .mapToLong(c -> c.maxPingGapNanos)
            .max()
            .orElse(0);
    long closed = conns.stream().filter(c -> c.failure != null).count();
    System.out.printf(
        Locale.ROOT,
        "pings during the hold (expected about %.0f each): min %d, median %d, max %d;"
            + " streams with none: %d; longest gap between pings on one stream %.1f s;"
            + " streams lost: %d%s%n",
        heldSeconds / pingSeconds,
        during.length == 0 ? 0 : during[0],
        during.length == 0 ? 0 : during[during.length / 2],
        during.length == 0 ? 0 : during[during.length - 1],
        none,
        maxGap / 1e9,
        closed,
        firstFailure(conns));
  }

  private static void histogramDiff(
      ServerProcess.Snapshot base, ServerProcess.Snapshot open, int rows, int n) {
    Map<String, long[]> diff = new HashMap<>();
    open.histogram()
        .forEach(
            (cls, now) -> {
              long[] was = base.histogram().getOrDefault(cls, new long[2]);
              diff.put(cls, new long[] {now[0] - was[0], now[1] - was[1]});
            });
    System.out.printf(
        Locale.ROOT, "  class histogram growth, top %d by bytes (per stream):%n", rows);
    diff.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %,12d B %8d objects  %7.1f B %5.2f obj  %s%n",
                    e.getValue()[1],
                    e.getValue()[0],
                    e.getValue()[1] / (double) n,
                    e.getValue()[0] / (double) n,
                    e.getKey()));
  }

  private static void client(List<Conn> conns) {
    System.out.printf(
        Locale.ROOT,
        "client: this JVM %d threads, live heap not measured; %d connections%n",
        Thread.activeCount(),
        conns.size());
  }

  private static int alive(List<Conn> conns) {
    return (int) conns.stream().filter(c -> c.failure == null).count();
  }

  private static String firstFailure(List<Conn> conns) {
    return conns.stream()
        .filter(c -> c.failure != null)
        .findFirst()
        .map(c -> "; first: " + c.failure)
        .orElse("");
  }

  private static String percentiles(long[] sortedNanos) {
    if (sortedNanos.length == 0) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        sortedNanos[sortedNanos.length / 2] / 1e6,
        sortedNanos[
                (int) Math.min(sortedNanos.length - 1, Math.ceil(sortedNanos.length * 0.99) - 1)]
            / 1e6,
        sortedNanos[sortedNanos.length - 1] / 1e6);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static long deadline(int seconds) {
    return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      boolean flag = name.equals("nmt") || i + 1 == args.length || args[i + 1].startsWith("--");
      opts.put(name, flag ? "" : args[++i]);
    }
    return opts;
  }
}
