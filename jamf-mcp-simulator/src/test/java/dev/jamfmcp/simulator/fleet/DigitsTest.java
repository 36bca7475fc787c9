package dev.jamfmcp.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Digits must give exactly what String.format gave, or a seed would no longer give its fleet. */
class DigitsTest {
  @Test
  void matchesStringFormatForTheWidthsTheFleetUses() {
    long[] edges = {0, 1, 9, 10, 99, 999, 1000, 4095, 9999, 10000, 123456, 0x00FFFFFFFFFFFFFFL};
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2000 + edges.length; i++) {
      long value = i < edges.length ? edges[i] : random.nextLong() & 0x00FFFFFFFFFFFFFFL;
      long small = value % 100_000;
      assertThat(Digits.decimal(small, 3)).isEqualTo(String.format("%03d", small));
      assertThat(Digits.decimal(small, 4)).isEqualTo(String.format("%04d", small));
      assertThat(Digits.hexUpper(small % 0x1000, 3))
          .isEqualTo(String.format("%03X", small % 0x1000));
      assertThat(Digits.hexUpper(value, 16)).isEqualTo(String.format("%016X", value));
      assertThat(Digits.hexLower(value % 256, 2)).isEqualTo(String.format("%02x", value % 256));
    }
  }
}
