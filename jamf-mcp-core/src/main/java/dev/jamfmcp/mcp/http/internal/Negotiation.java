package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.http.HttpExchange;
import java.util.Locale;

/** Reading Accept and Content-Type the lenient way real clients need. */
final class Negotiation {
  static final String JSON = "application/json";
  static final String SSE = "text/event-stream";

  private Negotiation() {}

  /** Whether the Accept header admits {@code type}; a missing header admits everything. */
  static boolean accepts(HttpExchange exchange, String type) {
    String accept = exchange.header("Accept").orElse(null);
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String major = type.substring(0, type.indexOf('/'));
    for (String range : accept.split(",")) {
      String media = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (media.equals(type) || media.equals("*/*") || media.equals(major + "/*")) {
        return true;
      }
    }
    return false;
  }

  /** True unless a Content-Type is present and is not JSON. */
  static boolean isJsonBody(HttpExchange exchange) {
    String type = exchange.header("Content-Type").orElse(null);
    if (type == null || type.isBlank()) {
      return true;
    }
    String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals(JSON) || media.endsWith("+json");
  }
}
