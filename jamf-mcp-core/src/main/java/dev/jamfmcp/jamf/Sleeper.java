package dev.jamfmcp.jamf;

import java.time.Duration;

/** Waits between retries. Injectable so tests of backoff do not really sleep. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
