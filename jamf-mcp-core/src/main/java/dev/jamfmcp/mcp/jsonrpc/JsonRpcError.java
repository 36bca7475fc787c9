package dev.jamfmcp.mcp.jsonrpc;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The error object of a JSON-RPC response.
 *
 * @param code one of the codes in {@link ErrorCodes} or an implementation-defined one
 * @param message one sentence a person or a model can act on; never a stack trace
 * @param data optional structured detail, or {@code null}
 */
public record JsonRpcError(int code, String message, JsonNode data) {
  public JsonRpcError {
    Objects.requireNonNull(message, "message");
  }

  public static JsonRpcError of(int code, String message) {
    return new JsonRpcError(code, message, null);
  }

  public static JsonRpcError parseError(String message) {
    return of(ErrorCodes.PARSE_ERROR, message);
  }

  public static JsonRpcError invalidRequest(String message) {
    return of(ErrorCodes.INVALID_REQUEST, message);
  }

  public static JsonRpcError methodNotFound(String method) {
    return of(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
  }

  public static JsonRpcError invalidParams(String message) {
    return of(ErrorCodes.INVALID_PARAMS, message);
  }

  /**
   * The -32022 error for a protocol version this server does not speak, naming the versions it
   * does, in the message and in {@code data}, so that a client can pick one and retry.
   */
  public static JsonRpcError unsupportedProtocolVersion(String requested, List<String> supported) {
    var data = Json.object().put("requested", requested);
    supported.forEach(data.putArray("supported")::add);
    return new JsonRpcError(
        ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version: "
            + requested
            + "; supported: "
            + String.join(", ", supported),
        data);
  }

  public static JsonRpcError internal(String message) {
    return of(ErrorCodes.INTERNAL_ERROR, message);
  }
}
