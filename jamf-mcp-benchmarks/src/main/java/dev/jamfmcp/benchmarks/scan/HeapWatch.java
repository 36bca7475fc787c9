package dev.jamfmcp.benchmarks.scan;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap during one measured run, from GC notifications: the largest heap left live after any
 * collection during the run (what the run really holds, garbage excluded), and the largest heap in
 * use seen by a 5 ms sampler (live data plus garbage not yet collected; bounded by the young
 * generation's size, not by the work). Both relative to the live heap after a full GC before the
 * run.
 */
final class HeapWatch implements NotificationListener, AutoCloseable {
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong maxUsed = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final long baseline;
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch(long baseline) {
    this.baseline = baseline;
    this.sampler =
        new Thread(
            () -> {
              while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                maxUsed.accumulateAndGet(used, Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
  }

  /** Collects garbage, takes the baseline and starts watching. */
  static HeapWatch start() {
    System.gc();
    System.gc();
    HeapWatch watch =
        new HeapWatch(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch, null, null);
        watch.emitters.add(emitter);
      }
    }
    watch.sampler.start();
    return watch;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      after += usage.getUsed();
    }
    maxAfterGc.accumulateAndGet(after, Math::max);
    collections.incrementAndGet();
  }

  long baseline() {
    return baseline;
  }

  /** Largest live heap after a collection during the run, minus the baseline (0 if none ran). */
  long liveGrowth() {
    return Math.max(0, maxAfterGc.get() - baseline);
  }

  /** Largest heap in use (garbage included) during the run, minus the baseline. */
  long usedGrowth() {
    return Math.max(0, maxUsed.get() - baseline);
  }

  long collections() {
    return collections.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
