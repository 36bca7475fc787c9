package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.http.PrincipalResolver.Rejection;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.util.Map;

/**
 * The refusals of bearer authentication (RFC 6750, MCP Authorization): JSON bodies with {@code
 * error} and {@code message}, and {@code WWW-Authenticate} challenges that name the
 * protected-resource metadata and the scope to ask for.
 */
public final class BearerErrors {
  private final String resourceMetadataUrl;
  private final String scope;

  /**
   * @param resourceMetadataUrl RFC 9728 metadata URL for challenges, or null
   * @param scope the scope a client should ask for, or null
   */
  public BearerErrors(String resourceMetadataUrl, String scope) {
    this.resourceMetadataUrl = resourceMetadataUrl;
    this.scope = scope;
  }

  /** 401 without an error code: the request carried no credentials. */
  public Rejection missing() {
    return reject(
        401, null, null, "Missing token", "Send the access token as Authorization: Bearer <token>");
  }

  /** 401 {@code invalid_token}: unreadable, badly signed, wrong issuer or audience. */
  public Rejection invalid() {
    return reject(
        401,
        "invalid_token",
        "The access token is invalid",
        "Invalid token",
        "Please re-authenticate");
  }

  /** 401 {@code invalid_token}: expired. */
  public Rejection expired() {
    return reject(
        401,
        "invalid_token",
        "The access token expired",
        "Token expired",
        "Please re-authenticate");
  }

  /** 400 {@code invalid_request}: a token in the URL or a cookie. */
  public Rejection misplaced() {
    return reject(
        400,
        "invalid_request",
        "Send the token in the Authorization header only",
        "Invalid request",
        "Send the access token in the Authorization header, never in the URL or a cookie");
  }

  /** 503: the provider's keys cannot be fetched, so no token can be checked. */
  public Rejection unavailable() {
    return new Rejection(
        503,
        Map.of("Retry-After", "30"),
        body(
            "Authorization unavailable",
            "The identity provider's keys cannot be fetched; try again later"));
  }

  private Rejection reject(
      int status, String error, String description, String title, String message) {
    return new Rejection(
        status, Map.of("WWW-Authenticate", challenge(error, description)), body(title, message));
  }

  /** The {@code WWW-Authenticate} value. */
  public String challenge(String error, String description) {
    StringBuilder header = new StringBuilder("Bearer");
    String separator = " ";
    if (error != null) {
      header.append(separator).append("error=\"").append(error).append('"');
      separator = ", ";
      if (description != null) {
        header.append(separator).append("error_description=\"").append(description).append('"');
      }
    }
    if (resourceMetadataUrl != null) {
      header
          .append(separator)
          .append("resource_metadata=\"")
          .append(quoted(resourceMetadataUrl))
          .append('"');
      separator = ", ";
    }
    if (scope != null && !scope.isBlank()) {
      header.append(separator).append("scope=\"").append(quoted(scope)).append('"');
    }
    return header.toString();
  }

  static String body(String error, String message) {
    return Json.object().put("error", error).put("message", message).toString();
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
