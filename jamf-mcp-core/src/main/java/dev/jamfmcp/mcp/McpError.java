package dev.jamfmcp.mcp;

import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;

/**
 * Thrown by the engine or a handler to answer a request with a specific JSON-RPC error. Its message
 * goes on the wire, so it must be written for the client, never carry internals.
 */
public class McpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient JsonRpcError error;

  public McpError(JsonRpcError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public JsonRpcError error() {
    return error;
  }

  public static McpError invalidParams(String message) {
    return new McpError(JsonRpcError.invalidParams(message));
  }
}
