package dev.jamfmcp.simulator.routes;

/** Path ids: decimal numbers; anything else simply matches no object. */
final class Ids {
  private Ids() {}

  /** The id, or -1 when the text is not a positive decimal number. */
  static long parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(text);
  }
}
