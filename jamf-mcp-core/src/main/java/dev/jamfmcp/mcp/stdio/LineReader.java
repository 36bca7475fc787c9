package dev.jamfmcp.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-terminated lines of bytes with a length limit, so a peer that never sends a newline
 * cannot make us buffer without end. A too-long line is skipped to its newline.
 */
final class LineReader {
  record Line(byte[] bytes, boolean tooLong) {
    boolean isBlank() {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its terminator, or null at end of input. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    boolean readAny = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return readAny ? new Line(line.toByteArray(), tooLong) : null;
        }
      }
      readAny = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int length = position - start;
      if (!tooLong) {
        if (line.size() + length > maxBytes) {
          tooLong = true;
          line.reset();
        } else {
          line.write(buffer, start, length);
        }
      }
      if (position < limit) {
        position++; // the newline
        return new Line(tooLong ? new byte[0] : line.toByteArray(), tooLong);
      }
    }
  }
}
