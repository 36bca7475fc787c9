package dev.jamfmcp.mcp.http;

import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP response: status, headers and body. Header names keep their case; the body is
 * empty for 202 and 204.
 */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {
  public HttpReply {
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? new byte[0] : body;
  }

  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), null);
  }

  public static HttpReply json(int status, String json) {
    return new HttpReply(
        status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON-RPC error response with a null id, for failures before any message was read. */
  public static HttpReply jsonRpcError(int status, int code, String message) {
    return json(
        status, JsonRpcCodec.encode(new ErrorResponse(null, JsonRpcError.of(code, message))));
  }

  /** A copy with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, more, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
