package dev.jamfmcp.simulator.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The applications installed on each simulated Mac: a pure function of the fleet seed and the row,
 * so inventory, patch reports and tests agree without storing anything. Versions are spread over
 * current and older releases (e.g. Chrome below 120 on some Macs) so that version questions have
 * non-trivial answers.
 */
public final class InstalledApps {

  /** One installed application; {@code title} is the patch title it reports under. */
  public record App(
      String title, String name, String bundleId, String version, boolean macAppStore) {}

  private record Spec(
      String title,
      String name,
      String bundleId,
      int presentPercent,
      boolean macAppStore,
      String... versions) {}

  /** The first version of each is the newest, and the one most Macs run. */
  private static final List<Spec> SPECS =
      List.of(
          new Spec("Safari", "Safari", "com.apple.Safari", 100, false, "26.0", "18.6"),
          new Spec(
              "Google Chrome",
              "Google Chrome",
              "com.google.Chrome",
              90,
              false,
              "142.0.7444.60",
              "141.0.7390.123",
              "120.0.6099.109",
              "119.0.6045.199",
              "118.0.5993.117"),
          new Spec(
              "Mozilla Firefox",
              "Firefox",
              "org.mozilla.firefox",
              35,
              false,
              "144.0.2",
              "143.0.4",
              "128.3.1"),
          new Spec(
              "Microsoft Word",
              "Microsoft Word",
              "com.microsoft.Word",
              80,
              false,
              "16.102",
              "16.101",
              "16.89"),
          new Spec("Slack", "Slack", "com.tinyspeck.slackmacgap", 85, false, "4.46.101", "4.45.64"),
          new Spec("Zoom", "zoom.us", "us.zoom.xos", 75, false, "6.6.6", "6.5.11", "5.17.11"),
          new Spec(
              "Self Service",
              "Self Service",
              "com.jamfsoftware.selfservice.mac",
              100,
              false,
              "11.30.1"),
          new Spec("Xcode", "Xcode", "com.apple.dt.Xcode", 15, true, "26.0.1", "16.4"));

  private InstalledApps() {}

  /** The applications of the computer in {@code row}, in a fixed order. */
  public static List<App> forRow(long seed, int row) {
    List<App> apps = new ArrayList<>(SPECS.size());
    for (int i = 0; i < SPECS.size(); i++) {
      Spec s = SPECS.get(i);
      if (percent(seed, row, i) >= s.presentPercent()) {
        continue;
      }
      int pick = percent(seed, row, i + 100);
      int n = s.versions().length;
      int index = pick < 60 || n == 1 ? 0 : 1 + (pick - 60) * (n - 1) / 40;
      apps.add(new App(s.title(), s.name(), s.bundleId(), s.versions()[index], s.macAppStore()));
    }
    return apps;
  }

  /** The newest version of a patch title, or null when no app reports under it. */
  public static String newestVersion(String title) {
    return SPECS.stream()
        .filter(s -> s.title().equals(title))
        .map(s -> s.versions()[0])
        .findFirst()
        .orElse(null);
  }

  /** The versions a title ships in the fleet, newest first (empty for an unknown title). */
  public static List<String> versions(String title) {
    return SPECS.stream()
        .filter(s -> s.title().equals(title))
        .findFirst()
        .map(s -> List.of(s.versions()))
        .orElse(List.of());
  }

  private static int percent(long seed, int row, int salt) {
    long z = seed + row * 0x9E3779B97F4A7C15L + (salt + 7919L) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) Math.floorMod(z, 100L);
  }
}
