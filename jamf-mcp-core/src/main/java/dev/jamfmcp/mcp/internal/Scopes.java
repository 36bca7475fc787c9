package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/** The scope check the engine makes before any handler runs. */
final class Scopes {
  private Scopes() {}

  /** Throws {@link ErrorCodes#INSUFFICIENT_SCOPE} naming what is missing. */
  static void require(Principal principal, Set<String> required, String what) {
    if (principal.hasAllScopes(required)) {
      return;
    }
    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(principal.scopes());
    ObjectNode data = Json.object();
    new TreeSet<>(required).forEach(data.putArray("requiredScopes")::add);
    missing.forEach(data.putArray("missingScopes")::add);
    throw new McpError(
        new JsonRpcError(
            ErrorCodes.INSUFFICIENT_SCOPE,
            "Forbidden: "
                + what
                + " needs the scope "
                + String.join(" ", missing)
                + ", which this caller's token does not grant; nothing was done",
            data));
  }
}
