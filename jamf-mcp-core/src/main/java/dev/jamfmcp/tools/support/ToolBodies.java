package dev.jamfmcp.tools.support;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.audit.AuditEvent;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolHandler;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small pieces the policy, script, profile, group, MDM and patch tools share: a read handler that
 * turns Jamf failures into messages, argument helpers, and the audit record of an executed write.
 */
public final class ToolBodies {
  private ToolBodies() {}

  /** The body of a read tool: may throw {@link JamfException}, which becomes an isError result. */
  @FunctionalInterface
  public interface ReadBody {
    ToolResult call(ObjectNode arguments, RequestContext context) throws Exception;
  }

  public static ToolHandler read(ReadBody body) {
    return (arguments, context) -> {
      try {
        return body.call(arguments, context);
      } catch (JamfException e) {
        throw JamfFailures.onRead(e);
      }
    };
  }

  /** A trimmed string argument, or null when absent or blank. */
  public static String text(ObjectNode arguments, String name) {
    JsonNode node = arguments.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asString("").trim();
    return value.isEmpty() ? null : value;
  }

  public static int integer(ObjectNode arguments, String name, int byDefault) {
    JsonNode node = arguments.get(name);
    return node == null || node.isNull() ? byDefault : node.asInt(byDefault);
  }

  public static List<String> strings(ObjectNode arguments, String name) {
    JsonNode node = arguments.get(name);
    if (node == null || !node.isArray()) {
      return List.of();
    }
    List<String> values = new java.util.ArrayList<>();
    node.forEach(item -> values.add(item.asString("").trim()));
    return values;
  }

  /** A Jamf id argument that must be a positive whole number (Classic ids are integers). */
  public static int classicId(String value, String what) {
    try {
      int id = Integer.parseInt(value.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ToolException(what + " must be a positive whole number, not '" + value + "'.");
  }

  /**
   * True when Jamf Pro never answered (time-out, connection lost), so a write may or may not have
   * been applied; false when Jamf answered with an error and applied nothing.
   */
  public static boolean outcomeUnknown(JamfException e) {
    return e.status() == 0 || e.status() == 502 || e.status() == 504;
  }

  /** "succeeded", "partially_succeeded" or "failed", as audit events and results say it. */
  public static String outcome(int succeeded, int total) {
    if (succeeded == total && total > 0) {
      return "succeeded";
    }
    return succeeded == 0 ? "failed" : "partially_succeeded";
  }

  /** Records an executed write: who, when, which tool, the arguments without the token. */
  public static void audit(
      ToolSupport support,
      RequestContext context,
      String tool,
      ObjectNode arguments,
      List<String> targets,
      String outcome,
      JsonNode jamfResponse) {
    ObjectNode recorded = arguments.deepCopy();
    recorded.remove(ConfirmationGate.TOKEN_ARGUMENT);
    recorded.remove(ConfirmationGate.APPROVAL_ARGUMENT);
    support
        .audit()
        .record(
            new AuditEvent(
                support.clock().instant(),
                context.principal().subject(),
                tool,
                recorded,
                targets,
                outcome,
                jamfResponse == null ? Json.object() : jamfResponse));
  }
}
