package dev.jamfmcp.mcp.http;

import java.io.IOException;

/** The request body is larger than the configured limit; the transport answers 413. */
public final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public BodyTooLargeException(int limit) {
    super("request body exceeds " + limit + " bytes");
  }
}
