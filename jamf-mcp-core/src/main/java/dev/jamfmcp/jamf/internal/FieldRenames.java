package dev.jamfmcp.jamf.internal;

import java.util.Map;

/**
 * Renames filter and sort fields for an endpoint generation whose schema renamed them (the v4
 * computer inventory calls v3's {@code general.lastContactTime} {@code general.lastContact}), so
 * callers keep one set of names. Only field names are touched: quoted values are copied unread.
 */
final class FieldRenames {
  private FieldRenames() {}

  static String filter(String expression, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return expression;
    }
    StringBuilder out = new StringBuilder(expression.length() + 16);
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '"') {
        int end = closingQuote(expression, i);
        out.append(expression, i, end + 1);
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < expression.length() && isFieldChar(expression.charAt(end))) {
          end++;
        }
        String word = expression.substring(i, end);
        out.append(renames.getOrDefault(word, word));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  static String sortField(String field, Map<String, String> renames) {
    return renames.getOrDefault(field, field);
  }

  private static boolean isFieldChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static int closingQuote(String s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return s.length() - 1;
  }
}
