package dev.jamfmcp.benchmarks;

import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.internal.PageReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * {@link PageParseBenchmark}'s two readers timed in CPU time of the parsing thread rather than wall
 * time, so that the figures hold on a loaded machine: rounds of 20 parses of each, interleaved,
 * after a warm-up; the median round per parse is reported, with the allocation per parse.
 *
 * <pre>
 * java -Xmx512m -cp jamf-mcp-benchmarks/target/benchmarks.jar dev.jamfmcp.benchmarks.PageParseCpu [rounds]
 * </pre>
 */
public final class PageParseCpu {
  private PageParseCpu() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    byte[] page = PageParseBenchmark.fetchPage(PageParseBenchmark.COMPUTERS);
    PageParseBenchmark bench = new PageParseBenchmark();
    bench.page = page;
    PageReader<Computer> pager = PageReader.of(Computer.class);
    Map<String, ToIntFunction<byte[]>> readers = new LinkedHashMap<>();
    readers.put("pager (Jackson databind)", b -> pager.read(b, "GET", 0).results().size());
    readers.put("tokens (tokenizer only)", b -> bench.tokens());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
    long id = Thread.currentThread().getId();
    int perRound = 20;
    long sink = 0;
    for (ToIntFunction<byte[]> reader : readers.values()) {
      for (int i = 0; i < 300; i++) {
        sink += reader.applyAsInt(page);
      }
    }
    Map<String, long[]> cpu = new LinkedHashMap<>();
    Map<String, long[]> bytes = new LinkedHashMap<>();
    readers.keySet().forEach(k -> cpu.put(k, new long[rounds]));
    readers.keySet().forEach(k -> bytes.put(k, new long[rounds]));
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, ToIntFunction<byte[]>> e : readers.entrySet()) {
        long allocated = hotspot.getThreadAllocatedBytes(id);
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink += e.getValue().applyAsInt(page);
        }
        cpu.get(e.getKey())[r] = (threads.getCurrentThreadCpuTime() - start) / perRound;
        bytes.get(e.getKey())[r] = (hotspot.getThreadAllocatedBytes(id) - allocated) / perRound;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "page of %d bytes (%d computers); %d rounds of %d parses; load average %.1f (%d)%n",
        page.length,
        PageParseBenchmark.COMPUTERS,
        rounds,
        perRound,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        sink);
    for (String name : readers.keySet()) {
      long[] c = cpu.get(name).clone();
      Arrays.sort(c);
      long[] b = bytes.get(name).clone();
      Arrays.sort(b);
      double ms = c[rounds / 2] / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%-30s CPU %6.2f ms a page (min %.2f), %4.0f MB/s of CPU, allocates %.2f MB a page%n",
          name,
          ms,
          c[0] / 1e6,
          page.length / 1e6 / (ms / 1e3),
          b[rounds / 2] / 1e6);
    }
  }
}
