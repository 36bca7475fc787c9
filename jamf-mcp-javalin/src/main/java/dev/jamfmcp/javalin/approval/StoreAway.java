package dev.jamfmcp.javalin.approval;

import dev.jamfmcp.javalin.pages.Pages;
import dev.jamfmcp.mcp.cluster.StoreUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval page while a shared approval store (Redis) is away: a page that says so, 503 with
 * {@code Retry-After}, nothing decided; never a stack trace or a hang (the store's own timeout
 * bounds the wait).
 */
final class StoreAway {
  private static final Logger log = LoggerFactory.getLogger(StoreAway.class);

  private StoreAway() {}

  static Handler guard(Handler page) {
    return ctx -> {
      try {
        page.handle(ctx);
      } catch (StoreUnavailableException e) {
        log.warn("Approval page refused: {}", e.getMessage());
        refuse(ctx);
      }
    };
  }

  private static void refuse(Context ctx) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", "Try again in a moment");
    params.put(
        "message",
        "The approval store is unavailable, so this request cannot be shown or decided now;"
            + " nothing was decided. Reload this page in a moment.");
    params.put("linkUrl", null);
    params.put("linkText", null);
    ctx.header("Retry-After", "5");
    Pages.send(ctx, 503, Pages.render("approval-message.jte", params));
  }
}
