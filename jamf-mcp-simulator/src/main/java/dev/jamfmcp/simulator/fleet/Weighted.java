package dev.jamfmcp.simulator.fleet;

import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight. */
final class Weighted {
  private final int[] cumulative;

  Weighted(int[] weights) {
    cumulative = new int[weights.length];
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  int pick(SplittableRandom random) {
    int ticket = random.nextInt(cumulative[cumulative.length - 1]);
    for (int i = 0; i < cumulative.length; i++) {
      if (ticket < cumulative[i]) {
        return i;
      }
    }
    throw new AssertionError("unreachable");
  }
}
