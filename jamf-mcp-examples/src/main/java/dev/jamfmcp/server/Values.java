package dev.jamfmcp.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reading of one setting's text; every failure is a {@link ConfigException}. */
final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Values() {}

  static boolean bool(Setting setting, String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
      case "on":
        return true;
      case "false":
      case "no":
      case "0":
      case "off":
        return false;
      default:
        throw ConfigException.of(
            setting, "'" + text + "' is not true or false", "use true or false");
    }
  }

  static int integer(Setting setting, String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ConfigException.of(
          setting,
          "'" + text + "' is not a whole number",
          "use a number from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw ConfigException.of(
          setting, value + " is out of range", "use a number from " + min + " to " + max);
    }
    return value;
  }

  /**
   * {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 such as {@code PT30S}; positive.
   */
  static Duration duration(Setting setting, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration value;
    Matcher m = DURATION.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        value =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              default -> Duration.ofHours(n);
            };
      } else {
        value = Duration.parse(t.toUpperCase(Locale.ROOT));
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw ConfigException.of(
          setting, "'" + text + "' is not a duration", "write it like 500ms, 30s, 5m or 1h");
    }
    if (value.isZero() || value.isNegative()) {
      throw ConfigException.of(setting, "the duration must be positive", "write it like 30s");
    }
    return value;
  }

  /** An absolute http(s) URL; https unless the host is a loopback address. */
  static URI url(Setting setting, String text) {
    URI uri;
    try {
      uri = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(
          setting, "'" + text + "' is not a URL", "write it like https://example.jamfcloud.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw ConfigException.of(
          setting,
          "'" + text + "' is not an absolute http(s) URL",
          "write it like https://example.jamfcloud.com");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw ConfigException.of(
          setting,
          "plain http to " + uri.getHost() + " would send secrets" + " unencrypted",
          "use https (http is accepted only for localhost)");
    }
    return uri;
  }

  static Set<String> list(String text) {
    Set<String> items = new LinkedHashSet<>();
    Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  /** A signing key: at least 32 bytes of UTF-8 text (e.g. {@code openssl rand -base64 48}). */
  static byte[] key(Setting setting, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw ConfigException.of(
          setting,
          "the key has " + bytes.length + " bytes, at least 32 are" + " needed",
          "generate one with: openssl rand -base64 48");
    }
    return bytes;
  }

  static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses: a name must not cause a DNS look-up at start.
      if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return false;
      }
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
