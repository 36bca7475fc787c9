package dev.jamfmcp.mcp.http;

import java.io.IOException;

/**
 * The raw body of a streamed response, supplied by the framework adapter. {@link SseStream} does
 * the framing, ordering and limits on top of it.
 */
public interface StreamOutput {

  /** Writes and flushes; may block while the client is slow. Fails once the client is gone. */
  void write(byte[] bytes) throws IOException;

  /** Ends the response. Safe to call more than once and from any thread; unblocks a write. */
  void close();

  /** Runs {@code callback} once if the framework learns that the client went away. */
  void onDisconnect(Runnable callback);
}
