package dev.jamfmcp.benchmarks.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this JVM by kind of thread, native threads included (garbage collection and JIT
 * threads are invisible to {@code ThreadMXBean}), from Linux's {@code /proc/self/task}: user plus
 * system time in clock ticks (10 ms), so good for totals of a scan, not for one page. Empty on
 * other systems. Threads that end between two snapshots lose their time, so read a difference as a
 * lower bound.
 */
final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double MS_PER_TICK = 10.0;

  private final Map<String, Long> ticksByThread;

  private ThreadCpu(Map<String, Long> ticksByThread) {
    this.ticksByThread = ticksByThread;
  }

  static ThreadCpu now() {
    Map<String, Long> ticks = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new ThreadCpu(ticks);
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          // pid (comm) state ppid ... field 14 utime, 15 stime; comm may hold spaces
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          ticks.put(task.getFileName() + " " + name, t);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return new ThreadCpu(ticks);
    }
    return new ThreadCpu(ticks);
  }

  /** Milliseconds of CPU by kind of thread since {@code before}, largest first. */
  Map<String, Double> since(ThreadCpu before) {
    Map<String, Long> byKind = new HashMap<>();
    ticksByThread.forEach(
        (thread, ticks) -> {
          long delta = ticks - before.ticksByThread.getOrDefault(thread, 0L);
          if (delta > 0) {
            byKind.merge(kind(thread.substring(thread.indexOf(' ') + 1)), delta, Long::sum);
          }
        });
    return byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> e.getValue() * MS_PER_TICK,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  static String format(Map<String, Double> ms) {
    return ms.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String kind(String name) {
    if (name.startsWith("jamf-pages")) {
      return "page threads";
    }
    if (name.startsWith("HttpClient")) {
      // Linux keeps 15 characters of a thread's name: "HttpClient-1-SelectorManager" is
      // "HttpClient-1-Se", a worker "HttpClient-1-Wo".
      return name.contains("-Se") ? "http selector" : "http workers";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "gc";
    }
    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return "jit";
    }
    if (name.startsWith("pool-")) {
      return "floor threads";
    }
    if (name.equals("main") || name.equals("java")) {
      return "main";
    }
    return "other";
  }
}
