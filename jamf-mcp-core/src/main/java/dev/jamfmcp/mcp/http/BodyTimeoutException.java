package dev.jamfmcp.mcp.http;

import java.io.IOException;

/**
 * The request body arrived too slowly, or stopped arriving; the transport answers 408. Adapters
 * throw it from {@link HttpExchange#readBody} so that a body trickled in byte by byte cannot hold a
 * thread and a connection for as long as the client likes.
 */
public final class BodyTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  public BodyTimeoutException(String message) {
    super(message);
  }
}
