package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One request on its way through a method handler. */
record Call(
    JsonRpcMessage.Request request, Frame frame, RequestScope scope, SessionRuntime session) {

  ObjectNode params() {
    return request.params();
  }

  /** A required string parameter, or -32602 naming it. */
  String requireString(String name) {
    JsonNode value = params().get(name);
    if (value == null || !value.isString()) {
      throw McpError.invalidParams(
          "Invalid params: " + request.method() + " needs a string '" + name + "'");
    }
    return value.stringValue();
  }

  /** An optional string parameter; present but not a string is -32602. */
  String optionalString(String name) {
    JsonNode value = params().get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw McpError.invalidParams(
          "Invalid params: '" + name + "' of " + request.method() + " must be a string");
    }
    return value.stringValue();
  }
}
