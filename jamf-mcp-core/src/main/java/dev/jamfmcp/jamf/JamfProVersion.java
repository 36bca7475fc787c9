package dev.jamfmcp.jamf;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jamf Pro version as {@code GET /api/v1/jamf-pro-version} reports it ({@code
 * 11.30.1-t1762262402}), compared by major, minor and patch; the build suffix is kept in {@code
 * text} only.
 *
 * <p>The client reads it once, on the first request that depends on it, and picks the endpoints the
 * server has: the v4 computer inventory from {@link #INVENTORY_V4} on (v3 before), the v3 computer
 * groups from {@link #GROUPS_V3} on (v2 before). Below {@link #MINIMUM_SUPPORTED} those requests
 * fail with {@link JamfUnsupportedVersionException}.
 */
public record JamfProVersion(int major, int minor, int patch, String text)
    implements Comparable<JamfProVersion> {

  /**
   * The oldest Jamf Pro this client supports: the v3 computer inventory (its fallback) and the v2
   * computer groups are there. Older servers get a clear refusal rather than 404s.
   */
  public static final JamfProVersion MINIMUM_SUPPORTED = of(11, 24, 0);

  /** The first release with {@code /api/v4/computers-inventory} (11.30 deprecates v3). */
  public static final JamfProVersion INVENTORY_V4 = of(11, 30, 0);

  /** The first release with the v3 computer-group endpoints (11.28 deprecates v2). */
  public static final JamfProVersion GROUPS_V3 = of(11, 28, 0);

  private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");
  private static final Comparator<JamfProVersion> ORDER =
      Comparator.comparingInt(JamfProVersion::major)
          .thenComparingInt(JamfProVersion::minor)
          .thenComparingInt(JamfProVersion::patch);

  public JamfProVersion {
    Objects.requireNonNull(text, "text");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version number in " + text);
    }
  }

  /** {@code major.minor.patch}. */
  public static JamfProVersion of(int major, int minor, int patch) {
    return new JamfProVersion(major, minor, patch, major + "." + minor + "." + patch);
  }

  /**
   * Reads {@code 11.30.1}, {@code 11.30.1-t1762262402} or {@code 11.30}; anything else is refused.
   */
  public static JamfProVersion parse(String text) {
    Matcher m = NUMBERS.matcher(Objects.requireNonNull(text, "text").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Jamf Pro version: " + text);
    }
    try {
      return new JamfProVersion(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Jamf Pro version: " + text, e);
    }
  }

  public boolean isAtLeast(JamfProVersion other) {
    return compareTo(other) >= 0;
  }

  /** True from {@link #MINIMUM_SUPPORTED} on. */
  public boolean isSupported() {
    return isAtLeast(MINIMUM_SUPPORTED);
  }

  @Override
  public int compareTo(JamfProVersion other) {
    return ORDER.compare(this, other);
  }

  /** The version as Jamf Pro reported it. */
  @Override
  public String toString() {
    return text;
  }
}
