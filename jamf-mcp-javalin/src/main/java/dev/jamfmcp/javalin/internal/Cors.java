package dev.jamfmcp.javalin.internal;

import java.util.function.Predicate;

/** Core's CORS rules ({@link dev.jamfmcp.mcp.http.Cors}) applied to a plugin exchange. */
public final class Cors {
  private final dev.jamfmcp.mcp.http.Cors rules;

  public Cors(Predicate<String> allowed) {
    this.rules = new dev.jamfmcp.mcp.http.Cors(allowed);
  }

  /** Adds the CORS response headers to a request from an allowed origin. */
  public void decorate(PluginExchange exchange) {
    rules.grants(origin(exchange)).forEach(exchange::responseHeader);
  }

  /** Answers a preflight: 204 with the grants for an allowed origin, 403 otherwise. */
  public void preflight(PluginExchange exchange, String methods) {
    exchange.respond(rules.preflight(origin(exchange), methods));
  }

  private static String origin(PluginExchange exchange) {
    return exchange.header("Origin").orElse(null);
  }
}
