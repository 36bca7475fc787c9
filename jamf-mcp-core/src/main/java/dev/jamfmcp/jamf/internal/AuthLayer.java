package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the bearer token, and decides what a 401 means. A request refused with 401 fails for auth
 * only when a token obtained after that refusal is refused too: revocations can land while pages
 * are in flight, twice within one prefetch window, or during the token request itself, and none of
 * those must end a scan.
 *
 * <ul>
 *   <li>401 on a token another request has replaced meanwhile: send again with the current token,
 *       without a token request.
 *   <li>401 on the current token: one single-flight refresh ({@link TokenCache#replaceRejected}),
 *       then send again with the new token.
 *   <li>A token request that fails (credentials refused, revoked or wrong) ends the call at once
 *       with its {@code JamfAuthException}; the requests waiting on that refresh share the failure
 *       instead of asking again.
 *   <li>At most {@value #MAX_SENDS} sends per request: the last 401 goes back to the caller as an
 *       auth failure, so a server that refuses every new token ends the call, not a loop.
 * </ul>
 */
final class AuthLayer implements Layer {

  private static final Logger log = LoggerFactory.getLogger(AuthLayer.class);

  /** Enough for three revocations landing during one request; bounds a pathological server. */
  static final int MAX_SENDS = 4;

  private final TokenCache tokens;

  AuthLayer(TokenCache tokens) {
    this.tokens = tokens;
  }

  @Override
  public JamfResponse handle(JamfRequest request, Next next) throws IOException {
    if (!request.endpoint().bearer()) {
      return next.send(request);
    }
    TokenCache.Lease lease = tokens.current();
    for (int send = 1; ; send++) {
      JamfResponse response = next.send(withBearer(request, lease.token()));
      if (response.status() != 401 || send == MAX_SENDS) {
        return response;
      }
      response.release(); // a refused page's pooled body is not read
      log.debug(
          "{} answered 401 (send {} of at most {}); retrying with a current token",
          request.operation(),
          send,
          MAX_SENDS);
      lease = tokens.replaceRejected(lease);
    }
  }

  private static JamfRequest withBearer(JamfRequest request, Token token) {
    return request.header("Authorization", "Bearer " + token.value());
  }
}
