package dev.jamfmcp.simulator.fleet;

/** SplitMix64 mixing: derives stable per-row values from the seed without storing them. */
final class Hashes {
  private Hashes() {}

  static long mix(long seed, long row, long salt) {
    long z = seed + row * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
