package dev.jamfmcp.javalin.auth;

import dev.jamfmcp.javalin.McpRequest;
import dev.jamfmcp.javalin.McpRequestFilter;
import dev.jamfmcp.mcp.http.BearerErrors;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses credentials anywhere but the {@code Authorization} header on MCP routes: an {@code
 * access_token} query parameter (it ends up in proxy and browser logs) or an {@code access_token}
 * cookie. Answers 400 {@code invalid_request}; the token is not read. Use it as an {@link
 * McpRequestFilter} of the MCP plugin, or as a Javalin before-handler on other routes.
 */
public final class TokenPlacementGuard implements Handler, McpRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(TokenPlacementGuard.class);
  private final BearerErrors errors;

  public TokenPlacementGuard(BearerErrors errors) {
    this.errors = errors;
  }

  @Override
  public Optional<HttpReply> check(McpRequest request) {
    boolean inQuery = request.queryParam("access_token").isPresent();
    boolean inCookie =
        request.header("Cookie").map(TokenPlacementGuard::hasTokenCookie).orElse(false);
    if (!inQuery && !inCookie) {
      return Optional.empty();
    }
    log.info("Request refused: access token sent in the {}", inQuery ? "URL" : "cookie");
    return Optional.of(errors.misplaced().reply());
  }

  // "a=1; access_token=x": the cookie names, as a browser sends them.
  private static boolean hasTokenCookie(String header) {
    for (String pair : header.split(";")) {
      int equals = pair.indexOf('=');
      String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
      if (name.equals("access_token")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void handle(Context ctx) {
    String query = ctx.queryString();
    boolean inQuery = query != null && ctx.queryParamMap().containsKey("access_token");
    boolean inCookie = ctx.header("Cookie") != null && ctx.cookieMap().containsKey("access_token");
    if (!inQuery && !inCookie) {
      return;
    }
    log.info("Request refused: access token sent in the {}", inQuery ? "URL" : "cookie");
    Rejection rejection = errors.misplaced();
    rejection.headers().forEach(ctx::header);
    ctx.status(rejection.status()).contentType("application/json").result(rejection.jsonBody());
    ctx.skipRemainingHandlers();
  }
}
