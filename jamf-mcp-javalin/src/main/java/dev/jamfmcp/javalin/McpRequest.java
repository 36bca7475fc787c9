package dev.jamfmcp.javalin;

import java.util.Optional;

/** What an {@link McpRequestFilter} may look at: the request line, headers and the peer. */
public interface McpRequest {

  /** The method in upper case, e.g. {@code POST}. */
  String method();

  /** The path without the query string. */
  String path();

  /** A request header by case-insensitive name; the first value if there are several. */
  Optional<String> header(String name);

  /** A query parameter, decoded. */
  Optional<String> queryParam(String name);

  /** The TCP peer's address (a proxy's, behind one). */
  String remoteAddress();
}
