package dev.jamfmcp.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Fetches a JWK set over HTTPS; without a configured URI, finds {@code jwks_uri} in the issuer's
 * OpenID Connect or RFC 8414 metadata first.
 */
final class HttpJwksFetcher implements JwksCache.Fetcher {
  static final int MAX_BYTES = 512 * 1024;
  private final HttpClient client;
  private final String issuer;
  private final Duration timeout;
  private volatile URI jwksUri;

  HttpJwksFetcher(String issuer, URI jwksUri, Duration timeout) {
    this.issuer = issuer;
    this.jwksUri = jwksUri;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public JWKSet fetch() throws IOException {
    URI uri = jwksUri;
    if (uri == null) {
      uri = discover();
      jwksUri = uri;
    }
    try {
      return JWKSet.parse(get(uri));
    } catch (ParseException e) {
      throw new IOException("Not a JWK set: " + uri, e);
    }
  }

  private URI discover() throws IOException {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    IOException last = null;
    for (String path :
        new String[] {
          "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"
        }) {
      try {
        JsonNode metadata = Json.mapper().readTree(get(URI.create(base + path)));
        JsonNode found = metadata.get("jwks_uri");
        if (found != null && found.isString()) {
          return URI.create(found.stringValue());
        }
      } catch (IOException e) {
        last = e;
      } catch (RuntimeException e) {
        last = new IOException("Unreadable metadata at " + base + path, e);
      }
    }
    throw last != null ? last : new IOException("No jwks_uri in the metadata of " + issuer);
  }

  private String get(URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("Response too large from " + uri);
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }
}
