package dev.jamfmcp.servlet.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CORS for browser MCP clients, with the same grants as the Javalin face: they must read {@code
 * Mcp-Session-Id} and send MCP headers.
 */
public final class Cors {
  static final String ALLOW_HEADERS =
      "Content-Type, Accept, Authorization, Mcp-Session-Id,"
          + " MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
  static final String EXPOSE_HEADERS = "Mcp-Session-Id, WWW-Authenticate";

  private final Predicate<String> allowed;

  public Cors(Predicate<String> allowed) {
    this.allowed = allowed;
  }

  /** Adds the CORS response headers for a request from an allowed origin. */
  public void decorate(String origin, HttpServletResponse response) {
    if (origin != null && allowed.test(origin)) {
      grants(origin).forEach(response::setHeader);
    }
  }

  /** The answer to a preflight: 204 with the grants for an allowed origin, 403 otherwise. */
  public HttpReply preflight(String origin, String methods) {
    if (origin == null || !allowed.test(origin)) {
      return HttpReply.empty(403);
    }
    Map<String, String> headers = grants(origin);
    headers.put("Access-Control-Allow-Methods", methods);
    headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    headers.put("Access-Control-Max-Age", "600");
    return new HttpReply(204, headers, null);
  }

  private static Map<String, String> grants(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    headers.put("Vary", "Origin");
    return headers;
  }
}
