package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** CORS for browser MCP clients: they must read {@code Mcp-Session-Id} and send MCP headers. */
public final class Cors {
  static final String ALLOW_HEADERS =
      "Content-Type, Accept, Authorization, Mcp-Session-Id,"
          + " MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
  static final String EXPOSE_HEADERS = "Mcp-Session-Id, WWW-Authenticate";

  private final Predicate<String> allowed;

  public Cors(Predicate<String> allowed) {
    this.allowed = allowed;
  }

  /** Adds the CORS response headers to a request from an allowed origin. */
  public void decorate(PluginExchange exchange) {
    exchange
        .header("Origin")
        .filter(allowed)
        .ifPresent(origin -> grants(origin).forEach(exchange::responseHeader));
  }

  /** Answers a preflight: 204 with the grants for an allowed origin, 403 otherwise. */
  public void preflight(PluginExchange exchange, String methods) {
    String origin = exchange.header("Origin").orElse(null);
    if (origin == null || !allowed.test(origin)) {
      exchange.respond(HttpReply.empty(403));
      return;
    }
    Map<String, String> headers = grants(origin);
    headers.put("Access-Control-Allow-Methods", methods);
    headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    headers.put("Access-Control-Max-Age", "600");
    exchange.respond(new HttpReply(204, headers, null));
  }

  private static Map<String, String> grants(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    headers.put("Vary", "Origin");
    return headers;
  }
}
