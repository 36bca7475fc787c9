package dev.jamfmcp.benchmarks.sse;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * One client connection of {@link NioClient}: the request it is sending, an HTTP/1.1 response
 * parser (Content-Length or chunked bodies) and, on a stream, an SSE line scanner that counts
 * events and {@code :ping} comments. A few dozen bytes of state plus two small builders; the read
 * buffer is shared by the single selector thread.
 */
final class Conn {
  enum Flow {
    /** initialize, then notifications/initialized; then the connection is closed. */
    SESSION,
    /** one GET that stays open as an event stream. */
    STREAM
  }

  private static final int HEAD = 0;
  private static final int BODY_LENGTH = 1;
  private static final int CHUNK_SIZE = 2;
  private static final int CHUNK_DATA = 3;
  private static final int CHUNK_CRLF = 4;
  private static final int CHUNK_TRAILER = 5;
  private static final int UNTIL_CLOSE = 6;
  private static final int MAX_LINE = 512;

  final int index;
  final Flow flow;
  SocketChannel channel;
  ByteBuffer out;
  int requestsDone;
  String sessionId;

  // timings, System.nanoTime(); 0 = not yet
  long startNanos;
  long headersNanos;
  long firstEventNanos;
  long closedNanos;
  long slotReleasedNanos;
  long writtenNanos;

  // the response being read
  int status;
  boolean headersOk;
  private int state = HEAD;
  private StringBuilder head = new StringBuilder(256);
  private int lastFour;
  private long remaining;
  private long chunkSize;
  private boolean chunked;
  private boolean responseDone;

  // the event stream
  private final StringBuilder line = new StringBuilder(64);
  private boolean eventHasData;
  String firstEventData;
  String firstEventName;
  private String eventName;
  int events;
  int pings;
  int pingsAtHoldStart = -1;
  long lastPingNanos;
  long maxPingGapNanos;
  String failure;

  Conn(int index, Flow flow) {
    this.index = index;
    this.flow = flow;
  }

  /** Feeds response bytes; true when a whole (non-stream) response has been read. */
  boolean feed(ByteBuffer in) {
    while (in.hasRemaining()) {
      switch (state) {
        case HEAD -> {
          byte b = in.get();
          head.append((char) (b & 0xff));
          lastFour = (lastFour << 8) | (b & 0xff);
          if (lastFour == 0x0d0a0d0a) {
            parseHead();
          }
        }
        case BODY_LENGTH -> {
          int n = (int) Math.min(remaining, in.remaining());
          body(in, n);
          remaining -= n;
          if (remaining == 0) {
            endResponse();
          }
        }
        case CHUNK_SIZE, CHUNK_TRAILER -> {
          char c = (char) (in.get() & 0xff);
          if (c == '\n') {
            String text = head.toString().trim();
            head.setLength(0);
            if (state == CHUNK_TRAILER) {
              if (text.isEmpty()) {
                endResponse();
              }
            } else {
              int semicolon = text.indexOf(';');
              chunkSize =
                  Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon).trim(), 16);
              state = chunkSize == 0 ? CHUNK_TRAILER : CHUNK_DATA;
              remaining = chunkSize;
            }
          } else if (head.length() < MAX_LINE) {
            head.append(c);
          }
        }
        case CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.remaining());
          body(in, n);
          remaining -= n;
          if (remaining == 0) {
            state = CHUNK_CRLF;
            remaining = 2;
          }
        }
        case CHUNK_CRLF -> {
          in.get();
          if (--remaining == 0) {
            state = CHUNK_SIZE;
          }
        }
        default -> body(in, in.remaining()); // UNTIL_CLOSE
      }
      if (responseDone) {
        responseDone = false;
        return true;
      }
    }
    return false;
  }

  private void parseHead() {
    String[] lines = head.toString().split("\r\n");
    head.setLength(0);
    head.trimToSize();
    String[] statusLine = lines[0].split(" ", 3);
    status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    long length = -1;
    String contentType = "";
    String cacheControl = "";
    String accel = "";
    chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "mcp-session-id" -> sessionId = value;
        case "content-type" -> contentType = value;
        case "cache-control" -> cacheControl = value;
        case "x-accel-buffering" -> accel = value;
        default -> {}
      }
    }
    headersOk =
        status == 200
            && contentType.startsWith("text/event-stream")
            && cacheControl.contains("no-cache")
            && accel.equals("no");
    if (chunked) {
      state = CHUNK_SIZE;
    } else if (length >= 0) {
      state = BODY_LENGTH;
      remaining = length;
      if (length == 0) {
        endResponse();
      }
    } else {
      state = UNTIL_CLOSE;
    }
  }

  private void endResponse() {
    state = HEAD;
    lastFour = 0;
    responseDone = true;
  }

  private void body(ByteBuffer in, int n) {
    if (flow == Flow.SESSION) {
      in.position(in.position() + n); // the session flow only needs the status and headers
      return;
    }
    for (int i = 0; i < n; i++) {
      char c = (char) (in.get() & 0xff);
      if (c == '\r') {
        continue;
      }
      if (c != '\n') {
        if (line.length() < MAX_LINE) {
          line.append(c);
        }
        continue;
      }
      sseLine();
      line.setLength(0);
    }
  }

  private void sseLine() {
    if (line.length() == 0) {
      if (eventHasData) {
        events++;
        if (firstEventNanos == 0) {
          firstEventNanos = System.nanoTime();
          firstEventName = eventName;
        }
      }
      eventHasData = false;
      eventName = null;
    } else if (line.charAt(0) == ':') {
      if (line.indexOf(":ping") == 0) {
        pings++;
        if (pingsAtHoldStart >= 0) {
          long now = System.nanoTime();
          maxPingGapNanos = Math.max(maxPingGapNanos, now - lastPingNanos);
          lastPingNanos = now;
        }
      }
    } else if (line.indexOf("data:") == 0) {
      eventHasData = true;
      if (firstEventData == null) {
        firstEventData = line.substring(5).trim();
      }
    } else if (line.indexOf("event:") == 0) {
      eventName = line.substring(6).trim();
    }
  }
}
