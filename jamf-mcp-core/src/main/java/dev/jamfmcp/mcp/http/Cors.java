package dev.jamfmcp.mcp.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * CORS for browser MCP clients: they must read {@code Mcp-Session-Id} and send MCP headers. The
 * same grants for every HTTP face; each face only writes them to its own response.
 */
public final class Cors {
  static final String ALLOW_HEADERS =
      "Content-Type, Accept, Authorization, Mcp-Session-Id,"
          + " MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
  static final String EXPOSE_HEADERS = "Mcp-Session-Id, WWW-Authenticate";

  private final Predicate<String> allowed;

  /**
   * @param allowed whether a request's {@code Origin} may read the answers
   */
  public Cors(Predicate<String> allowed) {
    this.allowed = Objects.requireNonNull(allowed, "allowed");
  }

  /**
   * The CORS response headers for a request with this {@code Origin} (null: none sent): the grants
   * for an allowed origin, none otherwise.
   */
  public Map<String, String> grants(String origin) {
    if (origin == null || !allowed.test(origin)) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    headers.put("Vary", "Origin");
    return headers;
  }

  /**
   * The answer to a preflight ({@code OPTIONS}) from this {@code Origin}: 204 with the grants and
   * {@code methods} for an allowed origin, 403 otherwise.
   */
  public HttpReply preflight(String origin, String methods) {
    Map<String, String> headers = grants(origin);
    if (headers.isEmpty()) {
      return HttpReply.empty(403);
    }
    headers.put("Access-Control-Allow-Methods", methods);
    headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    headers.put("Access-Control-Max-Age", "600");
    return new HttpReply(204, headers, null);
  }
}
