package dev.jamfmcp.mcp.internal;

import tools.jackson.databind.node.ObjectNode;

/** Answers one MCP method; throws {@link dev.jamfmcp.mcp.McpError} for a JSON-RPC error. */
@FunctionalInterface
interface MethodHandler {
  ObjectNode handle(Call call) throws Exception;
}
