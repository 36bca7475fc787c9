package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpException;

/**
 * Reads a request body with the MCP routes' size limit and slow-body check, for both exchanges: the
 * core's {@link RequestBodies}, plus Jetty's way of reporting an idle read (a 408).
 */
final class BodyReading {
  static final int SWALLOW_BYTES = RequestBodies.SWALLOW_BYTES;

  private BodyReading() {}

  /**
   * @param declared the Content-Length, or -1
   * @param minBytesPerSecond the slowest a body may arrive after a two-second grace; 0 turns the
   *     check off
   */
  static byte[] read(InputStream in, long declared, int maxBytes, long minBytesPerSecond)
      throws IOException {
    return RequestBodies.read(
        in, declared, maxBytes, minBytesPerSecond, BodyReading::isJettyTimeout);
  }

  /** Reads and drops a body the handler answered without reading; see {@link RequestBodies}. */
  static void swallowUnread(InputStream in, long declared, long minBytesPerSecond) {
    RequestBodies.swallowUnread(in, declared, minBytesPerSecond);
  }

  private static boolean isJettyTimeout(Throwable t) {
    return t instanceof HttpException http && http.getCode() == 408;
  }
}
