package dev.jamfmcp.javalin;

import dev.jamfmcp.mcp.http.HttpReply;
import java.util.Optional;

/**
 * A check every request to an MCP route passes before its caller is authenticated (CORS preflights
 * excepted), whichever way the plugin serves it: through Javalin or straight from Jetty. Unlike a
 * Javalin before-handler on an MCP path, a filter keeps the direct way open ({@link
 * McpPluginConfig#directJetty}). Filters run in the order they were added; the first answer ends
 * the request.
 */
@FunctionalInterface
public interface McpRequestFilter {

  /** The answer that ends the request here, or empty to let it go on. */
  Optional<HttpReply> check(McpRequest request);

  /**
   * Told when the request's credentials were refused with 401 (a missing, invalid or expired
   * token), after {@link #check} let it pass; an answer replaces the 401 (a rate limit's 429).
   * Default: nothing.
   */
  default Optional<HttpReply> unauthenticated(McpRequest request) {
    return Optional.empty();
  }
}
