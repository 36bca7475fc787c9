package dev.jamfmcp.mcp.jsonrpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON-RPC 2.0 message. Ids are kept as the JSON node they arrived as (a string or an integer),
 * so that they are echoed exactly, whatever their size.
 */
public sealed interface JsonRpcMessage {

  /** A call that expects a response. {@code params} is never null (empty when absent). */
  record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(method, "method");
      params = params == null ? Json.object() : params;
    }
  }

  /** A one-way message. {@code params} is never null (empty when absent). */
  record Notification(String method, ObjectNode params) implements JsonRpcMessage {
    public Notification {
      Objects.requireNonNull(method, "method");
      params = params == null ? Json.object() : params;
    }
  }

  /** A successful response. */
  record Response(JsonNode id, JsonNode result) implements JsonRpcMessage {
    public Response {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(result, "result");
    }
  }

  /** An error response; {@code id} is null when the request's id could not be read. */
  record ErrorResponse(JsonNode id, JsonRpcError error) implements JsonRpcMessage {
    public ErrorResponse {
      Objects.requireNonNull(error, "error");
    }
  }

  /** True for a string or integral JSON number: the only ids JSON-RPC in MCP allows. */
  static boolean isValidId(JsonNode id) {
    return id != null && (id.isString() || id.isIntegralNumber());
  }
}
