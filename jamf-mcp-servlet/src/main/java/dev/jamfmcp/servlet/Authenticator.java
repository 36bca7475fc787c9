package dev.jamfmcp.servlet;

import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.jsonrpc.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Who is calling, or the answer that refuses the request. */
@FunctionalInterface
interface Authenticator {

  Principal authenticate(HttpServletRequest request) throws Refused;

  /** A caller from the host's function; none: 401 with a bearer challenge. */
  static Authenticator of(
      McpHttpTransport transport, Function<HttpServletRequest, Optional<Principal>> principals) {
    HttpReply missing = missing(transport.resourceMetadataUrl());
    return request -> {
      Optional<Principal> principal = principals.apply(request);
      if (principal == null || principal.isEmpty()) {
        throw new Refused(missing);
      }
      return principal.get();
    };
  }

  // TODO(jwt merge): BearerErrors.missing() from core, so that the text is shared.
  private static HttpReply missing(String resourceMetadataUrl) {
    String challenge =
        resourceMetadataUrl == null
            ? "Bearer"
            : "Bearer resource_metadata=\"" + resourceMetadataUrl.replace("\"", "\\\"") + "\"";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("WWW-Authenticate", challenge);
    headers.put("Content-Type", "application/json");
    String body =
        Json.object()
            .put("error", "Missing token")
            .put("message", "Send the access token as Authorization: Bearer <token>")
            .toString();
    return new HttpReply(401, headers, body.getBytes(StandardCharsets.UTF_8));
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
