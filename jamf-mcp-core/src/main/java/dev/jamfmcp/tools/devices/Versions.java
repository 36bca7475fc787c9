package dev.jamfmcp.tools.devices;

/** Compares dotted version strings numerically ("15.10" after "15.9"); non-numbers sort first. */
final class Versions {
  private Versions() {}

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? number(x[i]) : 0;
      int q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return a.compareTo(b);
  }

  /** "15.3.1" -> "15", or the whole text when there is no dot. */
  static String major(String v) {
    int dot = v.indexOf('.');
    return dot < 0 ? v : v.substring(0, dot);
  }

  /** "15.3.1" -> "15.3". */
  static String minor(String v) {
    int first = v.indexOf('.');
    int second = first < 0 ? -1 : v.indexOf('.', first + 1);
    return second < 0 ? v : v.substring(0, second);
  }

  private static int number(String part) {
    try {
      return Integer.parseInt(part.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
