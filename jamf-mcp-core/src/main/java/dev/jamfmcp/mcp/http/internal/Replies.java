package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.http.BodyTimeoutException;
import dev.jamfmcp.mcp.http.BodyTooLargeException;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import java.io.IOException;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** HTTP answers that carry a JSON-RPC error, and the HTTP status each reply deserves. */
public final class Replies {
  private Replies() {}

  /** An HTTP error whose body is a JSON-RPC error response without an id. */
  public static HttpReply error(int status, int code, String message) {
    return HttpReply.jsonRpcError(status, code, message);
  }

  public static HttpReply error(int status, JsonNode id, JsonRpcError error) {
    return HttpReply.json(status, JsonRpcCodec.encode(new ErrorResponse(id, error)));
  }

  /**
   * The HTTP answer to one JSON reply. Missing scopes are 403 with a {@code WWW-Authenticate}
   * challenge; in 2026-07-28 unknown methods are 404 and version or header problems 400, so that
   * clients can tell a modern server from a legacy one by the body.
   *
   * @param resourceMetadata the RFC 9728 metadata URL to name in challenges, or null
   */
  public static HttpReply forReply(
      JsonRpcMessage reply, boolean stateless, String resourceMetadata) {
    HttpReply ok = HttpReply.json(200, JsonRpcCodec.encode(reply));
    if (!(reply instanceof ErrorResponse error)) {
      return ok;
    }
    int code = error.error().code();
    if (code == ErrorCodes.INSUFFICIENT_SCOPE) {
      return new HttpReply(403, ok.headers(), ok.body())
          .withHeader("WWW-Authenticate", insufficientScope(error.error(), resourceMetadata));
    }
    if (code == ErrorCodes.HEADER_MISMATCH
        || code == ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION
        || (error.id() == null
            && (code == ErrorCodes.PARSE_ERROR || code == ErrorCodes.INVALID_REQUEST))) {
      return new HttpReply(400, ok.headers(), ok.body());
    }
    if (stateless && code == ErrorCodes.METHOD_NOT_FOUND) {
      return new HttpReply(404, ok.headers(), ok.body());
    }
    return ok;
  }

  /**
   * The answer to a POST whose body could not be read: 413 over the limit, 408 too slow, else 400
   * with {@code unreadable} as the body.
   */
  static HttpReply unreadableBody(IOException e, int maxBodyBytes, HttpReply unreadable) {
    if (e instanceof BodyTooLargeException) {
      return error(
          413,
          ErrorCodes.INVALID_REQUEST,
          "Payload Too Large: a message may be at most " + maxBodyBytes + " bytes");
    }
    if (e instanceof BodyTimeoutException) {
      return error(408, ErrorCodes.INVALID_REQUEST, "Request Timeout: " + e.getMessage());
    }
    return unreadable;
  }

  static String insufficientScope(JsonRpcError error, String resourceMetadata) {
    StringJoiner scopes = new StringJoiner(" ");
    JsonNode required = error.data() == null ? null : error.data().get("requiredScopes");
    if (required != null) {
      required.forEach(scope -> scopes.add(scope.asString()));
    }
    StringBuilder challenge = new StringBuilder("Bearer error=\"insufficient_scope\"");
    challenge.append(", scope=\"").append(quoted(scopes.toString())).append('"');
    if (resourceMetadata != null) {
      challenge.append(", resource_metadata=\"").append(quoted(resourceMetadata)).append('"');
    }
    return challenge.toString();
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * The answer to a request that shutdown cut off before it finished: an error the client can show
   * (an empty answer reads as a broken server), saying that a retry is safe for a read and that a
   * write may have gone through.
   */
  static ErrorResponse cutOffByShutdown(JsonNode id) {
    return new ErrorResponse(
        id,
        JsonRpcError.of(
            ErrorCodes.REQUEST_CANCELLED,
            "The server is shutting down and stopped this request before it finished; retry it."
                + " A change it was making may already have been applied: check before repeating"
                + " a write."));
  }

  /** The HTTP methods the MCP endpoint answers, for 405's Allow header. */
  static final Set<String> MCP_METHODS = Set.of("GET", "POST", "DELETE");
}
