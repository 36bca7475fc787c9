package dev.jamfmcp.mcp;

/**
 * Client-supplied text made safe for a log line (issue 19 V7): control characters (a newline that
 * would start a forged line, a carriage return, an escape sequence) become {@code \n}, {@code \r},
 * {@code \t} or {@code \}{@code uXXXX}, and a backslash doubles, so the escaped text reads back
 * unambiguously; long text is cut.
 */
public final class LogSafe {
  /** Characters kept of one value. */
  static final int MAX_CHARS = 200;

  private LogSafe() {}

  /** {@code value} escaped (and cut at 200 characters); {@code null} stays {@code null}. */
  public static String escape(String value) {
    if (value == null) {
      return null;
    }
    int length = Math.min(value.length(), MAX_CHARS);
    StringBuilder out = new StringBuilder(length + 16);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (value.length() > MAX_CHARS) {
      out.append("...(").append(value.length()).append(" chars)");
    }
    return out.toString();
  }

  /** {@code value} escaped and in double quotes, so where it starts and ends is plain. */
  public static String quote(String value) {
    return value == null ? "null" : "\"" + escape(value).replace("\"", "\\\"") + "\"";
  }
}
