package dev.jamfmcp.simulator.rsql;

import java.util.Locale;

/**
 * Case-insensitive matching of a value against a pattern whose wildcards are {@link
 * RsqlParser#WILDCARD}.
 */
final class Glob {
  private final String[] parts;
  private final boolean leading;
  private final boolean trailing;

  Glob(String pattern) {
    String lower = pattern.toLowerCase(Locale.ROOT);
    leading = lower.charAt(0) == RsqlParser.WILDCARD;
    trailing = lower.charAt(lower.length() - 1) == RsqlParser.WILDCARD;
    parts = lower.split(String.valueOf(RsqlParser.WILDCARD), -1);
  }

  static boolean isPattern(String argument) {
    return argument.indexOf(RsqlParser.WILDCARD) >= 0;
  }

  boolean matches(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      if (i == 0 && !leading) {
        if (!text.startsWith(part)) {
          return false;
        }
        at = part.length();
      } else if (i == parts.length - 1 && !trailing) {
        return text.length() - part.length() >= at && text.endsWith(part);
      } else {
        int found = text.indexOf(part, at);
        if (found < 0) {
          return false;
        }
        at = found + part.length();
      }
    }
    return trailing || parts[parts.length - 1].isEmpty() || at == text.length();
  }
}
