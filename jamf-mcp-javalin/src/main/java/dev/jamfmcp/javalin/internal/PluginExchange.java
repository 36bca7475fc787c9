package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.javalin.McpRequest;
import dev.jamfmcp.mcp.http.HttpExchange;
import java.util.Map;

/**
 * What the plugin needs of a request beyond the core's {@link HttpExchange}, whichever way it
 * arrived: through Javalin's servlet ({@link JavalinExchange}) or straight from Jetty ({@link
 * JettyExchange}).
 */
public interface PluginExchange extends HttpExchange, McpRequest {

  /** Every request header (first value of each), keyed case-insensitively, for a resolver. */
  Map<String, String> requestHeaders();

  /** Adds a response header that any later reply or stream carries too (CORS). */
  void responseHeader(String name, String value);
}
