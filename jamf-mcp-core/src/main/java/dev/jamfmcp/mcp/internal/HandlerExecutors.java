package dev.jamfmcp.mcp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default pool for handlers: a virtual thread per task on Java 21+, a bounded pool on 17.
 * Handlers block on Jamf I/O, so threads are the unit of concurrency either way.
 */
public final class HandlerExecutors {
  /** Threads of the bounded pool on Java 17; more concurrent calls wait in the queue. */
  static final int MAX_THREADS = 64;

  /** Calls queued beyond the running ones; past this the server answers "busy". */
  static final int MAX_QUEUED = 1024;

  private HandlerExecutors() {}

  public static ExecutorService createDefault() {
    ExecutorService virtual = virtualThreadsIfAvailable();
    return virtual != null ? virtual : boundedPool(MAX_THREADS);
  }

  // Compiled for Java 17, so the Java 21 factory is looked up rather than called directly.
  private static ExecutorService virtualThreadsIfAvailable() {
    try {
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  java.util.concurrent.Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class))
              .invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    } catch (Throwable e) {
      return null;
    }
  }

  /** The Java 17 pool: {@code threads} platform threads, {@link #MAX_QUEUED} calls queued. */
  static ExecutorService boundedPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "mcp-handler-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
