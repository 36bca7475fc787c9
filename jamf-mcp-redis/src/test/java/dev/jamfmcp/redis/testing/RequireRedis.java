package dev.jamfmcp.redis.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a real {@code redis-server}: when it is not on the PATH they are skipped with one
 * line saying how to install it, unless {@code MCP_REQUIRE_REDIS=1} (environment or system
 * property), as in {@code .ci/run}: then its absence is a failure.
 */
public final class RequireRedis {
  private static final String INSTALL = "sudo apt-get install redis-server";
  private static final AtomicBoolean SAID_SKIPPED = new AtomicBoolean();

  private RequireRedis() {}

  /** Starts one, or skips (fails, when required) the calling test. */
  public static RedisServerProcess startOrSkip() throws IOException {
    return RedisServerProcess.start(executableOrSkip());
  }

  /** {@code redis-server} on the PATH, or skips (fails, when required) the calling test. */
  public static Path executableOrSkip() {
    Optional<Path> found = RedisServerProcess.onPath();
    if (found.isPresent()) {
      return found.get();
    }
    if (required()) {
      Assertions.fail("MCP_REQUIRE_REDIS=1 but redis-server is not on the PATH: " + INSTALL);
    }
    String line = "Redis tests skipped: redis-server is not on the PATH (" + INSTALL + ")";
    if (SAID_SKIPPED.compareAndSet(false, true)) {
      System.err.println(line);
    }
    Assumptions.abort(line);
    throw new AssertionError("unreachable");
  }

  /** Whether {@code MCP_REQUIRE_REDIS=1}: no redis-server is then a failure, not a skip. */
  public static boolean required() {
    return "1".equals(System.getenv("MCP_REQUIRE_REDIS"))
        || "1".equals(System.getProperty("MCP_REQUIRE_REDIS"));
  }
}
