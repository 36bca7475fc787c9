package dev.jamfmcp.mcp.tool;

import dev.jamfmcp.mcp.RequestContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a tool. Arguments have already been validated against the input schema and the
 * caller's scopes checked. Throw {@link ToolException} for an error the model should see; any other
 * exception becomes a generic error result and is logged, never sent.
 */
@FunctionalInterface
public interface ToolHandler {
  ToolResult call(ObjectNode arguments, RequestContext context) throws Exception;
}
