package dev.jamfmcp.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Where start-up time goes: each phase's milliseconds since the JVM started, with the CPU time the
 * whole process (every thread: JIT compilers and GC included) had used by then. Logged as one line
 * at debug on {@code jamf-mcp.startup} once the server is ready; turn it on with {@code
 * -Dorg.slf4j.simpleLogger.log.jamf-mcp.startup=debug} (or {@code MCP_LOG_LEVEL=debug}).
 */
final class StartupTimeline {
  private final Instant jvmStart;
  private final List<String> marks = new ArrayList<>();

  StartupTimeline() {
    this(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  /**
   * The JVM's own start time, not the process's: a shell that runs {@code ./mvnw package && java
   * ...} may exec java in its own process, whose start time then includes the build.
   */
  StartupTimeline(Instant jvmStart) {
    this.jvmStart = jvmStart;
    mark("main");
  }

  /** Milliseconds from the JVM's start to now. */
  long sinceJvmStart() {
    return Duration.between(jvmStart, Instant.now()).toMillis();
  }

  /** Records that {@code phase} just ended; safe from any thread. */
  void mark(String phase) {
    long at = sinceJvmStart();
    long cpu =
        ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    synchronized (marks) {
      marks.add(phase + " " + at + "ms (cpu " + cpu + "ms)");
    }
  }

  /** Logs the phases so far; call after logging is configured. */
  void log() {
    String line;
    synchronized (marks) {
      line = String.join(", ", marks);
    }
    LoggerFactory.getLogger("jamf-mcp.startup").debug("Start-up since JVM start: {}", line);
  }
}
