package dev.jamfmcp.mcp.http;

import java.io.IOException;
import java.util.Optional;

/**
 * One HTTP request and its response, as the MCP HTTP transport needs to see it. Framework adapters
 * (the Javalin plugin, a JDK {@code HttpServer}, a servlet) implement it; the transport never sees
 * their types. The response side is used exactly once: either {@link #respond} or {@link
 * #startStream}.
 */
public interface HttpExchange {

  /** The method in upper case, e.g. {@code POST}. */
  String method();

  /** The path without the query string, e.g. {@code /mcp}. */
  String path();

  /** A request header by case-insensitive name; the first value if there are several. */
  Optional<String> header(String name);

  /** A query parameter, decoded. */
  Optional<String> queryParam(String name);

  /**
   * The whole request body.
   *
   * @throws BodyTooLargeException as soon as more than {@code maxBytes} arrive (or the declared
   *     length says they would), without reading the rest into memory
   * @throws BodyTimeoutException when the body arrives too slowly or stops arriving (answered 408)
   */
  byte[] readBody(int maxBytes) throws IOException;

  /** Sends a complete response. */
  void respond(HttpReply reply);

  /**
   * Commits the status and headers and hands back the raw body channel of a long-lived response.
   * The adapter must not hold a thread while the stream is idle.
   */
  StreamOutput startStream(int status, java.util.Map<String, String> headers) throws IOException;
}
