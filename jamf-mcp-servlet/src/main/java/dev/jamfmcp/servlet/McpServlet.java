package dev.jamfmcp.servlet;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.Cors;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.servlet.internal.ServletExchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP endpoints as one servlet, for any Jakarta Servlet 6 container: Streamable HTTP (every
 * protocol version, 2026-07-28 stateless included) on {@code /mcp}, the legacy HTTP+SSE transport
 * on {@code /sse} and {@code /messages}, served by the core's {@link McpHttpTransport} exactly as
 * the Javalin face serves them (same Origin and Host rules, CORS grants, body limits and answers).
 *
 * <pre>{@code
 * McpHttpTransport transport = McpHttpTransport.create(server, t -> t.sessionKey(key));
 * McpServlet servlet = new McpServlet(transport, request -> Optional.of(principalOf(request)));
 * ServletRegistration.Dynamic mcp = context.addServlet("mcp", servlet);
 * mcp.addMapping("/mcp", "/sse", "/messages");
 * mcp.setAsyncSupported(true);
 * }</pre>
 *
 * Register it with async support: streams and tool calls wait in servlet async mode, holding no
 * thread, with no container timeout (the transport's pings, write watchdog and shutdown end them).
 * A request whose caller the function cannot name gets 401 with a {@code WWW-Authenticate: Bearer}
 * challenge naming the transport's {@code resourceMetadataUrl}; with a {@link PrincipalResolver}
 * (the JWT validator of jamf-mcp-jwt), its refusal is the answer. When the host shuts down, call
 * {@link McpHttpTransport#shutdown} first (ends the streams, lets running calls finish); {@link
 * #destroy} ends whatever is still open, so that open streams never hold the container's stop up.
 *
 * <p>The legacy endpoint event names the transport's {@code legacyMessagesPath} as it is: include
 * the context path there if the servlet does not run at the root.
 */
public final class McpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(McpServlet.class);

  /** The slowest a request body may arrive after a two-second grace, as on the Javalin face. */
  private static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;

  private final transient McpHttpTransport transport;
  private final transient Authenticator authenticator;
  private final transient Cors cors;
  private final transient Set<ServletExchange> open = ConcurrentHashMap.newKeySet();

  /**
   * @param transport the core transport; the servlet never shuts it down
   * @param principals who is calling, or empty for a request without valid credentials (answered
   *     401 with a bearer challenge)
   */
  public McpServlet(
      McpHttpTransport transport, Function<HttpServletRequest, Optional<Principal>> principals) {
    this(transport, Authenticator.of(transport, principals));
  }

  /**
   * A servlet whose callers a {@link PrincipalResolver} names from the request headers, e.g. {@code
   * dev.jamfmcp.jwt.JwtAuthenticator} of jamf-mcp-jwt; its refusals (status, headers, body) are the
   * answer. (A factory, not a constructor: a lambda would fit both constructors' types.)
   *
   * @param transport the core transport; the servlet never shuts it down
   */
  public static McpServlet withPrincipalResolver(
      McpHttpTransport transport, PrincipalResolver resolver) {
    return new McpServlet(
        transport, Authenticator.of(Objects.requireNonNull(resolver, "resolver")));
  }

  private McpServlet(McpHttpTransport transport, Authenticator authenticator) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.authenticator = authenticator;
    this.cors = new Cors(transport::isOriginAllowed);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    ServletExchange exchange =
        new ServletExchange(
            request, response, MIN_REQUEST_BYTES_PER_SECOND, open::add, open::remove);
    try {
      route(exchange, request, response);
    } catch (RuntimeException e) {
      log.error("MCP request failed", e);
      exchange.respond(
          HttpReply.jsonRpcError(500, ErrorCodes.INTERNAL_ERROR, "Internal Server Error"));
    } finally {
      exchange.serviceReturning();
    }
  }

  /** Ends the streams and requests still open here, so that they never hold the container up. */
  @Override
  public void destroy() {
    for (ServletExchange exchange : open) {
      exchange.endNow();
    }
    open.clear();
    super.destroy();
  }

  private void route(
      ServletExchange exchange, HttpServletRequest request, HttpServletResponse response) {
    String path = request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
    String method = exchange.method();
    String origin = request.getHeader("Origin");
    Endpoint endpoint =
        switch (path) {
          case "/sse" -> Endpoint.SSE;
          case "/messages" -> Endpoint.MESSAGES;
          default -> Endpoint.MCP;
        };
    if (method.equals("OPTIONS")) {
      exchange.respond(cors.preflight(origin, endpoint.methods));
      return;
    }
    if (!endpoint.serves(method)) {
      exchange.respond(
          HttpReply.jsonRpcError(405, ErrorCodes.INVALID_REQUEST, "Method Not Allowed")
              .withHeader("Allow", endpoint.methods));
      return;
    }
    cors.grants(origin).forEach(response::setHeader);
    Optional<HttpReply> forbidden = transport.checkOrigin(exchange);
    if (forbidden.isPresent()) {
      exchange.respond(forbidden.get());
      return;
    }
    Principal principal;
    try {
      principal = authenticator.authenticate(request);
    } catch (Authenticator.Refused refused) {
      exchange.respond(refused.reply);
      return;
    }
    switch (endpoint) {
      case SSE -> transport.openLegacyStream(exchange, principal);
      case MESSAGES -> transport.postLegacyMessage(exchange, principal);
      case MCP -> transport.handleMcp(exchange, principal);
    }
  }

  private enum Endpoint {
    MCP("GET, POST, DELETE"),
    SSE("GET"),
    MESSAGES("POST");

    final String methods;

    Endpoint(String methods) {
      this.methods = methods;
    }

    boolean serves(String method) {
      // The transport answers other methods on /mcp itself (405 with its own Allow).
      return this == MCP || methods.equals(method);
    }
  }
}
