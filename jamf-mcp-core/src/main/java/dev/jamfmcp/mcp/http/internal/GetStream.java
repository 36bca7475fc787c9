package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.SseStream;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's GET stream (Streamable HTTP, 2025-03-26 to 2025-11-25).
 *
 * <p>It opens with an {@code event: connection} whose data is {@code
 * {"type":"connection","status":"ready"}}, so that clients and proxies see the stream is live
 * before anything else happens (the event has a name, so MCP clients that only read {@code message}
 * events skip it), then carries {@code :ping} comments.
 *
 * <p>The original server also echoed every result of the session on this stream. The spec lets a
 * server send a response here only in place of a stream that was lost, and never the same message
 * on two streams; so here a result (and any progress or log for it) goes on the GET stream only
 * when its own POST can no longer carry it: the client closed that response stream, or its Accept
 * header ruled SSE out. The client still receives every result exactly once.
 *
 * <p>A GET without a session id (the original server's connector flow opens one before {@code
 * initialize}) gets the same ready event and pings, on a stream of no session.
 */
final class GetStream {
  private static final Logger log = LoggerFactory.getLogger(GetStream.class);
  static final String READY = "{\"type\":\"connection\",\"status\":\"ready\"}";

  private final Streams streams;

  GetStream(Streams streams) {
    this.streams = streams;
  }

  void open(HttpExchange exchange, LiveSessions.Live live, LiveSessions sessions) {
    SseStream stream;
    try {
      stream = streams.open(exchange, Map.of(), opened -> opened.send("connection", null, READY));
    } catch (IOException e) {
      log.debug("Could not open the GET stream: {}", e.toString());
      return;
    }
    sessions.attachStream(live, stream);
  }

  /**
   * A GET without a session id: the ready event, then pings until the client leaves or the server
   * shuts down. It belongs to no session, so it carries no messages.
   */
  void openSessionless(HttpExchange exchange) {
    try {
      streams.open(exchange, Map.of(), opened -> opened.send("connection", null, READY));
    } catch (IOException e) {
      log.debug("Could not open the sessionless GET stream: {}", e.toString());
    }
  }
}
