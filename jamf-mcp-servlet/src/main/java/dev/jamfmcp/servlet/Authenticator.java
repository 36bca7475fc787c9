package dev.jamfmcp.servlet;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.http.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Who is calling, or the answer that refuses the request. */
@FunctionalInterface
interface Authenticator {

  Principal authenticate(HttpServletRequest request) throws Refused;

  /**
   * A caller from the host's function; none: 401 with the bearer challenge of the Javalin face
   * (naming the transport's resource metadata).
   */
  static Authenticator of(
      McpHttpTransport transport, Function<HttpServletRequest, Optional<Principal>> principals) {
    HttpReply missing = new BearerErrors(transport.resourceMetadataUrl(), null).missing().reply();
    return request -> {
      Optional<Principal> principal = principals.apply(request);
      if (principal == null || principal.isEmpty()) {
        throw new Refused(missing);
      }
      return principal.get();
    };
  }

  /** A caller from a resolver (e.g. the JWT validator); its refusals go out as they are. */
  static Authenticator of(PrincipalResolver resolver) {
    return request -> {
      try {
        return resolver.resolve(headers(request));
      } catch (PrincipalResolver.Rejection rejection) {
        throw new Refused(rejection.reply());
      }
    };
  }

  /** Every request header (first value of each), keyed case-insensitively. */
  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Enumeration<String> names = request.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      headers.putIfAbsent(name, request.getHeader(name));
    }
    return headers;
  }

  /** The request is refused with this answer. */
  final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient HttpReply reply;

    Refused(HttpReply reply) {
      super("refused with HTTP " + reply.status(), null, false, false);
      this.reply = reply;
    }
  }
}
