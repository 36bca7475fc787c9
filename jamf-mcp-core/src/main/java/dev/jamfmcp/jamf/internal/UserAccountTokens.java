package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Tokens for a Jamf Pro user account: HTTP Basic on {@code /api/v1/auth/token}; a token that is
 * about to expire is swapped through {@code /api/v1/auth/keep-alive}, falling back to a new Basic
 * exchange when keep-alive is refused.
 */
final class UserAccountTokens implements TokenSource {

  private static final Logger log = LoggerFactory.getLogger(UserAccountTokens.class);

  private final Layer.Next transport;
  private final Credentials.UserAccount credentials;
  private final Clock clock;

  UserAccountTokens(Layer.Next transport, Credentials.UserAccount credentials, Clock clock) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Token fetch(Token previous) throws IOException {
    if (previous != null) {
      JamfResponse kept =
          transport.send(
              Endpoints.AUTH_KEEP_ALIVE
                  .request()
                  .header("Accept", "application/json")
                  .header("Authorization", "Bearer " + previous.value()));
      if (kept.successful()) {
        log.debug("Renewed the token of user {} through keep-alive", credentials.username());
        return parse(kept, Endpoints.AUTH_KEEP_ALIVE.toString());
      }
      log.debug("keep-alive answered HTTP {}; asking for a new token", kept.status());
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (credentials.username() + ":" + credentials.password())
                    .getBytes(StandardCharsets.UTF_8));
    JamfResponse response =
        transport.send(
            Endpoints.AUTH_TOKEN
                .request()
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic));
    if (!response.successful()) {
      throw Errors.forStatus(response, Endpoints.AUTH_TOKEN.toString());
    }
    log.debug("Obtained a token for user {}", credentials.username());
    return parse(response, Endpoints.AUTH_TOKEN.toString());
  }

  private Token parse(JamfResponse response, String operation) {
    Instant now = clock.instant();
    try {
      JsonNode body = Json.MAPPER.readTree(response.body());
      String value = body.path("token").asString("");
      String expires = body.path("expires").asString("");
      if (value.isEmpty() || expires.isEmpty()) {
        throw Errors.malformed(operation, "no token or expires in the token answer", null);
      }
      return new Token(value, now, parseInstant(expires, operation));
    } catch (JacksonException e) {
      throw Errors.malformed(operation, "the token answer is not JSON", null);
    }
  }

  private static Instant parseInstant(String text, String operation) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw Errors.malformed(operation, "unreadable token expiry", null);
      }
    }
  }
}
