package dev.jamfmcp.tools.devices;

import dev.jamfmcp.mcp.tool.ToolException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque paging cursor: page number, page size and a fingerprint of the search it belongs to,
 * base64url-encoded. A cursor from another search is refused rather than silently mixing result
 * sets. Clients pass it back unchanged.
 */
public record Cursor(int page, int pageSize, int fingerprint) {
  private static final String PREFIX = "c1:";

  public String encode() {
    String raw = PREFIX + page + ":" + pageSize + ":" + Integer.toHexString(fingerprint);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor for the search with this fingerprint; a ToolException if it is not one. */
  public static Cursor decode(String text, int expectedFingerprint) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      String[] parts = raw.substring(PREFIX.length()).split(":");
      Cursor c =
          new Cursor(
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[1]),
              Integer.parseUnsignedInt(parts[2], 16));
      if (c.page < 0 || c.pageSize < 1 || c.pageSize > 2000) {
        throw new IllegalArgumentException();
      }
      if (c.fingerprint != expectedFingerprint) {
        throw new ToolException(
            "This cursor belongs to a different search. Repeat the search"
                + " with the same arguments as before, or leave cursor out to start from the first page.");
      }
      return c;
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new ToolException(
          "The cursor is not one this server issued. Pass nextCursor from the"
              + " previous result unchanged, or leave cursor out to start from the first page.");
    }
  }
}
