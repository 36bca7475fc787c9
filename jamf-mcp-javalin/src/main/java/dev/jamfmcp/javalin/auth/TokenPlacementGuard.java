package dev.jamfmcp.javalin.auth;

import dev.jamfmcp.javalin.PrincipalResolver.Rejection;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A before-handler for MCP routes that refuses credentials anywhere but the {@code Authorization}
 * header: an {@code access_token} query parameter (it ends up in proxy and browser logs) or an
 * {@code access_token} cookie. Answers 400 {@code invalid_request}; the token is not read.
 */
public final class TokenPlacementGuard implements Handler {
  private static final Logger log = LoggerFactory.getLogger(TokenPlacementGuard.class);
  private final BearerErrors errors;

  public TokenPlacementGuard(BearerErrors errors) {
    this.errors = errors;
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
