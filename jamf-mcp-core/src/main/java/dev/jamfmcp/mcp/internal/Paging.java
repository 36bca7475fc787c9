package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.McpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor paging for list methods. Cursors are opaque to clients: a list name and an offset,
 * base64url encoded, so a cursor of one list is refused by another.
 */
final class Paging {
  private Paging() {}

  record Page<T>(List<T> items, String nextCursor) {}

  static <T> Page<T> page(String list, List<T> all, String cursor, int pageSize) {
    int offset = cursor == null ? 0 : decode(list, cursor, all.size());
    int end = Math.min(all.size(), offset + pageSize);
    String next = end < all.size() ? encode(list, end) : null;
    return new Page<>(all.subList(offset, end), next);
  }

  private static String encode(String list, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String list, String cursor, int size) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String prefix = list + ":";
      if (text.startsWith(prefix)) {
        int offset = Integer.parseInt(text.substring(prefix.length()));
        if (offset > 0 && offset < size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below: a cursor we did not issue
    }
    throw McpError.invalidParams(
        "Invalid cursor: pass back the nextCursor of the previous "
            + list
            + " page unchanged,"
            + " or omit it to start from the first page");
  }
}
