package dev.jamfmcp.benchmarks.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server under test in its own JVM, or one already running (by pid), and what {@code jcmd} and
 * {@code /proc} say about it: live heap after a full GC, metaspace, RSS, threads, open files.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern META_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

  private final Process process;
  private final long pid;
  private final String url;

  private ServerProcess(Process process, long pid, String url) {
    this.process = process;
    this.pid = pid;
    this.url = url;
  }

  /** A server that is already running. */
  static ServerProcess attach(long pid, String url) {
    return new ServerProcess(null, pid, url);
  }

  /**
   * Starts {@code mainClass} from this class path with {@code jvmOptions}; waits for the line it
   * prints with its URL. Its other output and its log go to {@code log}.
   */
  static ServerProcess start(List<String> jvmOptions, String mainClass, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      int at = line.indexOf("http://");
      if (at >= 0) {
        String url = line.substring(at).trim();
        // Keep draining stdout so that the server never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // discard
                    }
                  } catch (IOException e) {
                    // the server went away
                  }
                },
                "server-stdout");
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(process, process.pid(), url);
      }
    }
    throw new IOException("the server exited before printing its URL; see " + log);
  }

  String url() {
    return url;
  }

  long pid() {
    return pid;
  }

  /** One look at the server after a full GC. */
  record Snapshot(
      long liveHeapBytes,
      long heapUsedKb,
      long metaspaceUsedKb,
      long rssKb,
      int threads,
      int openFiles,
      Map<String, long[]> histogram) {}

  /**
   * A class histogram (which runs a full GC first: its total is the live heap, to the byte), then
   * the heap summary, RSS, thread count and open file descriptors.
   */
  Snapshot snapshot() throws IOException, InterruptedException {
    Map<String, long[]> histogram = new HashMap<>();
    long live = 0;
    for (String line : jcmd("GC.class_histogram")) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length >= 4 && cols[0].endsWith(":")) {
        histogram.put(cols[3], new long[] {Long.parseLong(cols[1]), Long.parseLong(cols[2])});
      } else if (cols.length == 3 && cols[0].equals("Total")) {
        live = Long.parseLong(cols[2]);
      }
    }
    long heapKb = -1;
    long metaKb = -1;
    for (String line : jcmd("GC.heap_info")) {
      Matcher heap = HEAP_USED.matcher(line);
      if (heap.find()) {
        heapKb = Long.parseLong(heap.group(1));
      }
      Matcher meta = META_USED.matcher(line);
      if (meta.find()) {
        metaKb = Long.parseLong(meta.group(1));
      }
    }
    long rssKb = -1;
    int threads = -1;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rssKb = Long.parseLong(line.replaceAll("\\D+", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Integer.parseInt(line.replaceAll("\\D+", ""));
      }
    }
    int files;
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      files = (int) fds.count();
    }
    return new Snapshot(live, heapKb, metaKb, rssKb, threads, files, histogram);
  }

  /** {@code jcmd <pid> VM.native_memory summary}, if the server runs with NMT. */
  List<String> nativeMemory() throws IOException, InterruptedException {
    return jcmd("VM.native_memory", "summary");
  }

  private List<String> jcmd(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(pid));
    cmd.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
      lines = in.lines().toList();
    }
    if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + lines);
    }
    return lines;
  }

  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
