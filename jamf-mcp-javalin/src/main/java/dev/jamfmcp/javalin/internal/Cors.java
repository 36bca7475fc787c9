package dev.jamfmcp.javalin.internal;

import io.javalin.http.Context;
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
  public void decorate(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && allowed.test(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
      ctx.header("Vary", "Origin");
    }
  }

  /** Answers a preflight: 204 with the grants for an allowed origin, 403 otherwise. */
  public void preflight(Context ctx, String methods) {
    String origin = ctx.header("Origin");
    if (origin == null || !allowed.test(origin)) {
      ctx.status(403);
      return;
    }
    decorate(ctx);
    ctx.header("Access-Control-Allow-Methods", methods);
    ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }
}
