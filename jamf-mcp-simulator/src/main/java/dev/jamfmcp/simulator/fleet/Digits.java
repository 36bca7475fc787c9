package dev.jamfmcp.simulator.fleet;

/**
 * Zero-padded decimal and hexadecimal text for the generated fleet, without {@code String.format}
 * (a regular-expression parse of the pattern on every call, thousands of calls while the demo
 * starts). Output is what {@code %0Nd}, {@code %0NX} and {@code %0Nx} give for non-negative values.
 */
final class Digits {
  private Digits() {}

  /** {@code String.format("%0" + width + "d", value)} for {@code value >= 0}. */
  static String decimal(long value, int width) {
    return pad(Long.toString(value), width);
  }

  /** {@code %0<width>X} (upper case) for {@code value >= 0}. */
  static String hexUpper(long value, int width) {
    return pad(Long.toHexString(value).toUpperCase(java.util.Locale.ROOT), width);
  }

  /** {@code %0<width>x} (lower case) for {@code value >= 0}. */
  static String hexLower(long value, int width) {
    return pad(Long.toHexString(value), width);
  }

  private static String pad(String digits, int width) {
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
