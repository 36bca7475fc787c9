package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.Credentials;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * OAuth client-credentials tokens for an API client. Tries {@code /api/oauth/token} (the path in
 * Jamf's guides) and falls back to {@code /api/v1/oauth/token} (the one in the schema) on 404,
 * remembering which one worked. These tokens have no keep-alive: a new one is fetched each time.
 */
final class ApiClientTokens implements TokenSource {

  private static final Logger log = LoggerFactory.getLogger(ApiClientTokens.class);

  private final Layer.Next transport;
  private final Credentials.ApiClient credentials;
  private final Clock clock;
  private volatile boolean useVersionedPath;

  ApiClientTokens(Layer.Next transport, Credentials.ApiClient credentials, Clock clock) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Token fetch(Token previous) throws IOException {
    JamfResponse response =
        transport.send(
            request(useVersionedPath ? Endpoints.OAUTH_TOKEN_V1 : Endpoints.OAUTH_TOKEN));
    if (response.status() == 404 && !useVersionedPath) {
      log.debug("POST /api/oauth/token answered 404; using /api/v1/oauth/token from now on");
      useVersionedPath = true;
      response = transport.send(request(Endpoints.OAUTH_TOKEN_V1));
    }
    String operation =
        (useVersionedPath ? Endpoints.OAUTH_TOKEN_V1 : Endpoints.OAUTH_TOKEN).toString();
    if (response.status() == 400 || response.status() == 401) {
      // RFC 6749 answers invalid_client with 400 or 401: both mean the credentials are wrong.
      throw Errors.forStatus(new JamfResponse(401, response.headers(), response.body()), operation);
    }
    if (!response.successful()) {
      throw Errors.forStatus(response, operation);
    }
    Instant now = clock.instant();
    try {
      JsonNode body = Json.MAPPER.readTree(response.body());
      String value = body.path("access_token").asString("");
      long expiresIn = body.path("expires_in").asLong(0);
      if (value.isEmpty() || expiresIn <= 0) {
        throw Errors.malformed(
            operation, "no access_token or expires_in in the token answer", null);
      }
      log.debug(
          "Obtained an API client token for client {}, valid for {} s",
          credentials.clientId(),
          expiresIn);
      return new Token(value, now, now.plusSeconds(expiresIn));
    } catch (JacksonException e) {
      throw Errors.malformed(operation, "the token answer is not JSON", null);
    }
  }

  private JamfRequest request(Endpoint endpoint) {
    String form =
        "grant_type=client_credentials"
            + "&client_id="
            + URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8);
    return endpoint
        .request()
        .header("Accept", "application/json")
        .body(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }
}
