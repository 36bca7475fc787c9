package dev.jamfmcp.simulator.updates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OS versions Apple offers (what {@code available-updates} lists), newest first, with their
 * builds. Every Mac model of the fleet runs macOS 26 (the two Intel MacBook Pros of 2019/2020 are
 * the last Intel Macs it supports), and every iPhone/iPad model runs iOS 26, so the newest of each
 * list fits the whole fleet; the fleet's own versions are among them (Apple still signs them).
 */
public final class OsCatalog {
  private OsCatalog() {}

  static final Map<String, String> MACOS =
      builds(
          "26.1", "25B78",
          "26.0.1", "25A362",
          "15.7.2", "24G325",
          "15.6", "24G84",
          "15.3.2", "24D81",
          "15.1.1", "24B91",
          "14.8.2", "23J126",
          "14.7.2", "23H311",
          "14.6.1", "23G93",
          "13.7.8", "22H730",
          "13.7.4", "22H420",
          "13.6.9", "22G830");

  static final Map<String, String> IOS =
      builds(
          "26.1", "23B85",
          "26.0.1", "23A355",
          "18.7.2", "22H124",
          "18.6.2", "22G100",
          "18.3.2", "22D82",
          "17.7.10", "21H450",
          "17.7.2", "21H221");

  public static List<String> macOS() {
    return List.copyOf(MACOS.keySet());
  }

  public static List<String> iOS() {
    return List.copyOf(IOS.keySet());
  }

  private static Map<String, String> builds(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static int major(String version) {
    return parts(version)[0];
  }

  /** Version order: 26.0.1 before 26.1, 15.10 after 15.9. */
  static int compare(String a, String b) {
    int[] x = parts(a);
    int[] y = parts(b);
    for (int i = 0; i < 3; i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return 0;
  }

  private static int[] parts(String version) {
    int[] out = new int[3];
    String[] split = version.split("\\.");
    for (int i = 0; i < Math.min(3, split.length); i++) {
      try {
        out[i] = Integer.parseInt(split[i]);
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
    }
    return out;
  }
}
