package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the bearer token. A 401 on a cached token (revoked, or the server restarted) forces one
 * refresh and one retry; a second 401 goes back to the caller as an auth failure.
 */
final class AuthLayer implements Layer {

  private static final Logger log = LoggerFactory.getLogger(AuthLayer.class);

  private final TokenCache tokens;

  AuthLayer(TokenCache tokens) {
    this.tokens = tokens;
  }

  @Override
  public JamfResponse handle(JamfRequest request, Next next) throws IOException {
    if (!request.endpoint().bearer()) {
      return next.send(request);
    }
    Token token = tokens.current();
    JamfResponse response = next.send(withBearer(request, token));
    if (response.status() != 401) {
      return response;
    }
    log.debug(
        "{} answered 401 to a cached token; fetching a new token and retrying once",
        request.operation());
    Token fresh = tokens.replaceRejected(token);
    return next.send(withBearer(request, fresh));
  }

  private static JamfRequest withBearer(JamfRequest request, Token token) {
    return request.header("Authorization", "Bearer " + token.value());
  }
}
