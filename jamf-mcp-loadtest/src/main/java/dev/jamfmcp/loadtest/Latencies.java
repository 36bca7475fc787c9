package dev.jamfmcp.loadtest;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-size latency histogram (buckets 2% wide from 1 µs to about 17 minutes), so that an
 * hour-long soak records every request without growing.
 */
public final class Latencies {
  private static final double GROWTH = 1.02;
  private static final int BUCKETS = 1500;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final LongAdder total = new LongAdder();
  private final LongAccumulator max = new LongAccumulator(Math::max, 0);

  public void record(long nanos) {
    long micros = Math.max(1, nanos / 1000);
    int bucket = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
    counts.incrementAndGet(bucket);
    total.increment();
    max.accumulate(micros);
  }

  public long count() {
    return total.sum();
  }

  /** The latency at quantile {@code q} (0..1) in milliseconds, to within 2%. */
  public double percentileMillis(double q) {
    long n = count();
    if (n == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * n);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Math.pow(GROWTH, i + 1) / 1000.0;
      }
    }
    return maxMillis();
  }

  public double maxMillis() {
    return max.get() / 1000.0;
  }
}
