package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the MCP routes on Jetty's core API, in front of Javalin's servlet context, and passes
 * everything else on to it. Javalin's per-request machinery (servlet request and response wrappers,
 * its task pipeline, the result stream) is about a third of the CPU of a small MCP request; the
 * plugin turns this on only when no Javalin handler, filter or request logger of the app would have
 * seen MCP requests, so that skipping Javalin changes nothing the app can observe.
 */
public final class DirectMcpHandler extends Handler.Wrapper {
  private static final Logger log = LoggerFactory.getLogger(DirectMcpHandler.class);
  private final Map<String, Map<String, Consumer<PluginExchange>>> routes;
  private final long minBytesPerSecond;
  // Null until enabled: full request path (context path included) -> HTTP method -> route.
  private volatile Map<String, Map<String, Consumer<PluginExchange>>> served;

  /**
   * @param routes path within the app's context -> HTTP method -> route
   * @param minBytesPerSecond the slow-body limit of the MCP routes, as for {@link JavalinExchange}
   */
  public DirectMcpHandler(
      Map<String, Map<String, Consumer<PluginExchange>>> routes, long minBytesPerSecond) {
    this.routes = Map.copyOf(routes);
    this.minBytesPerSecond = minBytesPerSecond;
  }

  /**
   * Starts serving the routes under Javalin's {@code contextPath}; called once the app's
   * configuration is complete.
   */
  public void enable(String contextPath) {
    String prefix =
        contextPath == null || contextPath.equals("/") ? "" : contextPath.replaceAll("/+$", "");
    Map<String, Map<String, Consumer<PluginExchange>>> full = new HashMap<>();
    routes.forEach((path, byMethod) -> full.put(prefix + path, byMethod));
    served = Map.copyOf(full);
  }

  /** The paths of the routes within the app's context. */
  public Set<String> paths() {
    return routes.keySet();
  }

  public boolean isEnabled() {
    return served != null;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Map<String, Map<String, Consumer<PluginExchange>>> current = served;
    if (current != null) {
      Map<String, Consumer<PluginExchange>> byMethod = current.get(request.getHttpURI().getPath());
      Consumer<PluginExchange> route = byMethod == null ? null : byMethod.get(request.getMethod());
      if (route != null) {
        JettyExchange exchange = new JettyExchange(request, response, callback, minBytesPerSecond);
        try {
          route.accept(exchange);
        } catch (RuntimeException e) {
          // Not Jetty's HTML error page (ignored if an answer already started).
          log.error("MCP request failed", e);
          exchange.respond(
              HttpReply.jsonRpcError(500, ErrorCodes.INTERNAL_ERROR, "Internal Server Error"));
        }
        return true;
      }
    }
    return super.handle(request, response, callback);
  }
}
