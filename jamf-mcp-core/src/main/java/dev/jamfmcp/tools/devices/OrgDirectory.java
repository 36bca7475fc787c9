package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.org.Building;
import dev.jamfmcp.jamf.org.Department;
import dev.jamfmcp.mcp.tool.ToolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Department and building names by id, and ids by name. This is reference data, not device data: it
 * is cached for at most {@link #TTL} (five minutes) per list, so that a renamed department shows up
 * within minutes while a fleet scan does not ask for it on every page. Device data is never cached
 * anywhere in the tools.
 */
public final class OrgDirectory {
  /** How long department and building lists are reused. Never longer than five minutes. */
  public static final Duration TTL = Duration.ofMinutes(5);

  private final Cached departments;
  private final Cached buildings;

  public OrgDirectory(JamfClient jamf, Clock clock) {
    this.departments =
        new Cached(
            clock,
            () -> {
              Map<String, String> names = new LinkedHashMap<>();
              for (Department d :
                  jamf.organization().departments(ListQuery.all().withPageSize(2000))) {
                names.put(d.id(), d.name());
              }
              return names;
            });
    this.buildings =
        new Cached(
            clock,
            () -> {
              Map<String, String> names = new LinkedHashMap<>();
              for (Building b : jamf.organization().buildings(ListQuery.all().withPageSize(2000))) {
                names.put(b.id(), b.name());
              }
              return names;
            });
  }

  /** Department names by id (ids as Jamf Pro API strings). */
  public Map<String, String> departments() {
    return departments.get();
  }

  public Map<String, String> buildings() {
    return buildings.get();
  }

  /** The department's name, or null for no department or an id Jamf no longer knows. */
  public String departmentName(String id) {
    return blank(id) ? null : departments().get(id);
  }

  public String buildingName(String id) {
    return blank(id) ? null : buildings().get(id);
  }

  /**
   * The id of the department with this name (case-insensitive); an error naming close matches
   * otherwise.
   */
  public String departmentId(String name) {
    return idOf("department", name, departments());
  }

  public String buildingId(String name) {
    return idOf("building", name, buildings());
  }

  private static String idOf(String kind, String name, Map<String, String> byId) {
    String wanted = name.trim();
    for (Map.Entry<String, String> e : byId.entrySet()) {
      if (e.getValue() != null && e.getValue().equalsIgnoreCase(wanted)) {
        return e.getKey();
      }
    }
    List<String> close = closeMatches(wanted, byId.values());
    String hint =
        close.isEmpty()
            ? " Known " + kind + "s: " + String.join(", ", limited(byId.values(), 30)) + "."
            : " Did you mean: " + String.join(", ", close) + "?";
    throw new ToolException(
        "Jamf Pro has no "
            + kind
            + " named \""
            + wanted
            + "\"."
            + hint
            + " Use the exact name, or leave "
            + kind
            + " out.");
  }

  /** Names containing the wanted text (or contained in it), or within a small edit distance. */
  static List<String> closeMatches(String wanted, Iterable<String> names) {
    String w = wanted.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (name == null) {
        continue;
      }
      String n = name.toLowerCase(Locale.ROOT);
      if (n.contains(w) || w.contains(n) || distance(n, w) <= Math.max(2, w.length() / 4)) {
        out.add(name);
      }
    }
    out.sort(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), w)));
    return out.size() > 5 ? out.subList(0, 5) : out;
  }

  private static List<String> limited(Iterable<String> names, int max) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (out.size() == max) {
        out.add("...");
        break;
      }
      out.add(n);
    }
    return out;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank() || "-1".equals(s);
  }

  /** One list, reloaded when older than the TTL. Concurrent callers may both reload: harmless. */
  private static final class Cached {
    private final Clock clock;
    private final Supplier<Map<String, String>> loader;
    private volatile Map<String, String> value;
    private volatile Instant loadedAt = Instant.MIN;

    Cached(Clock clock, Supplier<Map<String, String>> loader) {
      this.clock = clock;
      this.loader = loader;
    }

    Map<String, String> get() {
      Map<String, String> current = value;
      Instant now = clock.instant();
      if (current == null || !now.isBefore(loadedAt.plus(TTL)) || now.isBefore(loadedAt)) {
        current = java.util.Collections.unmodifiableMap(loader.get());
        value = current;
        loadedAt = now;
      }
      return current;
    }
  }
}
