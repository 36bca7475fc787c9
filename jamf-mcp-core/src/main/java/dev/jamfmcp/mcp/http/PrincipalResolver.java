package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.Principal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides who is calling, before any MCP route runs. Bearer-token validation plugs in here ({@code
 * dev.jamfmcp.jwt.JwtAuthenticator} in jamf-mcp-jwt); so does anything else that can vouch for a
 * caller from request headers. Framework-free, so every HTTP face (Javalin, a servlet, ...) takes
 * the same resolver.
 */
@FunctionalInterface
public interface PrincipalResolver {

  /**
   * @param headers the request headers; look-ups ignore case
   * @return the caller
   * @throws Rejection to refuse the request with its own status, headers and JSON body
   */
  Principal resolve(Map<String, String> headers) throws Rejection;

  /** A refusal, e.g. 401 with a {@code WWW-Authenticate} challenge. */
  final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Map<String, String> headers;
    private final String jsonBody;

    public Rejection(int status, Map<String, String> headers, String jsonBody) {
      super("rejected with HTTP " + status, null, false, false);
      this.status = status;
      this.headers = Map.copyOf(headers);
      this.jsonBody = jsonBody;
    }

    public int status() {
      return status;
    }

    public Map<String, String> headers() {
      return headers;
    }

    public String jsonBody() {
      return jsonBody;
    }

    /** The refusal as the HTTP answer it stands for: its status, headers and JSON body. */
    public HttpReply reply() {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("Content-Type", "application/json");
      return new HttpReply(status, all, jsonBody.getBytes(StandardCharsets.UTF_8));
    }
  }
}
