package dev.jamfmcp.mcp.jsonrpc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import tools.jackson.databind.ObjectMapper;

/**
 * The oldest {@code jackson-annotations} that Jackson 3 runs with. Jackson 3 keeps the annotations
 * of Jackson 2 ({@code com.fasterxml.jackson.annotation}), so a build that manages Jackson 2 to an
 * older line (Spring Boot 3.x pins 2.19) puts a jar on the class path that Jackson 3 fails on with
 * a {@code NoClassDefFoundError} deep inside its first mapper. The engine checks before its first
 * mapper is built and stops with one message that names the fix instead; every later call gets the
 * same message, not a class left half-initialised.
 */
public final class JacksonFloor {
  /** The artifact whose version is checked. */
  public static final String ARTIFACT = "com.fasterxml.jackson.core:jackson-annotations";

  /** The oldest version Jackson 3 runs with. */
  public static final String NEEDED = "2.20";

  /** The version the message recommends: the one this build is tested with. */
  static final String RECOMMENDED = "2.21";

  private static final String PACKAGE = "com.fasterxml.jackson.annotation";

  /** A class that Jackson 3's mapper loads and that first appeared in {@link #NEEDED}. */
  private static final String INTRODUCED_IN_NEEDED = PACKAGE + ".JsonSerializeAs";

  private static final String POM_PROPERTIES =
      "/META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/pom.properties";

  /** Worked out once; never throws, so this class cannot be left half-initialised. */
  private static final Optional<String> PROBLEM = problem(Found.onClassPath());

  private JacksonFloor() {}

  /**
   * Returns when this class path's {@code jackson-annotations} is new enough for Jackson 3.
   *
   * @throws IllegalStateException naming the artifact, the version found, the version needed and
   *     the dependency line that fixes it (Maven and Gradle)
   */
  public static void require() {
    if (PROBLEM.isPresent()) {
      throw new IllegalStateException(PROBLEM.get());
    }
  }

  /** What the class path holds: whether the annotations are there, their version, the new class. */
  record Found(boolean present, String version, boolean hasNeededClass) {
    static Found onClassPath() {
      try {
        ClassLoader loader = ObjectMapper.class.getClassLoader();
        Class<?> annotation;
        try {
          annotation = Class.forName(PACKAGE + ".JsonProperty", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          return new Found(false, null, false);
        }
        return new Found(true, versionOf(annotation), isLoadable(INTRODUCED_IN_NEEDED, loader));
      } catch (RuntimeException | LinkageError e) {
        // a check that cannot look lets the mapper speak for itself
        return new Found(true, null, true);
      }
    }

    private static boolean isLoadable(String name, ClassLoader loader) {
      try {
        Class.forName(name, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    private static String versionOf(Class<?> annotation) {
      // pom.properties names this artifact; a manifest may be a shaded jar's own
      try (InputStream in = annotation.getResourceAsStream(POM_PROPERTIES)) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          String version = properties.getProperty("version");
          if (version != null && !version.isBlank()) {
            return version;
          }
        }
      } catch (IOException | RuntimeException e) {
        // no version to tell; the class probe still decides
      }
      Package pkg = annotation.getPackage();
      String version = pkg == null ? null : pkg.getImplementationVersion();
      return version == null || version.isBlank() ? null : version;
    }
  }

  /** The message for what was found, or empty when it is new enough. */
  static Optional<String> problem(Found found) {
    if (!found.present()) {
      return Optional.of(message("no " + ARTIFACT + " at all"));
    }
    // The class decides; the version only names what was found. A shaded or repackaged jar
    // (the executable's own) may carry another artifact's version in its manifest.
    if (!found.hasNeededClass()) {
      String version = found.version() == null ? "an unknown version" : found.version();
      return Optional.of(message(ARTIFACT + " " + version));
    }
    return Optional.empty();
  }

  private static String message(String whatWasFound) {
    return "jamf-mcp runs on Jackson 3, which needs "
        + ARTIFACT
        + " "
        + NEEDED
        + " or newer, but the class path has "
        + whatWasFound
        + " (Spring Boot 3.x manages it to 2.19). Add this one dependency to the application's"
        + " build, beside jamf-mcp:\n"
        + "  Maven:  <dependency><groupId>com.fasterxml.jackson.core</groupId>"
        + "<artifactId>jackson-annotations</artifactId><version>"
        + RECOMMENDED
        + "</version></dependency>\n"
        + "  Gradle: implementation(\"com.fasterxml.jackson.core:jackson-annotations:"
        + RECOMMENDED
        + "\")\n"
        + "(docs/EMBEDDING.md, \"Embedding in Spring Boot\")";
  }

  /**
   * The numeric parts of a version ({@code "2.19.2"} -> {@code [2, 19, 2]}, {@code "2.21"} ->
   * {@code [2, 21]}, {@code "2.20.0-rc1"} -> {@code [2, 20, 0]}); null when it does not start with
   * a number.
   */
  static int[] parse(String version) {
    if (version == null) {
      return null;
    }
    String[] parts = version.trim().split("[.-]", -1);
    int[] numbers = new int[parts.length];
    int count = 0;
    for (String part : parts) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 9) {
        break;
      }
      numbers[count++] = Integer.parseInt(part);
    }
    return count == 0 ? null : java.util.Arrays.copyOf(numbers, count);
  }

  /** Compares part by part; a missing part counts as 0 ({@code 2.20} equals {@code 2.20.0}). */
  static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }
}
