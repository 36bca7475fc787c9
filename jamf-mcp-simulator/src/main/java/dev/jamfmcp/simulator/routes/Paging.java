package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.http.Exchange;

/**
 * {@code page} and {@code page-size}: 0-based pages, default 100, silently clamped to 2000 like
 * Jamf.
 */
record Paging(int page, int pageSize) {
  static final int MAX_PAGE_SIZE = 2000;

  static Paging of(Exchange ex) {
    int page = parse(ex.query("page"), 0, "page");
    int size = parse(ex.query("page-size"), 100, "page-size");
    if (page < 0 || size < 1) {
      throw new Exchange.BadRequest("page must be >= 0 and page-size >= 1");
    }
    return new Paging(page, Math.min(size, MAX_PAGE_SIZE));
  }

  private static int parse(String value, int fallback, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new Exchange.BadRequest(name + " must be an integer");
    }
  }

  int from() {
    return (int) Math.min(Integer.MAX_VALUE, (long) page * pageSize);
  }
}
