package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.McpMetrics;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Response;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns one answered request into a {@link McpMetrics} report. Labels come only from what the
 * server knows (its methods and tools), so clients cannot grow the number of time series.
 */
final class RequestMetrics {
  private static final String LISTEN = "subscriptions/listen";

  private RequestMetrics() {}

  static void record(
      McpMetrics metrics, Request request, long startNanos, Optional<JsonRpcMessage> reply) {
    if (metrics == McpMetrics.NONE) {
      return;
    }
    JsonRpcMessage message = reply.orElse(null);
    if (LISTEN.equals(request.method()) && !(message instanceof ErrorResponse)) {
      // An accepted listen lasts as long as the client wants: its life is a stream (counted with
      // the streams), not a request latency, and its ending is not an error.
      return;
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
    String method =
        message instanceof ErrorResponse e && e.error().code() == ErrorCodes.METHOD_NOT_FOUND
            ? "unknown"
            : request.method();
    String tool = "none";
    if ("tools/call".equals(request.method()) && message instanceof Response) {
      JsonNode name = request.params().get("name");
      tool = name != null && name.isString() ? name.stringValue() : "none";
    }
    metrics.requestCompleted(method, tool, latency, errorKind(message));
  }

  private static String errorKind(JsonRpcMessage reply) {
    if (reply == null) {
      return "cancelled";
    }
    if (reply instanceof Response response) {
      JsonNode isError = response.result().get("isError");
      return isError != null && isError.asBoolean() ? "tool_error" : null;
    }
    if (!(reply instanceof ErrorResponse error)) {
      return null;
    }
    return switch (error.error().code()) {
      case ErrorCodes.PARSE_ERROR -> "parse_error";
      case ErrorCodes.INVALID_REQUEST -> "invalid_request";
      case ErrorCodes.METHOD_NOT_FOUND -> "method_not_found";
      case ErrorCodes.INVALID_PARAMS -> "invalid_params";
      case ErrorCodes.INTERNAL_ERROR -> "internal_error";
      default -> "error_" + Math.abs(error.error().code());
    };
  }
}
